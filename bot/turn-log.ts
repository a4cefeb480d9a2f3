/**
 * The host (HTTP layer, CLI, tests) puts its logger in turnState under this key for each turn.
 * A symbol from the global registry so that two copies of this module (bundles) still agree.
 */
export const TURN_LOGGER = Symbol.for('windows-licensing-assistant.turn-logger');

export type LogValue = string | number | boolean | string[] | undefined;

/**
 * What one turn did, filled in as the turn runs and logged once at its end. Every field is named
 * here: a line never holds what the user typed or who they are (names, ids, tenant, serviceUrl).
 */
export interface TurnFields {
  action?: string;
  topic?: string;
  verdict?: string;
  rules?: string[];
  /** The fact the reply asks about next. */
  asked?: string;
  vote?: 'yes' | 'no';
  /** `undelivered`: the channel did not take the reply (the request line says why); no bug of ours. */
  outcome?: 'ok' | 'invalid' | 'guide-changed' | 'error' | 'refused' | 'undelivered';
  outdated?: boolean;
  results?: number;
  /** The confirm step: how many read facts were shown, and how many the user kept, changed or left to be asked. */
  read?: number;
  kept?: number;
  changed?: number;
  dropped?: number;
  suggested?: string;
  truncated?: boolean;
  replaced?: boolean;
  /** The error's name (never its message) when editing the answered card failed. */
  replaceError?: string;
  /** The error's name (never its message) when the turn failed. */
  error?: string;
  /** Message extension search: the query was the panel opening, with nothing typed yet. */
  initialRun?: boolean;
  /** Message extension search: how many results the page skipped. */
  skip?: number;
  /** Link unfurling: what kind of link was shown as a card. */
  unfurled?: string;
  /** The licensing desk: what became of a desk command or request (never who, never what was asked). */
  desk?:
    | 'registered'
    | 'moved'
    | 'unchanged'
    | 'not-a-channel'
    | 'not-allowed'
    | 'not-set-up'
    | 'listed'
    | 'asked'
    | 'taken'
    | 'already-taken'
    | 'answered'
    | 'closed'
    | 'delivery-failed'
    | 'stale';
  /** The licensing desk: a proactive message (to the desk or the asker) that could not be delivered, by error name. */
  deskDeliveryError?: string;
  /** A Teams activity from a tenant not allowed: only the fact, never the tenant id. */
  tenant?: 'other';
}

/** What the bot logs at the end of each turn. */
export interface TurnEntry extends TurnFields {
  activityType: string;
  channel?: string;
}

export interface TurnLogger {
  /** One entry per turn. */
  log(entry: TurnEntry): void;
}

export const NO_LOGGER: TurnLogger = { log: () => undefined };

/**
 * The one line the messages endpoint writes per request, answered or refused. A refused request
 * has a `reason` (e.g. "bad-json", "too-large", "method-not-allowed") and, if it never reached
 * the bot, no turn fields.
 */
export interface RequestLine extends Partial<TurnEntry> {
  event: 'turn';
  /** What the caller got. */
  status: number;
  latencyMs: number;
  reason?: string;
  /** A reply the channel did not take: the requests made to its connector in the turn, retries included. */
  tries?: number;
  /** ... and when the delivery gave up, in milliseconds after the request arrived. */
  deliveryMs?: number;
}
