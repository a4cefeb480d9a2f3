import { search } from '../../reading/search';
import { MAX_QUERY_CHARS } from '../../reading/tuning';
import { medianMs } from '../support/timing';

// The reading runs a few hundred regular expressions (fact phrases, caveats, normalising) over
// what a user typed, cut first to MAX_QUERY_CHARS. Fed the worst text of that length for their
// shapes (runs of the words their optional groups and lazy gaps repeat on), a whole search stays
// within a small multiple of a search of ordinary words of the same length: nothing backtracks
// into seconds, and nothing else waits on a question. Words longer than LONGEST_WORD are neither
// spell-corrected nor fuzzy-matched: a 1,000-letter "word" took 13 times an ordinary search.

const fill = (unit: string) => unit.repeat(Math.ceil(MAX_QUERY_CHARS / unit.length)).slice(0, MAX_QUERY_CHARS);
const ORDINARY = fill('we would like to know which license our staff need for the new laptops. ');
const ADVERSARIAL: Record<string, string> = {
  'move phrases with their gaps': fill('move my old license key to '),
  'hoster phrases with their gaps': fill('hoster uses runs on '),
  'articles and filler': fill('the a an its our '),
  negators: fill('no not never without '),
  'numbers and versions': fill('windows 10 1909 5 '),
  'media words': fill('recovery media discs dvd '),
  'COA words': fill('coa certificate of authenticity sticker '),
  'one long word': fill('a'),
  punctuation: fill('?!.,;:'),
};
// The worst shape measured about 4 times an ordinary search on an idle machine; a quadratic
// pattern costs hundreds of times more, so a generous bound tells them apart under load too.
const MAX_RATIO = 30;

test.each(Object.entries(ADVERSARIAL))('a search of %s takes a small multiple of one of ordinary words', (_name, text) => {
  search(ORDINARY); // warm up: the index, the tables and the regexes are built on first use
  search(text);
  const ordinary = medianMs(() => search(ORDINARY), 9);
  const took = medianMs(() => search(text), 9);
  expect(took / Math.max(ordinary, 0.05)).toBeLessThan(MAX_RATIO);
});
