import MiniSearch from 'minisearch';
import { StatedFacts, statedFacts } from './fact-phrases';
import { guide, model, sectionMeta, sectionTopic } from './knowledge';
import type { SectionTopic } from './model';
import { snippet } from './snippet';
import { term } from './terms';
import { normalizeText, plainText, words } from './text';
import { TOPIC_IDS, TopicId } from './types';
import { DEFAULT_BASE_URL, guideUrl } from './urls';

// Free questions: finds the guide sections a text is about and the guided check it fits.
// Pure: the index is built once per process from the embedded guide; no I/O, clock or chance.

export interface SearchHit {
  section: string;
  title: string;
  topic: SectionTopic;
  score: number;
  url: string;
  snippet: string;
}

export interface AskResult {
  query: string;
  results: SearchHit[];
  suggested: { topic: TopicId; facts: Record<string, string> } | null;
  /** Plain sentences about what the question names that the four sources do not cover. */
  caveats: string[];
}

export interface SearchOptions {
  baseUrl?: string;
  limit?: number;
}

/** Beyond this, a text is a paste rather than a question; reading more only costs time. */
export const MAX_QUERY_CHARS = 1000;
const MAX_TERMS = 60;
/**
 * A hit must score at least this to be shown. Calibrated on this guide: everyday sentences
 * that share a word or two with it ("the coffee machine on the third floor is broken") stay
 * below 5.5; the best hit of the real questions in the tests scores 7 to 85, most above 20.
 */
export const RELEVANCE_FLOOR = 6;
/** A section is clearly what was asked, so its topic counts as a voice in the suggestion. */
export const TOPIC_FLOOR = 9;
const EXPANSION_WEIGHT = 0.5;
const FACT_SECTION_BOOST = 1.5;
const WEAK_WEIGHT = 1 / 3;
const weakTerms = new Set(model.vocabulary.weakWords.map((w) => term(w)).filter((t): t is string => t !== null));

interface Indexed {
  engine: MiniSearch;
  vocabulary: Set<string>;
  plain: Map<string, string>;
  order: Map<string, number>;
}

let indexed: Indexed | null = null;

function analyze(text: string): string[] {
  return words(text)
    .map((w) => term(w.word))
    .filter((t): t is string => t !== null);
}

function index(): Indexed {
  if (indexed) return indexed;
  const sections = [...guide.sections.values()];
  const engine = new MiniSearch({
    fields: ['title', 'body'],
    tokenize: (text) => words(text).map((w) => w.word),
    processTerm: (word) => term(word) ?? null,
  });
  const plain = new Map<string, string>();
  const vocabulary = new Set<string>();
  const documents = sections.map((s) => ({ id: s.id, title: s.title, body: plainText(s.body, 'drop') }));
  for (const s of sections) plain.set(s.id, plainText(s.body));
  for (const d of documents) for (const t of analyze(`${d.title} ${d.body}`)) vocabulary.add(t);
  engine.addAll(documents);
  indexed = { engine, vocabulary, plain, order: new Map(sections.map((s, i) => [s.id, i])) };
  return indexed;
}

// Built on the first search, like the index: a turn that never searches never pays for it.
let synonymTable: { words: string[]; add: string[]; weight: number }[] | undefined;
const synonyms = () =>
  (synonymTable ??= model.vocabulary.synonyms.flatMap((s) =>
    s.match.map((phrase) => ({ words: words(phrase).map((w) => w.word), add: analyze(s.add), weight: s.weight ?? EXPANSION_WEIGHT })),
  ));

interface Expansion {
  /** The typed terms this guide word stands in for. */
  sources: Set<string>;
  /** A synonym's weight is shared by its words, so that long ones do not outweigh what was typed. */
  weight: number;
}

/** The guide's words for the user's phrases ("aws" -> "listed provider"). */
function expansions(typed: string[]): Map<string, Expansion> {
  const out = new Map<string, Expansion>();
  for (const { words: phrase, add, weight: total } of synonyms()) {
    for (let i = 0; i + phrase.length <= typed.length; i++) {
      if (!phrase.every((w, j) => typed[i + j] === w)) continue;
      const sources = analyze(phrase.join(' '));
      const weight = total / add.length;
      for (const t of add) {
        const known = out.get(t);
        out.set(t, {
          sources: new Set([...(known?.sources ?? []), ...sources]),
          weight: Math.max(known?.weight ?? 0, weight),
        });
      }
      break;
    }
  }
  return out;
}

/** Fuzzy matching cannot fix swapped letters cheaply ("virtaul"): try each adjacent swap. */
function unswap(t: string, vocabulary: Set<string>): string {
  if (vocabulary.has(t) || t.length < 4) return t;
  for (let i = 0; i + 1 < t.length; i++) {
    const swapped = t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2);
    if (vocabulary.has(swapped)) return swapped;
  }
  return t;
}

interface Ranked {
  id: string;
  score: number;
  terms: string[];
}

/**
 * Scores are MiniSearch's BM25 sum over matched terms times the share of the typed terms the
 * section answers (a synonym answers for the word it came from). Unlike MiniSearch's own
 * "times the number of matched terms", this does not grow with the length of the text, so
 * one floor serves a two-word question and a pasted paragraph alike.
 */
function rank(text: string, stated: StatedFacts[]): Ranked[] {
  const { engine, vocabulary, order } = index();
  const typed = [...new Set(analyze(text).map((t) => unswap(t, vocabulary)))].slice(0, MAX_TERMS);
  if (!typed.length) return [];
  const isTyped = new Set(typed);
  const expanded = expansions(words(text).map((w) => w.word));
  const added = [...expanded.keys()].filter((t) => !isTyped.has(t)).slice(0, MAX_TERMS);
  const explaining = new Set(
    Object.entries(model.sections)
      .filter(([, meta]) =>
        stated.some((s) => s.topic === meta.topic && Object.entries(meta.explains).some(([fact, values]) => values.includes(s.facts[fact] ?? ''))),
      )
      .map(([id]) => id),
  );
  const results = engine.search([...typed, ...added].join(' '), {
    tokenize: (q) => q.split(' '),
    processTerm: (t) => t,
    boost: { title: 3 },
    prefix: (t) => isTyped.has(t) && t.length >= 4,
    fuzzy: (t) => (!isTyped.has(t) ? false : t.length >= 9 ? 2 : t.length >= 5 ? 1 : false),
    boostTerm: (t) => (!isTyped.has(t) ? expanded.get(t)?.weight ?? 0 : weakTerms.has(t) ? WEAK_WEIGHT : 1),
    boostDocument: (id) =>
      sectionMeta(String(id)).weight * (explaining.has(String(id)) ? FACT_SECTION_BOOST : 1),
  });
  return results
    .map((r) => {
      const covered = new Set<string>();
      for (const q of r.queryTerms) {
        if (isTyped.has(q)) covered.add(q);
        for (const source of expanded.get(q)?.sources ?? []) if (isTyped.has(source)) covered.add(source);
      }
      const sum = r.score / (r.queryTerms.length || 1);
      return { id: String(r.id), score: (sum * covered.size) / typed.length, terms: r.terms };
    })
    .sort((a, b) => b.score - a.score || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/**
 * The topic whose phrases state the most, with the search as one more voice: the topic of a
 * clearly relevant best hit counts as one phrase. So "volume licensing" in a question about
 * imaging does not outvote the imaging sections, while "AWS" alone still suggests VMs. Ties go
 * to the topic found highest in the results.
 */
function suggest(stated: StatedFacts[], ranked: Ranked[]): AskResult['suggested'] {
  const relevant = ranked.filter((r) => r.score >= RELEVANCE_FLOOR);
  // Words of a topic in a text the guide has nothing on ("works from home" in a meeting note).
  if (!relevant.length) return null;
  const rankOf = (topic: TopicId) => {
    const i = relevant.findIndex((r) => sectionTopic(r.id) === topic);
    return i < 0 ? Infinity : i;
  };
  const top = ranked.find((r) => r.score >= TOPIC_FLOOR && sectionTopic(r.id) !== 'general');
  const searchTopic = top ? sectionTopic(top.id) : 'general';
  const candidates = new Map<TopicId, { facts: Record<string, string>; votes: number }>();
  for (const s of stated) candidates.set(s.topic, { facts: s.facts, votes: s.phrases });
  if (searchTopic !== 'general') {
    const known = candidates.get(searchTopic);
    candidates.set(searchTopic, { facts: known?.facts ?? {}, votes: (known?.votes ?? 0) + 1 });
  }
  const [best] = [...candidates].sort(
    ([a, x], [b, y]) => y.votes - x.votes || rankOf(a) - rankOf(b) || TOPIC_IDS.indexOf(a) - TOPIC_IDS.indexOf(b),
  );
  return best ? { topic: best[0], facts: best[1].facts } : null;
}

export function search(text: string, options: SearchOptions = {}): AskResult {
  const input = text.slice(0, MAX_QUERY_CHARS);
  const stated = statedFacts(input);
  const ranked = rank(input, stated);
  const { plain } = index();
  const limit = Math.max(0, Math.floor(options.limit ?? 3));
  const results = ranked
    .filter((r) => r.score >= RELEVANCE_FLOOR)
    .slice(0, limit)
    .map((r): SearchHit => {
      const section = guide.sections.get(r.id)!;
      return {
        section: section.id,
        title: section.title,
        topic: sectionTopic(section.id),
        score: Math.round(r.score * 100) / 100,
        url: guideUrl(options.baseUrl ?? DEFAULT_BASE_URL, section.document, section.id),
        snippet: section.answer || snippet(plain.get(section.id) ?? '', new Set(r.terms)),
      };
    });
  return { query: text, results, suggested: suggest(stated, ranked), caveats: caveatsFor(input) };
}

let caveatTable: { text: string; regexes: RegExp[] }[] | undefined;

/** The caveats whose patterns the question matches, in the model's order, each once. */
export function caveatsFor(text: string): string[] {
  caveatTable ??= model.vocabulary.caveats.map((caveat) => ({
    text: caveat.text,
    regexes: caveat.patterns.map((pattern) => new RegExp(`(?<![a-z0-9])(?:${pattern})(?![a-z0-9])`)),
  }));
  const normalized = normalizeText(text);
  return caveatTable.filter((caveat) => caveat.regexes.some((regex) => regex.test(normalized))).map((caveat) => caveat.text);
}
