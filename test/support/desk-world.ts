import { InvocationContext } from '@azure/functions';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { parseConfig } from '../../config/config';
import { createMessagesHandler, HttpHandler } from '../../handlers/messages';
import { activity, BOT, MENTION } from './activities';
import type { Card } from './http';
import { httpRequest, jsonOf } from './http';

// The licensing desk end to end through the real messages handler: a Teams team with a desk
// channel, people in personal chats, and a Bot Framework connector stand-in on loopback that
// records every proactive post and card update (and can refuse one conversation, as Teams does
// when the bot was removed from it).

export const OWNER = { id: '29:owner', name: 'Olga Owner', aadObjectId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f' };
export const DESK_MEMBER = { id: '29:member', name: 'Mel Member', aadObjectId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0' };
export const OTHER_MEMBER = { id: '29:other', name: 'Oscar Other', aadObjectId: '11111111-2222-4333-8444-555555555555' };
export const STRANGER = { id: '29:stranger', name: 'Stan Stranger', aadObjectId: '99999999-8888-4777-8666-555555555555' };
export const ASKER = { id: '29:asker', name: 'Ada Asker', aadObjectId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' };
export const DESK_TEAM = '19:deskteam@thread.tacv2';
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

export interface ConnectorCall {
  method: string;
  conversationId: string;
  activityId?: string;
  body: { type?: string; text?: string; attachments?: Card[]; replyToId?: string };
}

export interface DeskWorld {
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Every line the messages handler and the bot logged. */
  logs: string[];
  /** Conversations the connector refuses (404), as for a chat the bot was removed from. */
  unreachable: Set<string>;
  handler: HttpHandler;
  /** Posts an activity through the handler; returns the replies of the turn (expectReplies). */
  send(fields: Record<string, unknown>): Promise<{ type: string; text?: string; attachments?: Card[] }[]>;
  /** A message in a team channel, with the bot @mentioned. */
  inChannel(channelId: string, from: typeof OWNER, text: string, teamId?: string): Promise<{ type: string; text?: string; attachments?: Card[] }[]>;
  close(): Promise<void>;
}

export async function startDeskWorld(env: Record<string, string> = {}): Promise<DeskWorld> {
  const calls: ConnectorCall[] = [];
  const unreachable = new Set<string>();
  let posted = 0;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
      const conversationId = match ? decodeURIComponent(match[1]) : '';
      const activityId = match?.[2] ? decodeURIComponent(match[2]) : undefined;
      calls.push({ method: req.method ?? '', conversationId, activityId, body: raw ? JSON.parse(raw) : {} });
      if (unreachable.has(conversationId)) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'ConversationNotFound', message: 'Conversation not found.' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: activityId ?? `posted-${(posted += 1)}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const logs: string[] = [];
  const handler = createMessagesHandler({
    config: parseConfig({ PUBLIC_BASE_URL: 'https://licensing.example.com', DESK_STORE_FILE: ':memory:', DESK_OWNER_IDS: OWNER.aadObjectId, ...env }),
  });
  const context = () => new InvocationContext({ functionName: 'messages', logHandler: (_level, ...args) => logs.push(args.map(String).join(' ')) });
  const originalWarn = console.warn;
  console.warn = (...args: unknown[]) => logs.push(args.map(String).join(' '));

  const send: DeskWorld['send'] = async (fields) => {
    const body = JSON.stringify(activity({ channelId: 'msteams', serviceUrl, ...fields }));
    const response = await handler(httpRequest({ body }), context());
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(jsonOf(response))}`);
    return (jsonOf(response) as { activities: { type: string; text?: string; attachments?: Card[] }[] }).activities;
  };

  return {
    serviceUrl,
    calls,
    logs,
    unreachable,
    handler,
    send,
    inChannel: (channelId, from, text, teamId = DESK_TEAM) =>
      send({
        from,
        text: `<at>${BOT.name}</at> ${text}`,
        entities: [MENTION],
        conversation: { id: `${channelId};messageid=17000000${calls.length}`, conversationType: 'channel', tenantId: TENANT },
        channelData: { team: { id: teamId }, channel: { id: channelId }, tenant: { id: TENANT } },
      }),
    close: async () => {
      console.warn = originalWarn;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A person's personal chat with the bot. */
export const personalChat = (person: typeof ASKER) => ({
  from: person,
  conversation: { id: `a:personal-${person.id}`, conversationType: 'personal', tenantId: TENANT },
  channelData: { tenant: { id: TENANT } },
});
