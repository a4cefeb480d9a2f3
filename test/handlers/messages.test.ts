import { HttpResponseInit, InvocationContext } from '@azure/functions';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as adapterModule from '../../bot/adapter';
import { InvalidActivityError, LicensingAdapter } from '../../bot/adapter';
import { parseConfig } from '../../config/config';
import { createMessagesHandler, messagesHandler, NOT_CONFIGURED_MESSAGE } from '../../handlers/messages';
import { NO_TELEMETRY } from '../../telemetry/app-insights';
import { authenticationAt, ISSUER, LocalIssuer, signTokens, startIssuer } from '../auth/support/issuer';
import { activity } from '../support/activities';
import { cardText } from '../support/cards';
import { cardsOf, httpRequest, quietContext, repliesOf } from '../support/http';

const post = (body: string, headers: Record<string, string> = {}) => messagesHandler(httpRequest({ body, headers }), quietContext('messages'));

describe('POST /api/messages (the real handler, auth off as in local use)', () => {
  it('answers a conversationUpdate with the welcome card in the body when the caller expects replies', async () => {
    const response = await post(
      JSON.stringify(
        activity({
          type: 'conversationUpdate',
          membersAdded: [{ id: 'user-1', name: 'Test User' }],
        }),
      ),
    );
    expect(response.status).toBe(200);
    const cards = cardsOf(repliesOf(response));
    expect(cards).toHaveLength(1);
    expect(cards[0].content.version).toBe('1.5');
    expect(cardText(cards[0])).toMatch(/refurbished/i);
  });

  it('rejects a body that is not JSON with 400 and a short message', async () => {
    const response = await post('{"type": "message", ');
    expect(response.status).toBe(400);
    expect(response.jsonBody).toEqual({ error: expect.stringMatching(/not valid JSON/) });
  });

  it.each([
    ['an array', '[1,2,3]'],
    ['a string', '"hello"'],
    ['an object without a type', '{"text":"hi"}'],
    ['a type that is not a string', '{"type": 42}'],
    ['null', 'null'],
  ])('rejects JSON that is not an activity (%s) with 400', async (_name, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.jsonBody)).not.toMatch(/at .*\.js|Error:/);
  });

  it('refuses a body over 256 KB with 413 before parsing it', async () => {
    const response = await post(`{"type":"message","text":"${'x'.repeat(300 * 1024)}"}`);
    expect(response.status).toBe(413);
  });

  it('refuses a declared body over 256 KB with 413 without reading it', async () => {
    const response = await post('{}', { 'content-length': String(10 * 1024 * 1024) });
    expect(response.status).toBe(413);
  });

  it('answers other methods with 405, naming the one it takes', async () => {
    const response = await messagesHandler(httpRequest({ method: 'GET' }), quietContext());
    expect(response.status).toBe(405);
    expect(response.headers).toMatchObject({ Allow: 'POST' });
    expect(response.jsonBody).toEqual({ error: 'Only POST is accepted here.' });
  });

  it('accepts and ignores an activity type it does not know', async () => {
    const response = await post(JSON.stringify(activity({ type: 'somethingNew' })));
    expect(response.status).toBe(200);
    expect(repliesOf(response)).toEqual([]);
  });
});

// One case per kind of failure, through the real handler: what the caller gets, and the reason the
// operator's log line gives.
describe('POST /api/messages: each kind of failure has its own answer', () => {
  const APP_ID = '7b2a3c4d-1111-4222-8333-944455556666';
  let lines: Record<string, unknown>[] = [];
  let errors: string[] = [];
  const context = () =>
    new InvocationContext({
      functionName: 'messages',
      logHandler: (level, ...args) => {
        const text = args.map(String).join(' ');
        if (level === 'error') errors.push(text);
        if (text.startsWith('{')) lines.push(JSON.parse(text) as Record<string, unknown>);
      },
    });
  const localBot = createMessagesHandler({ config: parseConfig({}), telemetry: NO_TELEMETRY });
  const postTo = (handler = localBot, fields: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<HttpResponseInit> =>
    handler(httpRequest({ body: JSON.stringify(activity({ text: 'help', ...fields })), headers }), context());

  beforeEach(() => {
    lines = [];
    errors = [];
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  function expectAnswer(response: HttpResponseInit, status: number, error: string | RegExp, reason: string) {
    expect(response.status).toBe(status);
    expect(response.jsonBody).toEqual({ error: typeof error === 'string' ? error : expect.stringMatching(error) });
    expect(lines).toEqual([expect.objectContaining({ status, reason })]);
  }

  it('a bug of ours (the adapter throws a TypeError outside any turn): 500 "Internal error.", no stack, logged as an error', async () => {
    jest.spyOn(LicensingAdapter.prototype, 'runActivity').mockRejectedValueOnce(new TypeError("Cannot read properties of undefined (reading 'id')"));
    const response = await postTo();
    expectAnswer(response, 500, 'Internal error.', 'internal');
    expect(JSON.stringify(response.jsonBody)).not.toMatch(/TypeError|reading|at /);
    expect(lines[0]).toMatchObject({ error: 'TypeError' });
    // The operator gets what the caller does not: the error and where it was thrown.
    expect(errors).toEqual([expect.stringMatching(/internal error: TypeError: Cannot read properties[\s\S]*messages\.test\.ts/)]);
  });

  it('a bug before any activity is read (setting up the adapter throws): the same 500, and still one line', async () => {
    jest.spyOn(adapterModule, 'createAdapter').mockImplementation(() => {
      throw new RangeError('Invalid array length');
    });
    const fresh = createMessagesHandler({ config: parseConfig({}), telemetry: NO_TELEMETRY });
    expectAnswer(await postTo(fresh), 500, 'Internal error.', 'internal');
    expect(lines[0]).toMatchObject({ error: 'RangeError' });
    lines = [];
    expectAnswer(await postTo(fresh), 500, 'Internal error.', 'internal');
  });

  it('an activity botbuilder itself refuses: 400, bad input rather than a bug', async () => {
    jest
      .spyOn(LicensingAdapter.prototype, 'runActivity')
      .mockRejectedValueOnce(new InvalidActivityError(new Error('validateAndFixActivity(): missing activity type.')));
    expectAnswer(await postTo(), 400, 'The activity could not be processed.', 'rejected-activity');
    expect(errors).toEqual([]);
  });

  it('no token when the bot has an app id: 401', async () => {
    const secured = createMessagesHandler({
      config: parseConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret' }),
      telemetry: NO_TELEMETRY,
    });
    expectAnswer(await postTo(secured), 401, /not authorized/, 'unauthorized');
  });

  describe('with a local Bot Framework issuer', () => {
    let issuer: LocalIssuer;
    let token = '';
    beforeAll(async () => {
      const signed = await signTokens(
        [{ name: 'channel', publish: true, endorsements: ['emulator'] }],
        [{ name: 'valid', key: 'channel', claims: { iss: ISSUER, aud: APP_ID, serviceurl: 'http://127.0.0.1:9/' } }],
      );
      token = signed.tokens.valid;
      issuer = await startIssuer(signed.jwks, 'metadata-fails');
    }, 30000);
    afterAll(() => issuer.close());

    it("Bot Framework's keys cannot be fetched: 503 with Retry-After, the authentication outage by its kind", async () => {
      const handler = createMessagesHandler({
        config: parseConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret' }),
        telemetry: NO_TELEMETRY,
        authentication: authenticationAt(issuer),
      });
      const response = await postTo(handler, {}, { authorization: `Bearer ${token}` });
      expectAnswer(response, 503, /could not be authenticated right now/, 'authentication-unavailable');
      expect(response.headers).toMatchObject({ 'Retry-After': '30' });
    });
  });

  describe("the channel's connector refuses the reply", () => {
    let connector: Server;
    let serviceUrl = '';
    beforeAll(async () => {
      connector = createServer((_req, res) =>
        res.writeHead(403, { 'content-type': 'application/json' }).end('{"error":{"code":"BotNotInConversationRoster"}}'),
      );
      await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
      serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
    });
    afterAll(() => new Promise((resolve) => connector.close(resolve)));

    it('502: the bot could not reach the channel, and the line says what the turn did', async () => {
      const response = await postTo(localBot, { serviceUrl, deliveryMode: undefined });
      // The connector answered, and its answer was no: refused, not a bug of the bot (no apology either).
      expectAnswer(response, 502, 'The bot could not reach the channel to reply.', 'channel-refused');
      expect(lines[0]).toMatchObject({ action: 'help', outcome: 'undelivered', tries: 1 });
    });
  });

  it('a deployment without its app id: 503 "not configured"', async () => {
    const unconfigured = createMessagesHandler({ config: parseConfig({ WEBSITE_SKU: 'FlexConsumption' }), telemetry: NO_TELEMETRY });
    expectAnswer(await postTo(unconfigured), 503, NOT_CONFIGURED_MESSAGE, 'not-configured');
  });

  it.each([
    ['bad JSON', 400, 'bad-json', 'POST', '{"type":'],
    ['not an activity', 400, 'not-an-activity', 'POST', '{"text":"hi"}'],
    ['a body over 256 KB', 413, 'too-large', 'POST', `"${'x'.repeat(300 * 1024)}"`],
    ['another method', 405, 'method-not-allowed', 'PUT', '{}'],
  ])('%s: %i, logged as %s', async (_name, status, reason, method, body) => {
    const response = await localBot(httpRequest({ method, body }), context());
    expect(response.status).toBe(status);
    expect(response.jsonBody).toEqual({ error: expect.any(String) });
    expect(lines).toEqual([expect.objectContaining({ status, reason })]);
  });
});
