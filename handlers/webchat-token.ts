import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Config, config as loadConfig } from '../config/config';
import { failureResponse } from './http-errors';
import { refusal } from './webchat-token-refusals';
import { createRateLimiter, RateLimit } from './rate-limit';
import type { HttpHandler } from './messages';

// POST /api/webchat/token: trades the Direct Line secret, which never leaves the server, for a
// token good for one conversation, bound to a fresh "dl_" user id so a page cannot pose as
// another user. Only the partner portals listed in WEBCHAT_ALLOWED_ORIGINS (and this service's own
// page) may ask. A refusal says which of "not allowed from this site", "not set up yet" and "down,
// try again" it is (handlers/webchat-token-refusals.ts); the details go to the log.

export const TOKEN_TIMEOUT_MS = 5000;

/** What the operator reads in the log when no secret is set (the visitor reads a plain sentence). */
export const NO_SECRET_LOG =
  'webchat token: not configured: DIRECT_LINE_SECRET is not set. Add the Direct Line channel to the Azure Bot, copy one of its secret keys into the DIRECT_LINE_SECRET setting and restart. To try the bot locally without Azure, use the Microsoft 365 Agents Playground (npm run playground).';

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

    const contact = settings.desk.contact;
    const refuseOrigin = () => {
      context.warn(refusedOriginLog(origin, settings));
      return refusal('origin-not-allowed', contact, cors);
    };

    if (request.method === 'OPTIONS') {
      if (!allowed) return refuseOrigin();
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

    const { secret, endpoint } = settings.directLine;
    // Before the origin check: with no secret there is nothing to guard, and "not set up" is the
    // one answer that tells the truth (the service's own page opened at 127.0.0.1 instead of
    // PUBLIC_BASE_URL's localhost would otherwise hear "not allowed", docs/decisions/0024).
    if (!secret) {
      context.warn(NO_SECRET_LOG);
      return refusal('not-configured', contact, cors);
    }
    if (!allowed) return refuseOrigin();
    // Per origin: the key is one of the configured origins (any other got 403 above), so the
    // limiter holds a handful of buckets whatever a caller sends.
    const verdict = limiter.take(origin);
    if (!verdict.allowed) {
      context.warn('webchat token: rate limit reached for an allowed origin');
      return refusal('rate-limited', contact, cors, verdict.retryAfterSeconds);
    }

    const timeoutMs = options.timeoutMs ?? TOKEN_TIMEOUT_MS;
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
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      // A DOMException (TimeoutError) when the signal fires; checked by name, as it may come from another realm.
      const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
      context.warn(
        `webchat token: Direct Line at ${endpoint} ${timedOut ? `did not answer within ${timeoutMs} ms` : 'could not be reached'} (DIRECT_LINE_ENDPOINT)`,
      );
      return refusal('unavailable', contact, cors);
    }

    let body: unknown;
    try {
      body = response.ok ? await response.json() : undefined;
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      if (directLineRefusedUs(response.status)) {
        context.warn(
          `webchat token: Direct Line at ${endpoint} answered ${response.status}: check that DIRECT_LINE_SECRET is a current secret key of the bot's Direct Line channel and DIRECT_LINE_ENDPOINT its region's endpoint`,
        );
        return refusal('not-configured', contact, cors);
      }
      context.warn(`webchat token: Direct Line at ${endpoint} answered ${response.status}`);
      return refusal('unavailable', contact, cors);
    }
    const parsed = upstreamAnswer.safeParse(body);
    if (!parsed.success) {
      context.warn(`webchat token: Direct Line at ${endpoint} answered without a usable token`);
      return refusal('unavailable', contact, cors);
    }
    const { token, conversationId, expires_in } = parsed.data;
    return { status: 200, headers: { ...cors, 'Cache-Control': 'no-store' }, jsonBody: { token, conversationId, expires_in } };
  };
}

/**
 * A 4xx other than 408 and 429 means Direct Line will not take our secret or our request as set
 * up (a revoked key, another region's endpoint): trying again cannot help, the operator must act.
 */
function directLineRefusedUs(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** Which origin was refused and what is allowed, for the operator: the visitor is told none of it. */
function refusedOriginLog(origin: string | undefined, settings: Config): string {
  // The Origin header is the caller's to write: quoted and clipped, so a log line stays one line.
  const asked = origin === undefined ? 'a request with no Origin header' : `origin ${JSON.stringify(origin.slice(0, 200))}`;
  const listed = settings.directLine.allowedOrigins.length ? settings.directLine.allowedOrigins.join(', ') : 'none';
  return `webchat token: refused ${asked}; allowed are the origin of PUBLIC_BASE_URL (${settings.publicBaseUrl}) and WEBCHAT_ALLOWED_ORIGINS (${listed})`;
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
