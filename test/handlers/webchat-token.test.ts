import { HttpResponseInit, InvocationContext } from '@azure/functions';
import { parseConfig } from '../../config/config';
import { createWebchatTokenHandler, NO_SECRET_LOG, TOKEN_TIMEOUT_MS, WebchatTokenOptions } from '../../handlers/webchat-token';
import { TOKEN_REFUSALS, visitorMessage } from '../../handlers/webchat-token-refusals';
import { DirectLineStandIn } from '../support/direct-line-stand-in';
import { httpRequest } from '../support/http';

// The token function against a local stand-in for the Direct Line service.
const SECRET = 'dl-secret-Zq9vK3mP7wX2';
const PORTAL = 'https://partners.contoso.com';
const OWN_PAGE = 'https://licensing.contoso.com';

let directLine: DirectLineStandIn;
beforeAll(async () => {
  directLine = await new DirectLineStandIn(SECRET).start();
});
afterAll(() => directLine.stop());
beforeEach(() => {
  directLine.tokenOverride = undefined;
  directLine.tokenRequests.length = 0;
});

function handler(env: Record<string, string> = {}, options: Omit<WebchatTokenOptions, 'config'> = {}) {
  const config = parseConfig({
    DIRECT_LINE_SECRET: SECRET,
    DIRECT_LINE_ENDPOINT: directLine.url,
    WEBCHAT_ALLOWED_ORIGINS: `${PORTAL}, https://other-portal.example`,
    PUBLIC_BASE_URL: OWN_PAGE,
    ...env,
  });
  return createWebchatTokenHandler({ config, ...options });
}

/** Calls the handler, keeping every log line it writes. */
async function call(h: ReturnType<typeof handler>, init: { method?: string; origin?: string | null; headers?: Record<string, string> } = {}) {
  const logs: string[] = [];
  const context = new InvocationContext({ functionName: 'webchatToken', logHandler: (_level, ...args) => logs.push(args.map(String).join(' ')) });
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.origin !== null) headers.origin = init.origin ?? PORTAL;
  const response = await h(
    httpRequest({ method: init.method ?? 'POST', path: '/api/webchat/token', body: init.method === 'OPTIONS' ? undefined : '{}', headers }),
    context,
  );
  return { response, logs, header: (name: string) => new Headers(response.headers).get(name) };
}

const bodyText = (response: HttpResponseInit) => JSON.stringify(response.jsonBody ?? response.body ?? '');
const DESK = 'the licensing desk (licensing@contoso.com)';
/** What an operator's word looks like: a setting name, a command, an address. None belongs on the page. */
const OPERATOR_WORDS = /[A-Z]{2,}_[A-Z_]+|npm |Playground|https?:|origin/i;

describe('POST /api/webchat/token', () => {
  it('answers an allowed origin with { token, conversationId, expires_in } from Direct Line', async () => {
    const { response, header } = await call(handler());
    expect(response.status).toBe(200);
    const body = response.jsonBody as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['conversationId', 'expires_in', 'token']);
    expect(body).toEqual({ token: expect.any(String), conversationId: expect.any(String), expires_in: 3600 });
    expect(directLine.conversationIds()).toContain(body.conversationId);
    expect(header('access-control-allow-origin')).toBe(PORTAL);
    expect(header('vary')).toMatch(/Origin/);
    expect(header('cache-control')).toBe('no-store');
  });

  it('sends the secret to Direct Line as a Bearer token, and never back to the browser or into the logs', async () => {
    const { response, logs } = await call(handler());
    expect(directLine.tokenRequests).toHaveLength(1);
    expect(directLine.tokenRequests[0].authorization).toBe(`Bearer ${SECRET}`);
    expect(bodyText(response)).not.toContain(SECRET);
    expect(JSON.stringify(response.headers)).not.toContain(SECRET);
    expect(logs.join('\n')).not.toContain(SECRET);
  });

  it('binds each token to a fresh user id that begins with dl_', async () => {
    await call(handler());
    await call(handler());
    const ids = directLine.tokenRequests.map((r) => (r.body as { user: { id: string } }).user.id);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^dl_[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('asks for enhanced authentication: the dl_ user id and the allowed origins as trustedOrigins (Direct Line 3.0 token parameters)', async () => {
    await call(handler());
    expect(directLine.tokenRequests).toHaveLength(1);
    const body = directLine.tokenRequests[0].body as { user: { id: string }; trustedOrigins: string[] };
    expect(Object.keys(body).sort()).toEqual(['trustedOrigins', 'user']);
    expect(body.user.id).toMatch(/^dl_/);
    expect([...body.trustedOrigins].sort()).toEqual([PORTAL, 'https://other-portal.example', OWN_PAGE].sort());
  });

  it('sends origins, never paths or malformed entries, as trusted origins', async () => {
    await call(handler({ WEBCHAT_ALLOWED_ORIGINS: `${PORTAL}/portal/chat, not a url` }));
    const body = directLine.tokenRequests[0].body as { trustedOrigins: string[] };
    expect([...body.trustedOrigins].sort()).toEqual([PORTAL, OWN_PAGE].sort());
  });

  it('also serves the page of this service itself (the origin of PUBLIC_BASE_URL)', async () => {
    const { response, header } = await call(handler(), { origin: OWN_PAGE });
    expect(response.status).toBe(200);
    expect(header('access-control-allow-origin')).toBe(OWN_PAGE);
  });

  it.each([
    ['an origin not listed', 'https://evil.example'],
    ['a look-alike of a listed origin', 'https://partners.contoso.com.evil.example'],
    ['the listed host over http', 'http://partners.contoso.com'],
    ['the opaque origin "null"', 'null'],
    ['no Origin header at all', null],
  ])('refuses %s with 403 "origin-not-allowed", without asking Direct Line', async (_case, origin) => {
    const { response, header, logs } = await call(handler({ DESK_CONTACT: DESK }), { origin });
    expect(response.status).toBe(403);
    expect(response.jsonBody).toEqual({ error: visitorMessage('origin-not-allowed', DESK), reason: 'origin-not-allowed', retry: false });
    expect(header('access-control-allow-origin')).toBeNull();
    expect(directLine.tokenRequests).toHaveLength(0);
    // The operator learns which origin asked and which settings allow; the visitor neither.
    const log = logs.join('\n');
    expect(log).toContain(origin === null ? 'no Origin header' : JSON.stringify(origin));
    expect(log).toContain('WEBCHAT_ALLOWED_ORIGINS (https://partners.contoso.com, https://other-portal.example)');
    expect(log).toContain(`PUBLIC_BASE_URL (${OWN_PAGE})`);
    if (origin) expect(bodyText(response)).not.toContain(origin);
  });

  it('logs a hostile Origin header quoted and clipped', async () => {
    const origin = `https://x.example" allowed "yes${'a'.repeat(500)}`;
    const { response, logs } = await call(handler(), { origin });
    expect(response.status).toBe(403);
    const line = logs.find((l) => l.startsWith('webchat token: refused'))!;
    expect(line).toContain('"https://x.example\\" allowed \\"yes');
    expect(line).not.toContain('a'.repeat(250));
  });

  it('answers the CORS preflight of an allowed origin with 204 and the allowed method and header', async () => {
    const { response, header } = await call(handler(), {
      method: 'OPTIONS',
      headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(header('access-control-allow-origin')).toBe(PORTAL);
    expect(header('access-control-allow-methods')).toMatch(/POST/);
    expect(header('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    expect(header('access-control-allow-credentials')).toBeNull();
    expect(directLine.tokenRequests).toHaveLength(0);
  });

  it('refuses the preflight of another origin with 403, and logs the origin', async () => {
    const { response, header, logs } = await call(handler(), { method: 'OPTIONS', origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(header('access-control-allow-origin')).toBeNull();
    expect(logs.join('\n')).toContain('"https://evil.example"');
  });

  it('answers 503 "not-configured" when no secret is set: a sentence for the visitor, the how-to in the log (CORS still answered)', async () => {
    const { response, header, logs } = await call(handler({ DIRECT_LINE_SECRET: '', DESK_CONTACT: DESK }));
    expect(response.status).toBe(503);
    expect(response.jsonBody).toEqual({ error: visitorMessage('not-configured', DESK), reason: 'not-configured', retry: false });
    expect(bodyText(response)).not.toMatch(OPERATOR_WORDS);
    expect(logs).toContain(NO_SECRET_LOG);
    expect(NO_SECRET_LOG).toMatch(/DIRECT_LINE_SECRET/);
    expect(NO_SECRET_LOG).toContain('npm run playground');
    expect(header('access-control-allow-origin')).toBe(PORTAL);
    expect(directLine.tokenRequests).toHaveLength(0);
  });

  it.each([
    ['the page opened at 127.0.0.1 while PUBLIC_BASE_URL says localhost', 'http://127.0.0.1:3978'],
    ['a request with no Origin header', null],
  ])('says "not set up" rather than "not allowed" to %s when no secret is set, and gives it no CORS grant', async (_case, origin) => {
    const local = () => createWebchatTokenHandler({ config: parseConfig({ DIRECT_LINE_ENDPOINT: directLine.url }) });
    const { response, header, logs } = await call(local(), { origin });
    expect(response.status).toBe(503);
    expect(response.jsonBody).toMatchObject({ reason: 'not-configured', retry: false });
    expect(header('access-control-allow-origin')).toBeNull();
    expect(logs).toEqual([NO_SECRET_LOG]);
  });

  it.each([500, 502, 503, 429, 408])('answers 502 "unavailable", try again, when Direct Line answers %i, echoing nothing of its body', async (status) => {
    directLine.tokenOverride = { status, body: { error: { message: `upstream says ${SECRET}` } } };
    const { response, header, logs } = await call(handler());
    expect(response.status).toBe(502);
    expect(response.jsonBody).toEqual({ error: visitorMessage('unavailable'), reason: 'unavailable', retry: true });
    expect(bodyText(response)).not.toContain('upstream says');
    expect(logs.join('\n')).toContain(`Direct Line at ${directLine.url} answered ${status}`);
    expect(logs.join('\n')).not.toContain(SECRET);
    expect(header('access-control-allow-origin')).toBe(PORTAL);
  });

  it.each([400, 401, 403, 404])('answers 503 "not-configured" when Direct Line refuses our request with %i: trying again cannot help', async (status) => {
    directLine.tokenOverride = { status, body: { error: { message: `upstream says ${SECRET}` } } };
    const { response, logs } = await call(handler());
    expect(response.status).toBe(503);
    expect(response.jsonBody).toMatchObject({ reason: 'not-configured', retry: false });
    expect(bodyText(response)).not.toContain('upstream says');
    expect(logs.join('\n')).toMatch(new RegExp(`answered ${status}: check that DIRECT_LINE_SECRET .* DIRECT_LINE_ENDPOINT`));
  });

  it('answers 502 "unavailable" when Direct Line answers 200 without a token', async () => {
    directLine.tokenOverride = { status: 200, body: { conversationId: 'c1' } };
    const { response, logs } = await call(handler());
    expect(response.status).toBe(502);
    expect(response.jsonBody).toMatchObject({ reason: 'unavailable', retry: true });
    expect(logs.join('\n')).toMatch(/without a usable token/);
  });

  it('answers 502 "unavailable" soon after the timeout when Direct Line does not answer', async () => {
    directLine.tokenOverride = { delayMs: Infinity };
    const { response, logs } = await call(handler({}, { timeoutMs: 300 }));
    expect(response.status).toBe(502);
    expect(response.jsonBody).toMatchObject({ reason: 'unavailable', retry: true });
    expect(logs.join('\n')).toContain(`Direct Line at ${directLine.url} did not answer within 300 ms`);
    expect(TOKEN_TIMEOUT_MS).toBeLessThanOrEqual(5000);
  });

  it('answers 502 "unavailable" when Direct Line cannot be reached at all, naming the endpoint in the log only', async () => {
    const { response, logs } = await call(handler({ DIRECT_LINE_ENDPOINT: 'http://127.0.0.1:9' }));
    expect(response.status).toBe(502);
    expect(response.jsonBody).toMatchObject({ reason: 'unavailable', retry: true });
    expect(bodyText(response)).not.toContain('127.0.0.1');
    expect(logs.join('\n')).toContain('Direct Line at http://127.0.0.1:9 could not be reached (DIRECT_LINE_ENDPOINT)');
  });

  it('refuses other methods with 405', async () => {
    const { response } = await call(handler(), { method: 'GET' });
    expect(response.status).toBe(405);
  });
});

describe('a rate limit per allowed origin', () => {
  // A clock the test moves: the limit is about requests per minute, not about this machine's speed.
  let clock = 0;
  const limited = () => handler({}, { rateLimit: { burst: 3, perMinute: 6 }, now: () => clock });

  it('answers 429 with Retry-After once an origin has used its burst, without asking Direct Line', async () => {
    clock = 0;
    const h = limited();
    for (let i = 0; i < 3; i++) expect((await call(h)).response.status).toBe(200);
    const asked = directLine.tokenRequests.length;
    const refused = await call(h);
    expect(refused.response.status).toBe(429);
    expect(refused.header('retry-after')).toBe('10');
    expect(refused.header('access-control-allow-origin')).toBe(PORTAL);
    expect(refused.response.jsonBody).toEqual({ error: visitorMessage('rate-limited'), reason: 'rate-limited', retry: true });
    expect(directLine.tokenRequests).toHaveLength(asked);
    expect(refused.logs.join('\n')).not.toContain(PORTAL);
  });

  it('counts each origin apart, and gives an origin its tokens back as time passes', async () => {
    clock = 0;
    const h = limited();
    for (let i = 0; i < 3; i++) await call(h);
    expect((await call(h)).response.status).toBe(429);
    expect((await call(h, { origin: OWN_PAGE })).response.status).toBe(200);
    clock += 10_000; // one request per 10 s at 6 a minute
    expect((await call(h)).response.status).toBe(200);
    expect((await call(h)).response.status).toBe(429);
  });

  it('does not count preflights or refused origins', async () => {
    clock = 0;
    const h = limited();
    for (let i = 0; i < 5; i++) await call(h, { method: 'OPTIONS' });
    for (let i = 0; i < 5; i++) expect((await call(h, { origin: 'https://evil.example' })).response.status).toBe(403);
    expect((await call(h)).response.status).toBe(200);
  });
});

describe('what a visitor reads when no token is given', () => {
  it.each(TOKEN_REFUSALS)('%s: a plain sentence, no setting, command or address in it', (reason) => {
    expect(visitorMessage(reason)).not.toMatch(OPERATOR_WORDS);
    expect(visitorMessage(reason, DESK)).not.toMatch(/[A-Z]{2,}_[A-Z_]+|npm |Playground/);
  });

  it.each(['origin-not-allowed', 'not-configured', 'unavailable'] as const)('%s: names whom to tell (DESK_CONTACT) when one is set', (reason) => {
    expect(visitorMessage(reason, DESK)).toContain(DESK);
    expect(visitorMessage(reason)).toMatch(/let the people who run this site know|Try again/);
  });

  it('says three different things for "not allowed here", "not set up" and "down, try again"', () => {
    const said = ['origin-not-allowed', 'not-configured', 'unavailable'].map((reason) => visitorMessage(reason as 'unavailable', DESK));
    expect(new Set(said).size).toBe(3);
    expect(said[2]).toMatch(/Try again/);
    expect(said.slice(0, 2).join(' ')).not.toMatch(/try again/i);
  });
});
