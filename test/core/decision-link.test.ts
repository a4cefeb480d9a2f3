import { caveatIdsOf, caveatSentences, CAVEAT_IDS } from '../../core/caveats';
import { decide } from '../../core/decide';
import { isCalendarDate, readDecisionLink } from '../../core/decision-link';
import { model } from '../../core/knowledge';
import { TOPICS } from '../../core/topics';
import { TOPIC_IDS } from '../../core/types';
import { RESERVED_PARAMS, withRecordContext } from '../../core/urls';

// The decision record link: the core's permalink (contract v3) plus what the bot adds, the caveat
// ids and the day the answer was given, read back the same way by the page and link unfurling.

const BASE = 'https://licensing.example.com';
const read = (link: string) => {
  const url = new URL(link);
  return readDecisionLink(decodeURIComponent(url.pathname.split('/').at(-1)!), url.searchParams.entries());
};

test('no topic has a fact named like a reserved parameter, so a link never reads a fact as context', () => {
  const clashes = TOPIC_IDS.flatMap((topic) => TOPICS[topic].facts.filter((fact) => RESERVED_PARAMS.includes(fact.id)).map((fact) => `${topic}.${fact.id}`));
  expect(clashes).toEqual([]);
});

test("the bot's context reads back as it was written, and the facts are the core's", () => {
  const decision = decide('refurbished-pc', { motherboard: 'original', coa: 'yes', recovery: 'none' }, { baseUrl: BASE });
  const link = withRecordContext(decision.permalink, { caveats: ['windows-11', 'office'], on: '2026-12-03' });
  expect(link.startsWith(`${decision.permalink}&`)).toBe(true);
  const reading = read(link);
  expect(reading).toEqual({
    ok: true,
    link: {
      topic: 'refurbished-pc',
      facts: { motherboard: 'original', coa: 'yes', recovery: 'none' },
      version: decision.knowledge.version,
      caveats: ['windows-11', 'office'],
      on: '2026-12-03',
    },
  });
});

test("a link without context is exactly the core's permalink, and reads with no caveats and no day", () => {
  const decision = decide('used-pc', { transfer: 'license-only' }, { baseUrl: BASE });
  expect(withRecordContext(decision.permalink, {})).toBe(decision.permalink);
  expect(withRecordContext(decision.permalink, { caveats: [] })).toBe(decision.permalink);
  const reading = read(decision.permalink);
  expect(reading.ok && reading.link).toEqual({ topic: 'used-pc', facts: { transfer: 'license-only' }, version: decision.knowledge.version, caveats: [] });
});

test.each([
  ['2026-12-03', true],
  ['2024-02-29', true],
  ['2026-02-29', false],
  ['2026-02-30', false],
  ['2026-13-01', false],
  ['2026-00-10', false],
  ['1999-12-31', false],
  ['2026-1-3', false],
  ['2026-12-03T10:00:00Z', false],
  ['', false],
])('%j is a day a record can carry: %s', (value, expected) => {
  expect(isCalendarDate(value)).toBe(expected);
});

test('a day that does not exist, or a date or caveat given twice, makes the link unreadable', () => {
  const params = (query: string) => readDecisionLink('used-pc', new URLSearchParams(query).entries());
  expect(params('transfer=whole-pc&on=2026-02-30')).toEqual({ ok: false, problem: 'bad-date' });
  expect(params('transfer=whole-pc&on=2026-12-01&on=2026-12-02')).toEqual({ ok: false, problem: 'repeated' });
  expect(params('transfer=whole-pc&caveat=office&caveat=office')).toEqual({ ok: false, problem: 'repeated' });
});

test("caveat sentences map to ids and back in the knowledge's order; sentences the knowledge lacks are dropped", () => {
  const [a, b] = [model.vocabulary.caveats[1], model.vocabulary.caveats[4]];
  expect(caveatIdsOf([b.text, 'A sentence of no caveat.', a.text])).toEqual([a.id, b.id]);
  expect(caveatSentences([b.id, a.id, 'no-such-caveat'])).toEqual([a.text, b.text]);
  expect(CAVEAT_IDS).toContain('windows-11');
});
