import { UNSUPPORTED_INVOKE_ANSWER } from '../../bot/adapter';
import { MAX_QUERY_CHARS } from '../../reading/search';
import { en } from '../../wording/en';
import { parseConfig } from '../../config/config';
import { guide } from '../../core/knowledge';
import { MAX_ACTIVITY_BYTES } from '../../handlers/http-errors';
import { createMessagesHandler } from '../../handlers/messages';
import { createLocalServer, defaultRoutes } from '../../server/local-server';
import { NO_TELEMETRY } from '../../telemetry/app-insights';
import { kindOf, cardProblems } from '../support/cards';
import { activity } from '../support/activities';
import { httpRequest, jsonOf, quietContext } from '../support/http';
import { HttpResponseInit } from '@azure/functions';
import { request as httpRequestRaw, Server } from 'node:http';
import { AddressInfo } from 'node:net';

// Bad input through the HTTP handler and through the local server over a real socket: never a
// 5xx, every error a short JSON message. (test/handlers/messages.test.ts and
// test/server/local-server.test.ts cover the basic 400, 405, 413 and unknown-type cases.)

const handler = createMessagesHandler({ config: parseConfig({ DESK_STORE_FILE: ':memory:' }), telemetry: NO_TELEMETRY });
const MARKER = 'do-not-echo-4f1c';

let server: Server;
let base = '';
beforeAll(async () => {
  server = createLocalServer({ routes: defaultRoutes(handler) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  // botbuilder prints rejected activities; expected here.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  raw: string;
}

/** The same request through the handler (as the Functions host calls it) and over the socket. */
async function both(method: string, body: string | undefined, headers: Record<string, string> = {}): Promise<[Answer, Answer]> {
  const direct: HttpResponseInit = await handler(httpRequest({ method, body, headers }), quietContext('messages'));
  const directBody = jsonOf(direct);
  const directRaw = directBody === undefined ? '' : JSON.stringify(directBody);
  const viaHandler: Answer = {
    status: direct.status ?? 200,
    headers: Object.fromEntries(Object.entries((direct.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v])),
    body: directBody,
    raw: directRaw,
  };
  const response = await fetch(`${base}/api/messages`, {
    method,
    body: method === 'GET' || method === 'HEAD' ? undefined : body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  const raw = await response.text();
  const viaServer: Answer = {
    status: response.status,
    headers: Object.fromEntries(response.headers.entries()),
    body: raw && response.headers.get('content-type')?.includes('json') ? JSON.parse(raw) : raw,
    raw,
  };
  return [viaHandler, viaServer];
}

function expectShortJsonError(answer: Answer, status: number) {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({ error: expect.any(String) });
  expect(answer.raw.length).toBeLessThan(200);
  expect(answer.raw).not.toMatch(/\bat .+:\d+|Error:|\.ts\b|\.js\b/);
  expect(answer.raw).not.toContain(MARKER);
}

const cardsIn = (answer: Answer) =>
  ((answer.body as { activities?: { attachments?: { contentType: string; content: Record<string, unknown> }[] }[] })?.activities ?? []).flatMap(
    (a) => a.attachments ?? [],
  );

describe('bad input through the handler and the local server: never a 5xx', () => {
  it.each(['PUT', 'PATCH', 'DELETE', 'OPTIONS'])('answers %s with 405, a short JSON message and Allow: POST', async (method) => {
    for (const answer of await both(method, JSON.stringify(activity({ text: 'help' })))) {
      expectShortJsonError(answer, 405);
      expect(answer.headers.allow).toBe('POST');
    }
  });

  it('answers HEAD with 405 and no body', async () => {
    const [viaHandler, viaServer] = await both('HEAD', undefined);
    expect(viaHandler.status).toBe(405);
    expect(viaServer.status).toBe(405);
    expect(viaServer.raw).toBe('');
  });

  it.each([
    ['an empty body', ''],
    ['whitespace', '  \n '],
    ['bytes that are not UTF-8 JSON', '\u00ff\u00fe{'],
    ['JSON with a trailing comma', `{"type":"message","text":"${MARKER}",}`],
    ['a bare number', '42'],
  ])('answers %s with 400 and a short JSON message that does not echo the input', async (_name, body) => {
    for (const answer of await both('POST', body)) expectShortJsonError(answer, 400);
  });

  it.each([
    ['an empty type', { type: '' }],
    ['a type longer than 64 characters', { type: `m${'x'.repeat(64)}` }],
    ['a channelId that is an object', { type: 'message', channelId: { id: MARKER } }],
    // Each of these used to reach botbuilder and end as a 502 or as "Sorry, something went wrong".
    ['a serviceUrl that is a number', activity({ text: 'help', serviceUrl: 42 })],
    ['membersAdded that is a string', activity({ type: 'conversationUpdate', membersAdded: MARKER })],
    ['membersAdded holding null', activity({ type: 'conversationUpdate', membersAdded: [null] })],
    ['an entity without a type', activity({ text: 'help', entities: [{}] })],
    ['a mention that names nobody', activity({ text: `<at>Bot</at> ${MARKER}`, entities: [{ type: 'mention', mentioned: null, text: '<at>Bot</at>' }] })],
  ])('answers JSON that is not a well-formed activity (%s) with 400', async (_name, body) => {
    for (const answer of await both('POST', JSON.stringify(body))) expectShortJsonError(answer, 400);
  });

  it('answers an activity of exactly 256 KB, and refuses one byte more with 413', async () => {
    const envelope = JSON.stringify(activity({ text: '' }));
    const exact = envelope.replace('"text":""', `"text":"${'a'.repeat(MAX_ACTIVITY_BYTES - Buffer.byteLength(envelope))}"`);
    expect(Buffer.byteLength(exact)).toBe(MAX_ACTIVITY_BYTES);
    for (const answer of await both('POST', exact)) {
      expect(answer.status).toBe(200);
      expect(cardsIn(answer)).toHaveLength(1);
    }
    const over = exact.replace('"text":"a', '"text":"aa');
    for (const answer of await both('POST', over)) expectShortJsonError(answer, 413);
  });

  it('answers a 100 KB question with a valid card that says only its start was searched', async () => {
    const text = `Can we reimage refurbished PCs with our volume license media? ${'Please explain in detail. '.repeat(4000)}`;
    expect(text.length).toBeGreaterThan(100_000);
    for (const answer of await both('POST', JSON.stringify(activity({ text })))) {
      expect(answer.status).toBe(200);
      const cards = cardsIn(answer);
      expect(cards).toHaveLength(1);
      expect(cardProblems(cards[0])).toEqual([]);
      expect(JSON.stringify(cards[0].content)).toContain(en.notices.longText(MAX_QUERY_CHARS));
      // The reply is a card about the guide, not the user's 100 KB sent back.
      expect(answer.raw.length).toBeLessThan(28 * 1024);
    }
  });

  it('answers a 100 KB card submit, and one nested 20,000 levels deep, with the "could not read that card" card', async () => {
    const huge = JSON.stringify(activity({ value: { action: 'start', v: guide.version, topic: 'refurbished-pc', facts: {}, note: 'z'.repeat(100_000) } }));
    const deep = JSON.stringify(activity({ value: 'DEEP' })).replace('"DEEP"', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`);
    for (const body of [huge, deep]) {
      for (const answer of await both('POST', body)) {
        expect(answer.status).toBe(200);
        const cards = cardsIn(answer);
        expect(cards).toHaveLength(1);
        expect(kindOf(cards[0])).toBe('restart');
      }
    }
  });

  it('ignores activity types it does not know, and typing or trace activities, with 200 and no reply', async () => {
    for (const type of ['somethingNew', 'typing', 'trace', 'messageReaction']) {
      for (const answer of await both('POST', JSON.stringify(activity({ type, text: MARKER })))) {
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({ activities: [] });
      }
    }
  });

  it('answers an invoke it does not implement with 200 and a plain message, malformed or not, never "something went wrong"', async () => {
    const invokes = [
      { type: 'invoke', name: 'composeExtension/fetchTask', value: { commandId: 'x' } },
      // botbuilder's own parsing of this one throws a TypeError (value.action.type).
      { type: 'invoke', name: 'adaptiveCard/action', value: { nothing: MARKER } },
      { type: 'invoke', name: 'application/search', value: MARKER },
    ];
    for (const fields of invokes) {
      for (const answer of await both('POST', JSON.stringify(activity({ ...fields, deliveryMode: undefined })))) {
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual(UNSUPPORTED_INVOKE_ANSWER);
      }
      // With replies in the body, the invoke's answer is its invokeResponse, and nothing else.
      for (const answer of await both('POST', JSON.stringify(activity(fields)))) {
        expect(answer.status).toBe(200);
        const replies = (answer.body as { activities: { type: string; value?: unknown }[] }).activities;
        expect(replies.map((reply) => [reply.type, reply.value])).toEqual([['invokeResponse', { status: 200, body: UNSUPPORTED_INVOKE_ANSWER }]]);
      }
    }
  });

  it('answers a malformed message extension search or link with 200 and a message or an empty result, never "something went wrong"', async () => {
    const invokes = [
      { type: 'invoke', name: 'composeExtension/query', value: { commandId: 'x' } },
      { type: 'invoke', name: 'composeExtension/query', value: MARKER },
      { type: 'invoke', name: 'composeExtension/query', value: { parameters: [{ name: 'query', value: [MARKER] }], queryOptions: MARKER } },
      { type: 'invoke', name: 'composeExtension/queryLink', value: { url: MARKER } },
      { type: 'invoke', name: 'composeExtension/queryLink', value: [MARKER] },
    ];
    for (const fields of invokes) {
      for (const answer of await both('POST', JSON.stringify(activity({ ...fields, deliveryMode: undefined })))) {
        expect(answer.status).toBe(200);
        const { composeExtension } = answer.body as { composeExtension: { type: string; text?: string; attachments?: unknown[] } };
        if (composeExtension.type === 'message') expect(composeExtension.text).not.toMatch(/went wrong/);
        // A search with nothing readable to search shows the starting sections; a link, nothing.
        else if (fields.name === 'composeExtension/query') expect(composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
        else expect(composeExtension).toEqual({ type: 'result', attachmentLayout: 'list', attachments: [] });
        expect(JSON.stringify(answer.body)).not.toContain(MARKER);
      }
    }
  });
});

describe('the local server reads no more than 256 KB of a body', () => {
  function post(headers: Record<string, string | number>, write: (req: ReturnType<typeof httpRequestRaw>) => void): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequestRaw(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', (error) => (/ECONNRESET|EPIPE/.test(String(error)) ? undefined : reject(error)));
      write(req);
    });
  }

  it('answers a chunked upload 413 as soon as it passes 256 KB, without waiting for the rest', async () => {
    // 300 KB sent and the request left open: a server reading the whole body would never answer.
    const answer = await post({ 'transfer-encoding': 'chunked' }, (req) => {
      req.write('{"type":"message","text":"');
      for (let i = 0; i < 30; i++) req.write('x'.repeat(10 * 1024));
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: expect.any(String) });
  });

  it('answers a declared Content-Length over 256 KB with 413 before any body arrives', async () => {
    const answer = await post({ 'content-length': 50 * 1024 * 1024 }, (req) => req.flushHeaders());
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: expect.any(String) });
  });
});
