import { HttpResponseInit, InvocationContext } from '@azure/functions';
import { Socket } from 'node:net';
import { LicensingBot } from '../../bot/licensing-bot';
import { parseConfig } from '../../config/config';
import { createMessagesHandler, HttpHandler } from '../../handlers/messages';
import { NO_TELEMETRY } from '../../telemetry/app-insights';
import { activity } from '../support/activities';
import { cardsOf, httpRequest, repliesOf } from '../support/http';
import { cardText } from '../support/cards';
import { IssuerMode, authenticationAt, ISSUER, LocalIssuer, signTokens, startIssuer } from './support/issuer';

// With MicrosoftAppId set, every request runs botbuilder's real token validation against an
// OpenID metadata document and JWKS served on 127.0.0.1, with RSA keys made for this run.

const APP_ID = '7b2a3c4d-1111-4222-8333-944455556666';
const SERVICE_URL = 'https://smba.trafficmanager.net/teams/';
const config = parseConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret' });

const claims = (extra: Record<string, unknown> = {}) => ({ iss: ISSUER, aud: APP_ID, serviceurl: SERVICE_URL, ...extra });

let signed: Awaited<ReturnType<typeof signTokens>>;
const issuers: LocalIssuer[] = [];

// Every socket the validation opens is recorded: all of them must go to the local issuer.
const connections: string[] = [];
// Called below with the socket it belongs to as `this` (apply), which the rule cannot see.
// eslint-disable-next-line @typescript-eslint/unbound-method
const originalConnect = Socket.prototype.connect;

beforeAll(async () => {
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    // net.connect hands over [options, callback]; socket.connect(options) and (port, host) occur too.
    const first: unknown = Array.isArray(args[0]) ? args[0][0] : args[0];
    const options =
      typeof first === 'object' && first !== null ? (first as { host?: string; path?: string }) : { host: typeof args[1] === 'string' ? args[1] : 'localhost' };
    connections.push(options.path ?? options.host ?? 'localhost');
    return (originalConnect as (...a: unknown[]) => Socket).apply(this, args);
  };
  signed = await signTokens(
    [
      { name: 'channel', publish: true, endorsements: ['msteams', 'webchat', 'emulator', 'directline'] },
      { name: 'teams-only', publish: true, endorsements: ['msteams'] },
      // Same kid as the published key, but not the issuer's: a forged signature.
      { name: 'attacker', publish: false, kid: 'channel' },
    ],
    [
      { name: 'valid', key: 'channel', claims: claims() },
      { name: 'valid-teams-only', key: 'teams-only', claims: claims() },
      { name: 'forged', key: 'attacker', kid: 'channel', claims: claims() },
      { name: 'expired', key: 'channel', claims: claims(), times: { iat: -7200, nbf: -7200, exp: -3600 } },
      { name: 'not-yet-valid', key: 'channel', claims: claims(), times: { iat: 0, nbf: 3600, exp: 7200 } },
      { name: 'other-audience', key: 'channel', claims: claims({ aud: '00000000-2222-4333-8444-555566667777' }) },
      { name: 'other-issuer', key: 'channel', claims: claims({ iss: 'https://evil.example.com' }) },
      { name: 'other-service-url', key: 'channel', claims: claims({ serviceurl: 'https://evil.example.com/' }) },
      { name: 'unknown-kid', key: 'channel', kid: 'no-such-key', claims: claims() },
      { name: 'unsigned', key: 'channel', unsigned: true, claims: claims() },
      { name: 'hmac-confusion', key: 'channel', hmacWithPublicKeyOf: 'channel', claims: claims() },
    ],
  );
}, 30000);

afterAll(async () => {
  Socket.prototype.connect = originalConnect;
  await Promise.all(issuers.map((issuer) => issuer.close()));
});

let run: jest.SpyInstance;
beforeEach(() => {
  run = jest.spyOn(LicensingBot.prototype, 'run');
  // botbuilder prints every rejected token with console.error: expected here, and noisy.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

interface Bot {
  handler: HttpHandler;
  issuer: LocalIssuer;
  logs: string[];
  post(authorization: string | undefined, fields?: Record<string, unknown>): Promise<HttpResponseInit>;
}

// Each bot gets its own issuer on its own port: botbuilder caches metadata per URL for 24 hours.
async function botWithIssuer(mode: IssuerMode = 'ok', authenticationTimeoutMs = 2000): Promise<Bot> {
  const issuer = await startIssuer(signed.jwks, mode);
  issuers.push(issuer);
  const handler = createMessagesHandler({
    config,
    telemetry: NO_TELEMETRY,
    authenticationTimeoutMs,
    authentication: authenticationAt(issuer),
  });
  const logs: string[] = [];
  const context = () => new InvocationContext({ functionName: 'messages', logHandler: (_level, ...args) => logs.push(args.map(String).join(' ')) });
  return {
    handler,
    issuer,
    logs,
    post: (authorization, fields = {}) => {
      const body = JSON.stringify(activity({ type: 'message', text: 'help', channelId: 'msteams', serviceUrl: SERVICE_URL, ...fields }));
      return handler(httpRequest({ body, headers: authorization === undefined ? {} : { authorization } }), context());
    },
  };
}

function expectRejected(response: HttpResponseInit, bot: Bot, status = 401) {
  expect(response.status).toBe(status);
  expect(response.jsonBody).toEqual({ error: expect.any(String) });
  expect(JSON.stringify(response.jsonBody)).not.toMatch(/eyJ|at .*\.js|Error/);
  expect(repliesOf(response)).toEqual([]);
  expect(run).not.toHaveBeenCalled();
  // The operator's log line says what happened, and that no turn ran (no turn fields).
  const lines = bot.logs.filter((line) => line.includes('"event":"turn"')).map((line) => JSON.parse(line.slice(line.indexOf('{'))) as Record<string, unknown>);
  for (const line of lines) {
    expect(line.status).toBe(status);
    expect(line).not.toHaveProperty('outcome');
  }
}

describe('Bot Framework authentication with MicrosoftAppId set (real botbuilder validation, local issuer)', () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await botWithIssuer();
  });
  beforeEach(() => {
    bot.logs.length = 0;
  });

  it('lets a token signed by the channel key through: 200 and the bot answers "help" with its help card', async () => {
    const response = await bot.post(`Bearer ${signed.tokens.valid}`);
    expect(response.status).toBe(200);
    const cards = cardsOf(repliesOf(response));
    expect(cards).toHaveLength(1);
    expect(cardText(cards[0])).toMatch(/How I can help/);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('downloads the metadata and keys once, not on every request', async () => {
    for (let i = 0; i < 3; i++) expect((await bot.post(`Bearer ${signed.tokens.valid}`)).status).toBe(200);
    expect(bot.issuer.fetches).toEqual({ metadata: 1, keys: 1 });
  });

  it.each([
    ['no Authorization header', undefined],
    ['an empty Authorization header', ''],
    ['a token that is not a JWT', 'Bearer not-a-token'],
    ['three base64 blobs that are not a JWT', 'Bearer eyJhbGciOi.eyJpc3Mi.c2lnbmF0dXJl'],
    ['another scheme', `Basic ${Buffer.from('user:password').toString('base64')}`],
    ['a bare "Bearer"', 'Bearer'],
    ['extra words after the token', 'Bearer a b c'],
  ])('answers %s with 401 and runs no turn', async (_name, authorization) => {
    expectRejected(await bot.post(authorization), bot);
  });

  it.each([
    ['signed by another key under the channel key id', 'forged'],
    ['expired an hour ago (beyond the 5 minute clock tolerance)', 'expired'],
    ['not valid for another hour', 'not-yet-valid'],
    ['for another bot (wrong audience)', 'other-audience'],
    ['from another issuer', 'other-issuer'],
    ['issued for another serviceUrl than the activity names', 'other-service-url'],
    ['signed with a key id the JWKS does not have', 'unknown-kid'],
    ['unsigned (alg none)', 'unsigned'],
    ['HMAC-signed with the public key as the secret', 'hmac-confusion'],
  ])('answers a token %s with 401 and runs no turn', async (_name, token) => {
    expectRejected(await bot.post(`Bearer ${signed.tokens[token]}`), bot);
  });

  it('refuses a key endorsed only for Teams on another channel, and accepts it on Teams', async () => {
    const token = `Bearer ${signed.tokens['valid-teams-only']}`;
    expectRejected(await bot.post(token, { channelId: 'webchat' }), bot);
    const teams = await bot.post(token, { channelId: 'msteams' });
    expect(teams.status).toBe(200);
    expect(cardsOf(repliesOf(teams))).toHaveLength(1);
  });

  it('logs the rejection as a turn line with status 401 and no user details', async () => {
    bot.logs.length = 0;
    await bot.post(`Bearer ${signed.tokens.forged}`);
    const line = bot.logs.find((entry) => entry.includes('"event":"turn"'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!.slice(line!.indexOf('{')))).toMatchObject({ event: 'turn', status: 401, channel: 'msteams' });
    expect(line).not.toContain(signed.tokens.forged);
  });
});

describe('the network', () => {
  it('was never touched beyond 127.0.0.1 by any of the validations above', () => {
    expect(connections.length).toBeGreaterThan(0);
    expect(connections.filter((host) => host !== '127.0.0.1')).toEqual([]);
  });
});

describe('when the Bot Framework keys cannot be fetched', () => {
  it.each([
    ['the metadata document fails', 'metadata-fails'],
    ['the key set fails', 'keys-fail'],
  ] as const)('%s: 503 with Retry-After, no turn, even for a valid token', async (_name, mode) => {
    const bot = await botWithIssuer(mode);
    const response = await bot.post(`Bearer ${signed.tokens.valid}`);
    expectRejected(response, bot, 503);
    expect(response.headers).toMatchObject({ 'Retry-After': '30' });
  });

  it('the metadata server hangs: 503 after the authentication timeout instead of a hung request', async () => {
    const bot = await botWithIssuer('hangs', 300);
    const started = Date.now();
    const response = await bot.post(`Bearer ${signed.tokens.valid}`);
    expect(Date.now() - started).toBeLessThan(5000);
    expectRejected(response, bot, 503);
  });

  it('a bad token is still a 401 and a missing header never fetches anything', async () => {
    const bot = await botWithIssuer('metadata-fails');
    expectRejected(await bot.post(undefined), bot);
    expectRejected(await bot.post('Bearer not-a-token'), bot);
    expect(bot.issuer.fetches).toEqual({ metadata: 0, keys: 0 });
  });
});
