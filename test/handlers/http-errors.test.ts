import { FailureKind, failureReason, failureResponse, HttpFailure } from '../../handlers/http-errors';

// The one table from a kind of failure to what the caller gets. One example per kind, typed so
// that a new kind does not compile until it has a row here.

const EXAMPLES: { [K in FailureKind]: [Extract<HttpFailure, { kind: K }>, number] } = {
  'bad-input': [{ kind: 'bad-input', reason: 'bad-json' }, 400],
  unauthorized: [{ kind: 'unauthorized' }, 401],
  forbidden: [{ kind: 'forbidden', message: 'This origin may not use the Web Chat token service.' }, 403],
  'not-found': [{ kind: 'not-found' }, 404],
  'method-not-allowed': [{ kind: 'method-not-allowed', allow: ['GET', 'HEAD'] }, 405],
  'too-large': [{ kind: 'too-large' }, 413],
  'rate-limited': [{ kind: 'rate-limited', message: 'Too many chats were started from this site just now. Try again in a minute.', retryAfterSeconds: 7 }, 429],
  internal: [{ kind: 'internal' }, 500],
  'channel-unreachable': [{ kind: 'channel-unreachable' }, 502],
  'upstream-failed': [{ kind: 'upstream-failed', message: 'Direct Line could not be reached. Try again shortly.' }, 502],
  'authentication-unavailable': [{ kind: 'authentication-unavailable' }, 503],
  'not-configured': [{ kind: 'not-configured', message: 'This bot is not configured: it has no MicrosoftAppId.' }, 503],
};

describe('failureResponse: one status, message and set of headers per kind', () => {
  it.each(Object.values(EXAMPLES))('%j: %i, a short JSON message, never cached', (failure, status) => {
    const response = failureResponse(failure);
    expect(response.status).toBe(status);
    expect(response.jsonBody).toEqual({ error: expect.stringMatching(/^[A-Z].{5,250}\.$/) });
    expect(response.headers).toMatchObject({ 'Cache-Control': 'no-store' });
  });

  it('tells a bug from a failure of the channel or of authentication, none of them the caller’s', () => {
    expect(failureResponse({ kind: 'internal' }).jsonBody).toEqual({ error: 'Internal error.' });
    expect(failureResponse({ kind: 'channel-unreachable' }).jsonBody).toEqual({ error: 'The bot could not reach the channel to reply.' });
    expect(failureResponse({ kind: 'authentication-unavailable' }).headers).toMatchObject({ 'Retry-After': '30' });
  });

  it('names the allowed methods in Allow and its message, and keeps the headers of the route (CORS)', () => {
    const response = failureResponse({ kind: 'method-not-allowed', allow: ['POST', 'OPTIONS'] }, { Vary: 'Origin', Allow: 'GET' });
    expect(response.headers).toEqual({ 'Cache-Control': 'no-store', Vary: 'Origin', Allow: 'POST, OPTIONS' });
    expect(response.jsonBody).toEqual({ error: 'Only POST is accepted here.' });
  });

  it('gives log lines a short reason: the bad input reason, else the kind', () => {
    expect(failureReason({ kind: 'bad-input', reason: 'not-loopback' })).toBe('not-loopback');
    expect(failureReason({ kind: 'too-large' })).toBe('too-large');
  });
});
