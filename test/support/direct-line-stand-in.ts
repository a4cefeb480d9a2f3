import { createHash, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';

// A local stand-in for the Direct Line service (the real one cannot be reached from here). It
// speaks enough of Direct Line 3.0 for the token function and for Bot Framework Web Chat:
//   POST /v3/directline/tokens/generate          secret (Bearer) -> { conversationId, token, expires_in }
//   POST /v3/directline/conversations            token -> the conversation and its websocket streamUrl
//   GET  /v3/directline/conversations/{id}       reconnect: a fresh streamUrl
//   GET  /v3/directline/conversations/{id}/activities?watermark=   polling
//   POST /v3/directline/conversations/{id}/activities              the user's activity, relayed to the bot
//   WS   /v3/directline/conversations/{id}/stream                  { activities, watermark } messages
// and, for the bot's replies, the Bot Connector routes a channel serves (the stand-in is the
// activities' serviceUrl):
//   POST /v3/conversations/{id}/activities[/{replyToId}], PUT /v3/conversations/{id}/activities/{activityId}
// As Direct Line does for a token that carries a user id, starting a conversation sends the bot a
// conversationUpdate adding the bot and the user. Activities from the user are echoed on the
// stream (Web Chat marks a message as sent when its echo arrives).

export const STAND_IN_BOT = { id: 'licensing-bot', name: 'Licensing Assistant', role: 'bot' };

export interface TokenRequest {
  authorization?: string;
  body: unknown;
}

/** How to answer tokens/generate instead of the normal way (failure tests). */
export interface TokenOverride {
  status?: number;
  body?: unknown;
  /** Wait this long before answering (or forever, with Infinity). */
  delayMs?: number;
}

type Activity = Record<string, unknown> & { id?: string; type?: string };

interface Conversation {
  id: string;
  token: string;
  userId: string;
  started: boolean;
  activities: Activity[];
  sockets: Set<Socket>;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export class DirectLineStandIn {
  /** Where to deliver the user's activities: the bot's /api/messages. Unset: no bot behind it. */
  botEndpoint?: string;
  tokenOverride?: TokenOverride;
  readonly tokenRequests: TokenRequest[] = [];
  /** Every activity handed to the bot, and its HTTP status. */
  readonly delivered: { activity: Activity; status: number }[] = [];

  private server?: Server;
  private readonly conversations = new Map<string, Conversation>();
  private readonly sockets = new Set<Socket>();
  private readonly pending = new Set<NodeJS.Timeout>();

  constructor(readonly secret: string) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('the Direct Line stand-in is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: Error) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'StandInError', message: error.message } }));
      });
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server.on('upgrade', (req, socket) => this.upgrade(req, socket as Socket));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.pending) clearTimeout(timer);
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Everything the conversation has carried so far, in order (user echoes and bot replies). */
  transcript(conversationId: string): Activity[] {
    return [...(this.conversations.get(conversationId)?.activities ?? [])];
  }

  conversationIds(): string[] {
    return [...this.conversations.keys()];
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const path = url.pathname.split('/').map(decodeURIComponent);
    const method = req.method ?? 'GET';
    const cors = { 'access-control-allow-origin': '*' };
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, { ...cors, ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }) });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const body = await readJson(req);

    if (method === 'OPTIONS') {
      res.writeHead(200, {
        ...cors,
        'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
        'access-control-allow-headers': 'authorization, content-type, x-ms-bot-agent',
        'access-control-max-age': '600',
      });
      return void res.end();
    }

    // --- Direct Line 3.0, the client side ---
    if (path[1] === 'v3' && path[2] === 'directline') {
      const rest = path.slice(3);
      const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      if (method === 'POST' && rest.join('/') === 'tokens/generate') return this.generateToken(req, body, send);
      if (method === 'POST' && rest.join('/') === 'tokens/refresh') {
        const conversation = this.byToken(bearer);
        return conversation ? send(200, { conversationId: conversation.id, token: conversation.token, expires_in: 3600 }) : send(403);
      }
      if (rest[0] !== 'conversations') return send(404);
      if (method === 'POST' && rest.length === 1) {
        const conversation = this.byToken(bearer);
        if (!conversation) return send(403, { error: { code: 'BadArgument', message: 'token not valid' } });
        send(201, this.describe(conversation));
        if (!conversation.started) {
          conversation.started = true;
          void this.startConversation(conversation);
        }
        return;
      }
      const conversation = this.conversations.get(rest[1]);
      if (!conversation) return send(404);
      if (bearer !== conversation.token) return send(403);
      if (method === 'GET' && rest.length === 2) return send(200, this.describe(conversation));
      if (method === 'GET' && rest[2] === 'activities') {
        const watermark = Number(url.searchParams.get('watermark') || 0);
        return send(200, { activities: conversation.activities.slice(watermark), watermark: String(conversation.activities.length) });
      }
      if (method === 'POST' && rest[2] === 'activities' && rest.length === 3) {
        const activity = this.fromUser(conversation, body as Activity);
        this.append(conversation, activity);
        const status = await this.deliver(activity);
        return status >= 200 && status < 300 ? send(200, { id: activity.id }) : send(502, { error: { code: 'BotError', message: `bot answered ${status}` } });
      }
      return send(404);
    }

    // --- Bot Connector, the bot side (no authentication: the bot runs without an app id) ---
    if (path[1] === 'v3' && path[2] === 'conversations' && path[4] === 'activities') {
      const conversation = this.conversations.get(path[3]);
      if (!conversation) return send(404, { error: { code: 'ConversationNotFound', message: 'no such conversation' } });
      const activity = { ...(body as Activity) };
      if (method === 'POST') {
        activity.id = this.nextId(conversation);
        activity.timestamp = new Date().toISOString();
        this.append(conversation, activity);
        return send(200, { id: activity.id });
      }
      if (method === 'PUT' && path[5]) {
        const index = conversation.activities.findIndex((a) => a.id === path[5]);
        if (index < 0) return send(404);
        conversation.activities[index] = { ...activity, id: path[5] };
        this.broadcast(conversation, [conversation.activities[index]]);
        return send(200, { id: path[5] });
      }
    }
    return send(404);
  }

  private async generateToken(req: IncomingMessage, body: unknown, send: (status: number, body?: unknown) => void): Promise<void> {
    this.tokenRequests.push({ authorization: req.headers.authorization, body });
    const override = this.tokenOverride;
    if (override?.delayMs) {
      if (override.delayMs === Infinity) return; // never answers; the client has to give up
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.pending.delete(timer);
          resolve();
        }, override.delayMs);
        this.pending.add(timer);
      });
    }
    if (override?.status) return send(override.status, override.body ?? { error: { code: 'Override', message: 'as configured' } });
    if (req.headers.authorization !== `Bearer ${this.secret}`) return send(403, { error: { code: 'BadArgument', message: 'secret not valid' } });
    const userId = (body as { user?: { id?: unknown } } | undefined)?.user?.id;
    if (typeof userId !== 'string' || !userId.startsWith('dl_')) return send(400, { error: { code: 'BadArgument', message: 'user id must start with dl_' } });
    const id = randomUUID().replace(/-/g, '');
    // Shaped like Direct Line's own tokens (a JWT whose "user" claim Web Chat reads), but unsigned.
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ conv: id, user: userId, exp: Math.floor(Date.now() / 1000) + 3600 })}.stand-in`;
    this.conversations.set(id, { id, token, userId, started: false, activities: [], sockets: new Set() });
    send(200, { conversationId: id, token, expires_in: 3600 });
  }

  private byToken(token: string): Conversation | undefined {
    return [...this.conversations.values()].find((c) => c.token === token);
  }

  private describe(conversation: Conversation) {
    const stream = `${this.url.replace(/^http/, 'ws')}/v3/directline/conversations/${conversation.id}/stream?t=${encodeURIComponent(conversation.token)}`;
    return { conversationId: conversation.id, token: conversation.token, expires_in: 3600, streamUrl: stream };
  }

  private nextId(conversation: Conversation): string {
    return `${conversation.id}|${String(conversation.activities.length + 1).padStart(7, '0')}`;
  }

  private common(conversation: Conversation): Activity {
    return {
      channelId: 'webchat',
      serviceUrl: `${this.url}/`,
      conversation: { id: conversation.id },
      recipient: STAND_IN_BOT,
      timestamp: new Date().toISOString(),
    };
  }

  private fromUser(conversation: Conversation, activity: Activity): Activity {
    return {
      ...activity,
      ...this.common(conversation),
      id: this.nextId(conversation),
      from: { ...(activity.from ?? {}), id: conversation.userId, role: 'user' },
    };
  }

  private async startConversation(conversation: Conversation): Promise<void> {
    const user = { id: conversation.userId, role: 'user' };
    await this.deliver({
      ...this.common(conversation),
      type: 'conversationUpdate',
      id: `${conversation.id}|update`,
      from: user,
      membersAdded: [STAND_IN_BOT, user],
    });
  }

  private async deliver(activity: Activity): Promise<number> {
    if (!this.botEndpoint) return 200;
    try {
      const response = await fetch(this.botEndpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      await response.arrayBuffer();
      this.delivered.push({ activity, status: response.status });
      return response.status;
    } catch {
      this.delivered.push({ activity, status: 599 });
      return 599;
    }
  }

  private append(conversation: Conversation, activity: Activity): void {
    conversation.activities.push(activity);
    this.broadcast(conversation, [activity]);
  }

  private broadcast(conversation: Conversation, activities: Activity[]): void {
    const message = wsFrame(JSON.stringify({ activities, watermark: String(conversation.activities.length) }));
    for (const socket of conversation.sockets) socket.write(message);
  }

  /** A websocket server in a few lines: the handshake, and unmasked text frames out. */
  private upgrade(req: IncomingMessage, socket: Socket): void {
    socket.on('error', () => undefined);
    const url = new URL(req.url ?? '/', this.url);
    const match = url.pathname.match(/^\/v3\/directline\/conversations\/([^/]+)\/stream$/);
    const conversation = match ? this.conversations.get(match[1]) : undefined;
    const key = req.headers['sec-websocket-key'];
    if (!conversation || url.searchParams.get('t') !== conversation.token || typeof key !== 'string') {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    conversation.sockets.add(socket);
    socket.on('close', () => conversation.sockets.delete(socket));
    socket.on('data', (data: Buffer) => {
      // The client only sends empty keep-alive messages and, at the end, a close frame.
      if ((data[0] & 0x0f) === 0x8) {
        socket.end(Buffer.from([0x88, 0x00]));
        conversation.sockets.delete(socket);
      }
    });
    // A new stream starts with everything so far (Web Chat connects without a watermark).
    if (conversation.activities.length) {
      socket.write(wsFrame(JSON.stringify({ activities: conversation.activities, watermark: String(conversation.activities.length) })));
    }
  }
}

function wsFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  let header: Buffer;
  if (payload.length < 126) header = Buffer.from([0x81, payload.length]);
  else if (payload.length < 65536) {
    header = Buffer.alloc(4);
    header[0] = 0x81;
    header[1] = 126;
    header.writeUInt16BE(payload.length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = 0x81;
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(payload.length), 2);
  }
  return Buffer.concat([header, payload]);
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text) return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        resolve(text);
      }
    });
    req.on('error', reject);
  });
}
