import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Config, config as loadConfig } from '../config/config';
import { failureResponse } from './http-errors';
import { createRateLimiter, RateLimit } from './rate-limit';
import type { HttpHandler } from './messages';

// POST /api/webchat/token: trades the Direct Line secret, which never leaves the server, for a
// token good for one conversation, bound to a fresh "dl_" user id so a page cannot pose as
// another user. Only the partner portals listed in WEBCHAT_ALLOWED_ORIGINS (and this service's own
// page) may ask.

export const TOKEN_TIMEOUT_MS = 5000;

export const NO_SECRET_MESSAGE =
  'Web Chat is not set up on this server: DIRECT_LINE_SECRET is not configured. Add the Direct Line channel to the Azure Bot, copy one of its secret keys into the DIRECT_LINE_SECRET setting and restart. For local testing without Azure, use the Microsoft 365 Agents Playground (npm run playground).';

export const RATE_LIMITED_MESSAGE = 'Too many chats were started from this site just now. Try again in a minute.';

const FORBIDDEN_ORIGIN = { kind: 'forbidden', message: 'This origin may not use the Web Chat token service.' } as const;

const upstreamAnswer = z.object({
  conversationId: z.string().min(1).max(256),
  token: z.string().min(1).max(8192),
  expires_in: z.number().int().positive(),
});

/**
 * Tokens per allowed origin: a partner portal's users each load the page once a conversation, so
 * a burst of 30 and one a second cover a busy portal; a script that sends that portal's Origin
 * (anyone can) gets no more than that either, and no more Direct Line conversations on our bill.
 */
export const TOKEN_RATE_LIMIT: RateLimit = { burst: 30, perMinute: 60 };

export interface WebchatTokenOptions {
  /** Defaults to the process configuration. */
  config?: Config;
  /** How long to wait for Direct Line; 5 s unless a test says otherwise. */
  timeoutMs?: number;
  /** Tokens per origin; TOKEN_RATE_LIMIT unless a test says otherwise. */
  rateLimit?: RateLimit;
  /** The limiter's clock in milliseconds (tests). */
  now?: () => number;
}

export function createWebchatTokenHandler(options: WebchatTokenOptions = {}): HttpHandler {
  const limiter = createRateLimiter(options.rateLimit ?? TOKEN_RATE_LIMIT, options.now);
  return async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    const settings = options.config ?? loadConfig();
    const origin = request.headers.get('origin') ?? undefined;
    const origins = allowedOrigins(settings);
    const allowed = origin !== undefined && origins.has(origin);
    const cors: Record<string, string> = allowed ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : { Vary: 'Origin' };

    if (request.method === 'OPTIONS') {
      if (!allowed) return failureResponse(FORBIDDEN_ORIGIN, cors);
      return {
        status: 204,
        headers: {
          ...cors,
          'Access-Control-Allow-Methods': 'POST, OPTIONS',
          'Access-Control-Allow-Headers': 'Content-Type',
          'Access-Control-Max-Age': '600',
          'Cache-Control': 'no-store',
        },
      };
    }
    if (request.method !== 'POST') return failureResponse({ kind: 'method-not-allowed', allow: ['POST', 'OPTIONS'] }, cors);
    if (!allowed) return failureResponse(FORBIDDEN_ORIGIN, cors);

    const { secret, endpoint } = settings.directLine;
    if (!secret) return failureResponse({ kind: 'not-configured', message: NO_SECRET_MESSAGE }, cors);
    // Per origin: the key is one of the configured origins (any other got 403 above), so the
    // limiter holds a handful of buckets whatever a caller sends.
    const verdict = limiter.take(origin);
    if (!verdict.allowed) {
      context.warn('webchat token: rate limit reached for an allowed origin');
      return failureResponse({ kind: 'rate-limited', message: RATE_LIMITED_MESSAGE, retryAfterSeconds: verdict.retryAfterSeconds }, cors);
    }

    const userId = `dl_${randomUUID()}`;
    let response: Response;
    try {
      response = await fetch(`${endpoint}/v3/directline/tokens/generate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
        // Direct Line 3.0 token parameters: the user id is embedded in the token (with enhanced
        // authentication on, Direct Line overwrites any other from.id with it), and the trusted
        // origins are the pages that may host Web Chat with it, matching the channel's own list.
        body: JSON.stringify({ user: { id: userId }, trustedOrigins: [...origins] }),
        signal: AbortSignal.timeout(options.timeoutMs ?? TOKEN_TIMEOUT_MS),
        redirect: 'error',
      });
    } catch (error) {
      // A DOMException (TimeoutError) when the signal fires; checked by name, as it may come from another realm.
      const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
      context.warn(`webchat token: Direct Line ${timedOut ? 'timed out' : 'unreachable'}`);
      return failureResponse(
        {
          kind: 'upstream-failed',
          message: timedOut ? 'Direct Line did not answer in time. Try again shortly.' : 'Direct Line could not be reached. Try again shortly.',
        },
        cors,
      );
    }

    let body: unknown;
    try {
      body = response.ok ? await response.json() : undefined;
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      context.warn(`webchat token: Direct Line answered ${response.status}`);
      return failureResponse({ kind: 'upstream-failed', message: `Direct Line refused the token request (status ${response.status}).` }, cors);
    }
    const parsed = upstreamAnswer.safeParse(body);
    if (!parsed.success) {
      context.warn('webchat token: Direct Line answered without a token');
      return failureResponse({ kind: 'upstream-failed', message: 'Direct Line answered without a usable token.' }, cors);
    }
    const { token, conversationId, expires_in } = parsed.data;
    return { status: 200, headers: { ...cors, 'Cache-Control': 'no-store' }, jsonBody: { token, conversationId, expires_in } };
  };
}

/** The partner portals configured, plus this service's own page (the origin of PUBLIC_BASE_URL). */
function allowedOrigins(settings: Config): Set<string> {
  const origins = new Set<string>();
  for (const origin of [...settings.directLine.allowedOrigins, settings.publicBaseUrl]) {
    try {
      origins.add(new URL(origin).origin);
    } catch {
      // A malformed entry allows nothing.
    }
  }
  return origins;
}

let defaultHandler: HttpHandler | undefined;
/** The handler the Functions host and the local server share, configured from the environment. */
export const webchatTokenHandler: HttpHandler = (request, context) => {
  defaultHandler ??= createWebchatTokenHandler();
  return defaultHandler(request, context);
};
