// JSON that goes in or out of this service has a bounded depth and size, checked without
// recursion: JSON.parse takes 10,000 nested objects happily, and JSON.stringify then overflows the
// stack on the way out. An expectReplies answer copies the inbound `conversation` into every
// reply, so a deep one used to fail only when the host serialised the answer, after the request
// had been logged as a 200.

/**
 * How deep an answer may nest: a list of replies, each a card (Adaptive Cards nest containers,
 * ours a handful of levels) and the activity's conversation and accounts (bounded on the way in).
 */
export const MAX_RESPONSE_DEPTH = 64;
/** The largest answer: a handful of replies, each a card of some tens of KB. */
export const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

/** Whether `value` nests no deeper than `max` arrays and objects, found without recursion. */
export function depthWithin(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  // An object met twice is walked once: a cycle (which JSON.stringify refuses anyway) cannot
  // make the walk endless, nor a shared part make it exponential.
  const seen = new WeakSet<object>();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null || seen.has(item)) continue;
    seen.add(item);
    if (depth >= max) return false;
    for (const child of Object.values(item)) if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
  }
  return true;
}

export type Serialised = { ok: true; text: string } | { ok: false; problem: 'too-deep' | 'too-large' | 'not-serialisable' };

/** `value` as the JSON text the caller will get, or why it cannot be sent. */
export function serialiseBounded(value: unknown, limits: { maxDepth: number; maxBytes: number }): Serialised {
  if (!depthWithin(value, limits.maxDepth)) return { ok: false, problem: 'too-deep' };
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    // A cycle, a BigInt, a toJSON that throws: a bug of ours, never the caller's.
    return { ok: false, problem: 'not-serialisable' };
  }
  return Buffer.byteLength(text) <= limits.maxBytes ? { ok: true, text } : { ok: false, problem: 'too-large' };
}
