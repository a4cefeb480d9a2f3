import { AsyncLocalStorage } from 'node:async_hooks';

// One turn's budget for everything it sends to the channel (replies, card edits): the channel
// (Teams, Direct Line, the Emulator) gives up on the bot 15 s after it posted the activity, so
// whatever the bot still sends after that reaches nobody who is waiting for it. The policy and
// its reasons: docs/decisions/0013-one-delivery-policy.md.

export interface DeliveryPolicy {
  /** From the moment the request arrived, how long the turn may spend delivering, tries and waits included. */
  deadlineMs: number;
  /** How many requests one reply (or card edit) may take, the first included. */
  maxTries: number;
}

/** 10 s: inside the channel's 15 s, with room for the turn's own work and the HTTP answer. */
export const DEFAULT_DELIVERY: DeliveryPolicy = { deadlineMs: 10_000, maxTries: 3 };

/** Why a reply did not reach the channel; also the `reason` the request's log line carries. */
export type DeliveryFailureReason = 'channel-unreachable' | 'channel-throttled' | 'channel-refused';

/** The channel did not take what the bot sent: the channel failed, not the bot. */
export class DeliveryFailedError extends Error {
  constructor(
    readonly reason: DeliveryFailureReason,
    /** Requests made for this one activity. */
    readonly tries: number,
    /** When the delivery gave up, in milliseconds after the channel's request arrived. */
    readonly elapsedMs: number,
    /** The connector's last status, if it answered at all. */
    readonly status?: number,
  ) {
    super(`the channel did not take the activity: ${reason} after ${tries} ${tries === 1 ? 'try' : 'tries'}${status ? ` (last status ${status})` : ''}`);
    this.name = 'DeliveryFailedError';
  }
}

export function isDeliveryFailure(error: unknown): error is DeliveryFailedError {
  return error instanceof Error && error.name === 'DeliveryFailedError' && 'reason' in error;
}

/** What one turn has spent of its budget, and how its deliveries went. */
export class TurnDelivery {
  /** Requests made to the channel in this turn, retries included. */
  tries = 0;
  /** The first reply the channel did not take: nothing more is sent after it (no apology). */
  failure?: DeliveryFailedError;
  private readonly deadline: number;

  constructor(
    readonly policy: DeliveryPolicy = DEFAULT_DELIVERY,
    /** performance.now() when the channel's request arrived: its 15 s started then, not at the turn. */
    readonly startedAt = performance.now(),
  ) {
    this.deadline = startedAt + policy.deadlineMs;
  }

  remainingMs(): number {
    return Math.max(0, this.deadline - performance.now());
  }

  elapsedMs(): number {
    return Math.round(performance.now() - this.startedAt);
  }
}

const CURRENT = new AsyncLocalStorage<TurnDelivery>();

/** Runs `work` (a turn) with `delivery` as the budget of every request it makes to the channel. */
export function withDelivery<T>(delivery: TurnDelivery, work: () => Promise<T>): Promise<T> {
  return CURRENT.run(delivery, work);
}

/** The running turn's budget; outside a turn (a proactive message), a fresh one of the default policy. */
export function currentDelivery(): TurnDelivery {
  return CURRENT.getStore() ?? new TurnDelivery();
}
