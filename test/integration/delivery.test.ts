import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DEFAULT_DELIVERY } from '../../bot/delivery';
import { TOPICS } from '../../core/topics';
import { parseConfig } from '../../config/config';
import { createMessagesHandler } from '../../handlers/messages';
import { createLocalServer, defaultRoutes } from '../../server/local-server';
import { NO_TELEMETRY } from '../../telemetry/app-insights';
import { en } from '../../wording/en';
import { activity, USER } from '../support/activities';
import { buttons } from '../support/cards';
import { answerData } from '../support/interview-driver';
import { ConnectorMode, startConnectorStandIn, ConnectorStandIn } from '../support/connector-stand-in';
import { HttpChat, onlyCard } from '../support/http-chat';

// The delivery policy against a connector that fails (docs/decisions/0013), through the real
// local server and messages handler: what the channel's POST gets and when, as a share of the
// turn's deadline; how many requests the connector saw; what the request's log line says.

// Shrunk from 10 s so the file runs in seconds; every time below is a share of it.
const DEADLINE = 1500;
const MAX_TRIES = DEFAULT_DELIVERY.maxTries;

let connector: ConnectorStandIn;
let server: Server;
let base: string;
const logs: string[] = [];
const handler = createMessagesHandler({ config: parseConfig({ REPLY_DEADLINE_MS: String(DEADLINE) }), telemetry: NO_TELEMETRY });

beforeAll(async () => {
  connector = await startConnectorStandIn();
  server = createLocalServer({ routes: defaultRoutes(handler), log: (line) => logs.push(line) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The first turn loads the guide, which takes a good part of the shrunk deadline: not something to time.
  await new HttpChat('emulator', connector.url, handler).say('help');
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await connector.close();
});

interface TurnLine {
  status: number;
  reason?: string;
  outcome?: string;
  error?: string;
  tries?: number;
  deliveryMs?: number;
  replaced?: boolean;
  replaceError?: string;
}

let sequence = 0;
/** Posts one activity as the channel does (replies to the serviceUrl) and waits a while for stragglers. */
async function turn(name: string, mode: ConnectorMode, fields: Record<string, unknown> = {}) {
  sequence += 1;
  const conversation = `${name}-${sequence}`;
  connector.modes.set(conversation, mode);
  const before = logs.length;
  const started = performance.now();
  const response = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity({ text: 'help', serviceUrl: connector.url, conversation: { id: conversation }, deliveryMode: undefined, ...fields })),
  });
  const answeredAt = performance.now();
  await response.arrayBuffer();
  // Anything the bot still sends after answering would show up here.
  await new Promise((resolve) => setTimeout(resolve, DEADLINE / 4));
  const lines = logs
    .slice(before)
    .filter((line) => line.includes('"event":"turn"'))
    .map((line) => JSON.parse(line.slice(line.indexOf('{'))) as TurnLine);
  const requests = connector.of(conversation);
  return {
    status: response.status,
    /** When the channel got its answer, as a share of the deadline. */
    answeredAfter: (answeredAt - started) / DEADLINE,
    requests,
    posts: requests.filter((request) => request.method === 'POST'),
    line: lines[0],
    lines,
    started,
  };
}

const apologies = (posts: { body?: { text?: string } }[]) => posts.filter((post) => post.body?.text === en.apologies.turnFailed);

test('a connector that takes the reply: one POST, a 200, well inside the deadline', async () => {
  const result = await turn('ok', 'ok');
  expect(result.status).toBe(200);
  expect(result.posts).toHaveLength(1);
  expect(result.answeredAfter).toBeLessThan(0.5);
  expect(result.line).toMatchObject({ status: 200, outcome: 'ok' });
});

test('a connector that answers 500: a bounded number of tries of the same reply, no apology, a 502 inside the deadline, logged as the channel failing', async () => {
  const result = await turn('500', '500');
  expect(result.status).toBe(502);
  expect(result.posts).toHaveLength(MAX_TRIES);
  expect(new Set(result.posts.map((post) => JSON.stringify(post.body))).size).toBe(1);
  expect(apologies(result.posts)).toEqual([]);
  expect(result.answeredAfter).toBeLessThan(1);
  expect(result.lines).toHaveLength(1);
  expect(result.line).toMatchObject({ status: 502, reason: 'channel-unreachable', outcome: 'undelivered', tries: MAX_TRIES });
  expect(result.line.error).toBeUndefined();
  expect(result.line.deliveryMs).toBeLessThan(DEADLINE);
});

test('a connector that answers 429 with a Retry-After beyond the deadline: one try, no wait, logged as throttled', async () => {
  connector.retryAfter = '60';
  const result = await turn('429-long', '429');
  expect(result.status).toBe(502);
  expect(result.posts).toHaveLength(1);
  expect(result.answeredAfter).toBeLessThan(0.5);
  expect(result.line).toMatchObject({ status: 502, reason: 'channel-throttled', outcome: 'undelivered', tries: 1 });
});

test('a Retry-After that fits the deadline is honoured between tries, and the tries stop inside it', async () => {
  const retryAfterMs = DEADLINE / 5;
  connector.retryAfter = String(retryAfterMs / 1000);
  const result = await turn('429-short', '429');
  expect(result.posts.length).toBeGreaterThan(1);
  expect(result.posts.length).toBeLessThanOrEqual(MAX_TRIES);
  for (let i = 1; i < result.posts.length; i++) expect(result.posts[i].at - result.posts[i - 1].at).toBeGreaterThanOrEqual(retryAfterMs * 0.95);
  expect(result.answeredAfter).toBeLessThan(1);
  expect(result.line).toMatchObject({ status: 502, reason: 'channel-throttled', tries: result.posts.length });
});

test('a connector that never answers: the deadline ends the wait, no second try, no apology', async () => {
  const result = await turn('hang', 'hang');
  expect(result.status).toBe(502);
  expect(result.posts).toHaveLength(1);
  expect(result.answeredAfter).toBeGreaterThan(0.9);
  expect(result.answeredAfter).toBeLessThan(1.3);
  expect(result.line).toMatchObject({ status: 502, reason: 'channel-unreachable', outcome: 'undelivered', tries: 1 });
});

test.each([
  ['closes the connection on the request', 'reset'],
  ['reads the reply and closes the connection without an answer', 'accept-then-reset'],
] as const)('a connector that %s: the reply may have been taken, so it is not sent again', async (_name, mode) => {
  const result = await turn(mode, mode);
  expect(result.status).toBe(502);
  expect(result.posts).toHaveLength(1);
  expect(apologies(result.posts)).toEqual([]);
  expect(result.answeredAfter).toBeLessThan(0.5);
  expect(result.line).toMatchObject({ status: 502, reason: 'channel-unreachable', outcome: 'undelivered', tries: 1 });
});

test('a connector that answers 500 once: the same reply is sent again and taken once, and the turn is a 200', async () => {
  const result = await turn('500-once', '500-once');
  expect(result.status).toBe(200);
  expect(result.posts).toHaveLength(2);
  expect(result.posts.map((post) => post.answer)).toEqual([500, 200]);
  expect(result.posts[1].body).toEqual(result.posts[0].body);
  expect(result.line).toMatchObject({ status: 200, outcome: 'ok' });
});

test('in Teams, an edit of the answered card that hangs does not hold up the next question', async () => {
  const conversation = `teams-edit-${sequence}`;
  const chat = new HttpChat('msteams', connector.url);
  const welcome = await chat.cardFor({ type: 'installationUpdate', action: 'add', conversation: { id: conversation } });
  const question = onlyCard(
    await chat.press(
      buttons(welcome).find((b) => b.title === TOPICS['used-pc'].title)!,
      {},
      { conversation: { id: conversation } },
    ),
  );
  // The edit (a PUT to the answered card) hangs; the next question (a POST) is taken.
  connector.modes.set('/activities/hung-card', 'hang');
  const result = await turn('teams-edit', 'ok', {
    channelId: 'msteams',
    text: undefined,
    value: answerData(question),
    replyToId: 'hung-card',
    from: USER,
  });
  const edit = result.requests.find((request) => request.method === 'PUT')!;
  expect(edit.answer).toBe('held');
  expect(result.posts).toHaveLength(1);
  // Sent one after the other, the question would come a whole deadline after the edit.
  expect((result.posts[0].at - edit.at) / DEADLINE).toBeLessThan(0.25);
  expect(result.status).toBe(200);
  expect(result.line).toMatchObject({ status: 200, outcome: 'ok', replaced: false, replaceError: 'DeliveryFailedError' });
});

test('a connector that refuses the connection: the reply never reached it, so it is tried again, within the deadline', async () => {
  // A port that was just free: nothing listens there. (Port 9, the usual choice, fetch refuses outright.)
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const result = await turn('refused', 'ok', { serviceUrl: `http://127.0.0.1:${port}/` });
  expect(result.status).toBe(502);
  expect(result.answeredAfter).toBeLessThan(1);
  expect(result.line).toMatchObject({ status: 502, reason: 'channel-unreachable', outcome: 'undelivered', tries: MAX_TRIES });
});
