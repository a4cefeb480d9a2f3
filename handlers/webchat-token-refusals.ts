import type { HttpResponseInit } from '@azure/functions';
import { failureResponse, HttpFailure } from './http-errors';

// Why POST /api/webchat/token gave no token, said twice: for the visitor of the partner page (the
// JSON's `error`: a plain sentence and whom to tell, never a setting's name) and for the operator
// (the log line: which setting, which origin). The page acts on `reason` and `retry` alone.

export const TOKEN_REFUSALS = ['origin-not-allowed', 'not-configured', 'unavailable', 'rate-limited'] as const;
export type TokenRefusal = (typeof TOKEN_REFUSALS)[number];

/** Only a passing outage or a busy minute end by themselves; the other two need the operator. */
const RETRY: Record<TokenRefusal, boolean> = {
  'origin-not-allowed': false,
  'not-configured': false,
  unavailable: true,
  'rate-limited': true,
};

const tell = (contact: string | undefined) => (contact ? `Please let ${contact} know.` : 'Please let the people who run this site know.');

/** The sentence a visitor reads for each refusal; `contact` is DESK_CONTACT, when set. */
export function visitorMessage(reason: TokenRefusal, contact?: string): string {
  switch (reason) {
    case 'origin-not-allowed':
      return `This site is not allowed to start the chat. ${tell(contact)}`;
    case 'not-configured':
      return `The chat is not set up on this site yet, so it cannot start. ${tell(contact)}`;
    case 'unavailable':
      return `The chat service is not answering right now. Try again in a few minutes${contact ? `; if it keeps failing, please let ${contact} know` : ''}.`;
    case 'rate-limited':
      return 'Too many chats were started from this site just now. Try again in a minute.';
  }
}

const FAILURE_KIND = {
  'origin-not-allowed': 'forbidden',
  'not-configured': 'not-configured',
  unavailable: 'upstream-failed',
} as const satisfies Record<Exclude<TokenRefusal, 'rate-limited'>, HttpFailure['kind']>;

/**
 * The answer to a refused token request: 403 (origin), 503 (not set up), 502 (Direct Line down or
 * unusable) or 429 (rate limit), with `{ error, reason, retry }` as its JSON.
 */
export function refusal(reason: TokenRefusal, contact: string | undefined, cors: Record<string, string>, retryAfterSeconds = 60): HttpResponseInit {
  const message = visitorMessage(reason, contact);
  const failure: HttpFailure = reason === 'rate-limited' ? { kind: 'rate-limited', message, retryAfterSeconds } : { kind: FAILURE_KIND[reason], message };
  const response = failureResponse(failure, cors);
  return { ...response, jsonBody: { error: message, reason, retry: RETRY[reason] } };
}
