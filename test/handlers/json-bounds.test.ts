import { depthWithin, serialiseBounded } from '../../handlers/json-bounds';

// What an answer must pass before it is logged as sent: each refusal is something JSON.stringify
// (or the caller) would otherwise meet only after the request was logged as a 200.

const deep = (depth: number): unknown => {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = { a: value };
  return value;
};

test('depth counts nested objects and arrays, whatever their width, without overflowing the stack', () => {
  expect(depthWithin('text', 0)).toBe(true);
  expect(depthWithin({ a: 1, b: [1, 2] }, 2)).toBe(true);
  expect(depthWithin({ a: 1, b: [1, 2] }, 1)).toBe(false);
  expect(depthWithin(deep(100_000), 64)).toBe(false);
  expect(depthWithin(deep(64), 64)).toBe(true);
});

test('a cycle or a shared part does not make the walk endless', () => {
  const shared: Record<string, unknown> = { x: 1 };
  const wide = Array.from({ length: 40 }, () => ({ left: shared, right: shared }));
  expect(depthWithin(wide, 8)).toBe(true);
  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;
  expect(serialiseBounded(cycle, { maxDepth: 8, maxBytes: 1000 })).toEqual({ ok: false, problem: 'not-serialisable' });
});

test('an answer is the JSON text the caller gets, or the reason it cannot be sent', () => {
  const limits = { maxDepth: 8, maxBytes: 100 };
  expect(serialiseBounded({ activities: [{ type: 'message' }] }, limits)).toEqual({ ok: true, text: '{"activities":[{"type":"message"}]}' });
  expect(serialiseBounded(deep(10_000), limits)).toEqual({ ok: false, problem: 'too-deep' });
  expect(serialiseBounded({ text: 'é'.repeat(60) }, limits)).toEqual({ ok: false, problem: 'too-large' });
  expect(serialiseBounded({ big: 1n }, limits)).toEqual({ ok: false, problem: 'not-serialisable' });
});
