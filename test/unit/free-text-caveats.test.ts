import { answerFreeText } from '../../bot/free-text';
import { search } from '../../reading/search';
import { guide } from '../../core/knowledge';
import { linkify } from '../../cards/links';
import { cardProblems, cardText } from '../support/cards';
import { BASE_URL } from '../support/activities';

// The free-question card shows each hit's one-sentence answer, and the caveats search gives for
// what the question names that the sources do not cover (search's `caveats`, contract v2).

const WINDOWS_11 = 'The sources speak of Windows 10 and earlier; they say nothing about Windows 11.';

test("each hit shows its section's one-sentence answer", () => {
  const { reply } = answerFreeText('Can we run Windows VMs on AWS?', { baseUrl: BASE_URL });
  const text = cardText(reply);
  const hits = search('Can we run Windows VMs on AWS?', { baseUrl: BASE_URL }).results;
  for (const hit of hits) expect(text).toContain(linkify(guide.sections.get(hit.section)!.answer));
});

test('caveats from search are shown above the sections', () => {
  const withCaveats: typeof search = (text, options) => ({ ...search(text, options), caveats: [WINDOWS_11] });
  const { reply } = answerFreeText('Windows 11 VMs on AWS', { baseUrl: BASE_URL, search: withCaveats });
  expect(cardProblems(reply)).toEqual([]);
  const text = cardText(reply);
  expect(text).toContain(WINDOWS_11);
  const best = search('Windows 11 VMs on AWS', { baseUrl: BASE_URL }).results[0];
  expect(text.indexOf(WINDOWS_11)).toBeLessThan(text.indexOf(best.title));
});

test('with nothing found, the caveat says why', () => {
  const nothing: typeof search = (text) => ({ query: text, results: [], suggested: null, alternatives: [], caveats: [WINDOWS_11] });
  const { reply } = answerFreeText('Windows 11 prices', { baseUrl: BASE_URL, search: nothing });
  expect(cardProblems(reply)).toEqual([]);
  expect(cardText(reply)).toContain('I found nothing in the guide for that.');
  expect(cardText(reply)).toContain(WINDOWS_11);
});

test('a search without caveats (or with an empty list) shows none', () => {
  const empty: typeof search = (text, options) => ({ ...search(text, options), caveats: [] });
  for (const fn of [search, empty]) {
    const { reply } = answerFreeText('Can we run Windows VMs on AWS?', { baseUrl: BASE_URL, search: fn });
    expect(cardProblems(reply)).toEqual([]);
    expect(JSON.stringify(reply.content)).not.toContain('"color":"Warning"');
  }
});
