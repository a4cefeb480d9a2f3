import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { parseConfig } from '../../config/config';
import { createMessagesHandler, HttpHandler } from '../../handlers/messages';
import { activity, BASE_URL, SERVICE_URL } from './activities';
import type { CardButton } from './cards';
import { Card, httpRequest, jsonOf, quietContext } from './http';

export type { Card };
export interface ReplyActivity {
  type: string;
  text?: string;
  attachments?: Card[];
}

/**
 * A conversation with the bot through the real messages handler (shim, CloudAdapter, bot), the
 * way Emulator or Teams post activities, with the replies returned in the body (expectReplies).
 */
export class HttpChat {
  constructor(
    readonly channelId = 'emulator',
    readonly serviceUrl = SERVICE_URL,
    readonly handler: HttpHandler = createMessagesHandler({ config: parseConfig({ PUBLIC_BASE_URL: BASE_URL }) }),
  ) {}

  async send(fields: Record<string, unknown>): Promise<ReplyActivity[]> {
    const body = JSON.stringify(activity({ channelId: this.channelId, serviceUrl: this.serviceUrl, ...fields }));
    const response = await this.handler(httpRequest({ body }), quietContext('messages'));
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(jsonOf(response))}`);
    return (jsonOf(response) as { activities: ReplyActivity[] }).activities;
  }

  say(text: string, extra: Record<string, unknown> = {}) {
    return this.send({ text, ...extra });
  }

  press(button: CardButton, inputs: Record<string, string> = {}, extra: Record<string, unknown> = {}) {
    if (button.type !== 'Action.Submit') throw new Error(`cannot press ${button.type} "${button.title}"`);
    return this.send({ value: { ...button.data, ...inputs }, ...extra });
  }

  async cardFor(fields: Record<string, unknown>): Promise<Card> {
    return onlyCard(await this.send(fields));
  }
}

export function onlyCard(replies: ReplyActivity[]): Card {
  const cards = replies.flatMap((reply) => reply.attachments ?? []);
  if (replies.length !== 1 || cards.length !== 1) throw new Error(`expected one card, got ${JSON.stringify(replies).slice(0, 300)}`);
  return cards[0];
}

/** Stands in for the Bot Framework connector so that a Teams updateActivity can be observed. */
export async function startFakeConnector(): Promise<{ url: string; calls: { method: string; path: string; body: unknown }[]; close: () => Promise<void> }> {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      calls.push({ method: req.method ?? '', path: req.url ?? '', body: raw ? JSON.parse(raw) : undefined });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'updated' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, calls, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
