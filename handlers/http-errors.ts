import type { HttpResponseInit } from '@azure/functions';

// Every way an HTTP request can fail, and what the caller gets for each: one table, so that a
// status, its message and its headers are decided here and nowhere else. The handlers say what
// went wrong (a failure), never which status that is.

export const MAX_ACTIVITY_BYTES = 256 * 1024;

/** Why a request's content was refused; also the `reason` its log line carries. */
export type BadInputReason =
  'unreadable-body' | 'bad-json' | 'not-an-activity' | 'not-loopback' | 'rejected-activity' | 'bad-link' | 'bad-host' | 'bad-target' | 'bad-header';

export type HttpFailure =
  /** The caller sent something this endpoint cannot take: their fault, a 400. */
  | { kind: 'bad-input'; reason: BadInputReason }
  /** The Bot Framework token is missing, invalid, expired or for another bot. */
  | { kind: 'unauthorized' }
  /** The caller is known and may not do this (e.g. an origin not allowed to ask for a token). */
  | { kind: 'forbidden'; message: string }
  /** The caller asked too often; `retryAfterSeconds` says when it may ask again. */
  | { kind: 'rate-limited'; message: string; retryAfterSeconds: number }
  /** The token could not be checked because Bot Framework's keys could not be fetched in time. */
  | { kind: 'authentication-unavailable' }
  /** The bot could not post its reply to the channel's connector; `delivery` says how it failed. */
  | { kind: 'channel-unreachable'; delivery?: 'channel-unreachable' | 'channel-throttled' | 'channel-refused' }
  /** A service this one depends on (Direct Line) failed or did not answer. */
  | { kind: 'upstream-failed'; message: string }
  /** A bug of ours: nothing the caller can fix. */
  | { kind: 'internal' }
  | { kind: 'too-large' }
  | { kind: 'method-not-allowed'; allow: readonly string[] }
  | { kind: 'not-found'; message?: string }
  /** A setting this endpoint needs is missing on this deployment. */
  | { kind: 'not-configured'; message: string };

export type FailureKind = HttpFailure['kind'];

export const LOOPBACK_ONLY_MESSAGE =
  'Without a MicrosoftAppId this bot posts replies only to a loopback serviceUrl; use deliveryMode "expectReplies" to get them in the response.';

const BAD_INPUT_MESSAGES: Record<BadInputReason, string> = {
  'unreadable-body': 'The request body could not be read.',
  'bad-json': 'The body is not valid JSON.',
  'not-an-activity': 'The body is not a Bot Framework activity (an object with a "type").',
  'not-loopback': LOOPBACK_ONLY_MESSAGE,
  'rejected-activity': 'The activity could not be processed.',
  // A decision page link; the page itself explains what is wrong with it.
  'bad-link': 'The link is not a decision link this assistant can read.',
  // The local server's reading of the request line and headers (server/request-line.ts).
  'bad-host': 'The Host header is not a host name.',
  'bad-target': 'The request target is not a path.',
  'bad-header': 'A request header could not be read.',
};

export interface FailureAnswer {
  status: number;
  message: string;
  headers: Record<string, string>;
}

/** The status, message and headers for a failure. Pages (guide, decision) use its status and headers. */
export function describeFailure(failure: HttpFailure): FailureAnswer {
  switch (failure.kind) {
    case 'bad-input':
      return answer(400, BAD_INPUT_MESSAGES[failure.reason]);
    case 'unauthorized':
      return answer(401, 'The request is not authorized for this bot.');
    case 'forbidden':
      return answer(403, failure.message);
    case 'not-found':
      return answer(404, failure.message ?? 'Not found.');
    case 'method-not-allowed':
      return answer(405, `Only ${failure.allow[0]} is accepted here.`, { Allow: failure.allow.join(', ') });
    case 'too-large':
      return answer(413, 'The request body is too large.');
    case 'rate-limited':
      return answer(429, failure.message, { 'Retry-After': String(failure.retryAfterSeconds) });
    case 'internal':
      return answer(500, 'Internal error.');
    case 'channel-unreachable':
      // Our reply could not be delivered: a gateway error, not a failure of this request itself.
      return answer(502, 'The bot could not reach the channel to reply.');
    case 'upstream-failed':
      return answer(502, failure.message);
    case 'authentication-unavailable':
      // Our dependency failed, not the caller: "try again", rather than a 5xx of our own making.
      return answer(503, 'The request could not be authenticated right now. Try again later.', { 'Retry-After': '30' });
    case 'not-configured':
      return answer(503, failure.message);
  }
}

/**
 * The JSON answer to a failure: a short message, no stack trace, nothing the caller sent echoed
 * back. `headers` adds what belongs to the transport or the route (CORS, Connection: close).
 */
export function failureResponse(failure: HttpFailure, headers: Record<string, string> = {}): HttpResponseInit {
  const { status, message, headers: own } = describeFailure(failure);
  return { status, jsonBody: { error: message }, headers: { 'Cache-Control': 'no-store', ...headers, ...own } };
}

/** The short machine-readable reason a log line gives for a failure, e.g. "bad-json" or "too-large". */
export function failureReason(failure: HttpFailure): string {
  if (failure.kind === 'bad-input') return failure.reason;
  if (failure.kind === 'channel-unreachable') return failure.delivery ?? failure.kind;
  return failure.kind;
}

function answer(status: number, message: string, headers: Record<string, string> = {}): FailureAnswer {
  return { status, message, headers };
}
