// A token bucket per key: `burst` requests at once, refilled at `perMinute`. Kept in memory, so
// each instance of the app counts on its own (a scaled-out app allows that many per instance): a
// brake on a script hammering an endpoint, not an accounting of use.

export interface RateLimit {
  /** Requests one key may make in a burst. */
  burst: number;
  /** Requests one key regains per minute. */
  perMinute: number;
}

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string): Verdict;
}

/** `now` is milliseconds on any monotonic clock (tests pass their own). */
export function createRateLimiter(limit: RateLimit, now: () => number = () => performance.now()): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = limit.perMinute / 60_000;
  return {
    take(key) {
      const time = now();
      const bucket = buckets.get(key) ?? { tokens: limit.burst, at: time };
      bucket.tokens = Math.min(limit.burst, bucket.tokens + (time - bucket.at) * perMs);
      bucket.at = time;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}
