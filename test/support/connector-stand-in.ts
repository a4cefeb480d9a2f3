import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';

// Plays the Bot Framework connector of a channel on 127.0.0.1, failing in the ways a real one
// does, and records every request it gets and what it answered. The mode can change per request
// path (the conversation), so one stand-in serves a whole test file.

export type ConnectorMode =
  /** Answers 200 with an id: the activity was taken. */
  | 'ok'
  /** Answers 500 every time. */
  | '500'
  /** 500 to the first request of the conversation, 200 afterwards. */
  | '500-once'
  /** 429 with `Retry-After: <retryAfter>` every time. */
  | '429'
  /** Reads the request and never answers. */
  | 'hang'
  /** Closes the connection as soon as the request line arrives, before reading the body. */
  | 'reset'
  /** Reads the whole request (the activity was taken) and closes the connection without an answer. */
  | 'accept-then-reset';

export interface ConnectorRequest {
  method: string;
  path: string;
  /** The activity sent, if the body was read and was JSON. */
  body?: { type?: string; text?: string; attachments?: unknown[]; id?: string } & Record<string, unknown>;
  /** What the stand-in did: a status, or "held" / "reset". */
  answer: number | 'held' | 'reset';
  /** performance.now() when the request arrived. */
  at: number;
}

export interface ConnectorStandIn {
  /** The serviceUrl an activity names to have its replies come here. */
  url: string;
  requests: ConnectorRequest[];
  /** The mode for requests whose path contains the key (a conversation id, or a part of a path); others get `fallback`. */
  modes: Map<string, ConnectorMode>;
  fallback: ConnectorMode;
  /** The Retry-After value the 429 mode sends, in seconds. */
  retryAfter: string;
  /** The requests that concern one conversation. */
  of(conversation: string): ConnectorRequest[];
  close(): Promise<void>;
}

export async function startConnectorStandIn(): Promise<ConnectorStandIn> {
  const requests: ConnectorRequest[] = [];
  const sockets = new Set<Socket>();
  const seen = new Map<string, number>();
  const standIn: ConnectorStandIn = {
    url: '',
    requests,
    modes: new Map(),
    fallback: 'ok',
    retryAfter: '60',
    of: (conversation) => requests.filter((request) => request.path.includes(encodeURIComponent(conversation))),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const modeOf = (path: string): [ConnectorMode, string | undefined] => {
    for (const [key, mode] of standIn.modes) if (path.includes(key)) return [mode, key];
    return [standIn.fallback, undefined];
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '';
    const [mode, conversation] = modeOf(path);
    const record: ConnectorRequest = { method: req.method ?? '', path, answer: 'held', at: performance.now() };
    requests.push(record);
    if (mode === 'reset') {
      record.answer = 'reset';
      req.socket.destroy();
      return;
    }
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      try {
        record.body = raw ? (JSON.parse(raw) as ConnectorRequest['body']) : undefined;
      } catch {
        record.body = undefined;
      }
      const count = (seen.get(conversation ?? '') ?? 0) + 1;
      seen.set(conversation ?? '', count);
      const answer = (status: number, headers: Record<string, string> = {}) => {
        record.answer = status;
        const body = status < 300 ? { id: `stand-in-${requests.length}` } : { error: { code: 'StandIn', message: `mode ${mode}` } };
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
      };
      switch (mode) {
        case 'hang':
          return;
        case 'accept-then-reset':
          record.answer = 'reset';
          req.socket.destroy();
          return;
        case '500':
          return answer(500);
        case '500-once':
          return answer(count === 1 ? 500 : 200);
        case '429':
          return answer(429, { 'retry-after': standIn.retryAfter });
        default:
          return answer(200);
      }
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return standIn;
}
