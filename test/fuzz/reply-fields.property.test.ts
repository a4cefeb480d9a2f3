import fc from 'fast-check';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { parseConfig } from '../../config/config';
import { createMessagesHandler } from '../../handlers/messages';
import { createLocalServer, defaultRoutes } from '../../server/local-server';
import { NO_TELEMETRY } from '../../telemetry/app-insights';
import { activity } from '../support/activities';

// The fields every reply copies from the activity (its id, locale, conversation, from and
// recipient), and the ones it does not, filled with values nested up to thousands of levels deep
// or larger than any channel sends, posted over a socket to the local server: the answer is the
// bytes on the wire, serialised as a caller gets them. Never a 5xx, always JSON, and the log line
// says the status the caller got (a 10,000-deep conversation used to be logged 200 and sent 500).

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const logs: string[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  const handler = createMessagesHandler({ config: parseConfig({ DESK_STORE_FILE: ':memory:' }), telemetry: NO_TELEMETRY });
  server = createLocalServer({ routes: defaultRoutes(handler), log: (line) => logs.push(line) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/**
 * `depth` objects or arrays inside one another, as JSON text: JSON.stringify (and fast-check's
 * report of a failing case) would overflow the stack on the value itself, which is the point.
 */
function nested(depth: number, asArray: boolean, leaf: string): string {
  return asArray ? `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}` : `${'{"id":"x","a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
}

/** An activity saying "help" with `field` set to the JSON text `json`. */
function bodyWith(field: string, json: string): string {
  return JSON.stringify(activity({ text: 'help', [field]: '__FIELD__' })).replace('"__FIELD__"', json);
}

const deep = fc.record({ depth: fc.integer({ min: 1, max: 12_000 }), asArray: fc.boolean(), leaf: fc.constantFrom('1', '"leaf"', 'null') });
const large = fc.integer({ min: 1, max: 60_000 }).map((size) => 'x'.repeat(size));
const FIELDS = ['conversation', 'from', 'recipient', 'id', 'locale', 'channelData', 'value', 'entities', 'replyToId'] as const;

const altered = fc.record({
  field: fc.constantFrom(...FIELDS),
  json: fc.oneof(
    deep.map(({ depth, asArray, leaf }) => `{"id":"c-1","deep":${nested(depth, asArray, leaf)}}`),
    deep.map(({ depth, asArray, leaf }) => nested(depth, asArray, leaf)),
    large.map((text) => JSON.stringify({ id: text })),
    large.map((text) => JSON.stringify({ id: 'c-1', name: text })),
    large.map((text) => JSON.stringify(text)),
  ),
});

test('fields copied into replies, deep or large, never make a 5xx, and the log says what was sent (300 runs)', async () => {
  const statuses = new Set<number>();
  await fc.assert(
    fc.asyncProperty(altered, async ({ field, json }) => {
      logs.length = 0;
      const body = bodyWith(field, json);
      const response = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const raw = await response.text();
      statuses.add(response.status);
      expect(response.status).toBeLessThan(500);
      expect(() => JSON.parse(raw) as unknown).not.toThrow();
      const turn = logs.filter((line) => line.includes('"event":"turn"')).map((line) => JSON.parse(line.slice(line.indexOf('{'))) as { status: number });
      expect(turn.map((line) => line.status)).toEqual([response.status]);
    }),
    { numRuns: 300, seed: SEED },
  );
  // Both answers were seen: refused (400) and, for what replies do not carry, answered (200).
  expect([...statuses].sort()).toEqual([200, 400]);
}, 120_000);

test('a 10,000-deep conversation with expectReplies is refused with 400, and logged as such', async () => {
  logs.length = 0;
  const body = bodyWith('conversation', `{"id":"c-deep","deep":${nested(10_000, false, '1')}}`);
  const response = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({ error: expect.any(String) });
  expect(logs.join('\n')).toMatch(/"status":400.*"reason":"not-an-activity"/);
});
