import type { ConnectorClientOptions } from 'botframework-connector';
import { currentDelivery, DeliveryFailedError, DeliveryFailureReason, TurnDelivery } from './delivery';

// The HTTP client of every connector request botbuilder makes (replies, card edits, deletes),
// carrying out the delivery policy (docs/decisions/0013): one deadline for the whole turn, a
// bounded number of tries, Retry-After honoured only while it fits that deadline, and no retry of
// a request the connector may have accepted. botbuilder's own pipeline retries 5xx and 429 up to
// three more times with no overall deadline; it sees only this client's final answer, and a
// DeliveryFailedError is not an error it retries (it is no RestError and has no system error code).

/** Statuses that say the connector did not carry the request out: Teams asks bots to retry 412, 429, 502 and 504. */
const RETRYABLE = new Set([412, 429, 500, 502, 503, 504]);
const THROTTLED = new Set([429, 503]);

// The parts of @azure/core-http-compat's WebResourceLike and CompatResponse this client uses.
interface HeadersLike {
  headersArray(): { name: string; value: string }[];
}
interface WebResourceLike {
  url: string;
  method: string;
  headers: HeadersLike;
  body?: unknown;
}
interface CompatResponse {
  request: WebResourceLike;
  status: number;
  headers: { toJson(options?: { preserveCase?: boolean }): Record<string, string>; get(name: string): string | undefined };
  bodyAsText?: string;
}

type Fetch = typeof fetch;

/** The connector client options that route every request through the delivery policy. */
export function channelClientOptions(fetchImpl: Fetch = fetch): ConnectorClientOptions {
  const httpClient = { sendRequest: (request: WebResourceLike) => deliver(request, currentDelivery(), fetchImpl) };
  // core-http-compat's RequestPolicy: the types come from a package botbuilder depends on, not us.
  return { httpClient: httpClient as unknown as ConnectorClientOptions['httpClient'] };
}

async function deliver(request: WebResourceLike, turn: TurnDelivery, fetchImpl: Fetch): Promise<CompatResponse> {
  const { deadlineMs, maxTries } = turn.policy;
  const headers = request.headers.headersArray().map(({ name, value }): [string, string] => [name, value]);
  const body = typeof request.body === 'string' ? request.body : undefined;
  const fail = (reason: DeliveryFailureReason, tries: number, status?: number) => new DeliveryFailedError(reason, tries, turn.elapsedMs(), status);
  let last: { status?: number } = {};
  for (let tries = 1; tries <= maxTries; tries++) {
    const remaining = turn.remainingMs();
    if (remaining <= 0) throw fail(THROTTLED.has(last.status ?? 0) ? 'channel-throttled' : 'channel-unreachable', tries - 1, last.status);
    turn.tries += 1;
    const signal = AbortSignal.timeout(Math.ceil(remaining));
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(request.url, { method: request.method, headers, body, signal, redirect: 'manual' });
      text = await response.text();
    } catch (error) {
      // Refused: the request never reached the connector, so sending it again cannot duplicate it.
      // Anything else (no answer in time, a connection lost after the request went out) may have
      // been accepted, and a second copy would show the user the same reply twice.
      if (!refused(error) || tries === maxTries) throw fail('channel-unreachable', tries);
      if (!(await pause(backoff(deadlineMs, tries), turn))) throw fail('channel-unreachable', tries);
      continue;
    }
    if (response.status >= 200 && response.status < 300) return compatResponse(request, response, text);
    last = { status: response.status };
    if (!RETRYABLE.has(response.status)) throw fail('channel-refused', tries, response.status);
    const throttled = THROTTLED.has(response.status);
    const reason = throttled ? 'channel-throttled' : 'channel-unreachable';
    if (tries === maxTries) throw fail(reason, tries, response.status);
    const wait = retryAfterMs(response.headers.get('retry-after')) ?? backoff(deadlineMs, tries);
    if (!(await pause(wait, turn))) throw fail(reason, tries, response.status);
  }
  throw fail('channel-unreachable', maxTries, last.status);
}

/** Waits `ms` if a try is still worth making afterwards (a tenth of the deadline left); false if not. */
async function pause(ms: number, turn: TurnDelivery): Promise<boolean> {
  if (ms + turn.policy.deadlineMs / 10 > turn.remainingMs()) return false;
  await new Promise((resolve) => setTimeout(resolve, ms));
  return true;
}

/** Exponential, with jitter so that many turns throttled at once do not retry in step (Teams' advice). */
function backoff(deadlineMs: number, tries: number): number {
  const base = (deadlineMs / 40) * 2 ** (tries - 1);
  return base / 2 + Math.random() * (base / 2);
}

/** Retry-After as seconds or an HTTP date, in milliseconds; undefined if absent or unreadable. */
export function retryAfterMs(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function refused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown; errors?: { code?: unknown }[] } } | null)?.cause;
  if (cause?.code === 'ECONNREFUSED') return true;
  return Array.isArray(cause?.errors) && cause.errors.length > 0 && cause.errors.every((inner) => inner.code === 'ECONNREFUSED');
}

function compatResponse(request: WebResourceLike, response: Response, text: string): CompatResponse {
  const values: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    values[name] = value;
  });
  return {
    request,
    status: response.status,
    headers: { toJson: () => ({ ...values }), get: (name) => values[name.toLowerCase()] },
    bodyAsText: text,
  };
}
