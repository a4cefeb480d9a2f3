import MiniSearch from 'minisearch';
import { governedSpans, Spans, StatedFacts, statedFacts } from './fact-phrases';
import { guide, model, sectionMeta, sectionTopic } from './knowledge';
import type { Caveat, SectionTopic } from './model';
import { snippet } from './snippet';
import { term } from './terms';
import { Speller, speller } from './spelling';
import { normalizeText, plainText, separateRunTogether, words } from './text';
import type { TopicId } from './types';
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

export interface SuggestedCheck {
  topic: TopicId;
  facts: Record<string, string>;
}

export interface AskResult {
  query: string;
  results: SearchHit[];
  suggested: SuggestedCheck | null;
  /**
   * Other checks the question fits about as well as `suggested` (two topics people confuse):
   * the reply offers them side by side instead of guessing one. Empty when one topic is clear.
   */
  alternatives: SuggestedCheck[];
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
/**
 * A question that names no fact of a topic is offered its check only when a section of that
 * topic is clearly what was asked; "what is a COA?" wants the definition, not an interview.
 */
export const TOPIC_FLOOR = 12;
const EXPANSION_WEIGHT = 0.5;
const FACT_SECTION_BOOST = 1.5;
const ANSWER_BOOST = 1;
const ASKS_BOOST = 2;
/** How deep in the ranking the topic of the best sections is looked for (below a general section). */
const LEAD_DEPTH = 2;
/**
 * A topic whose sections are this close behind the best one may let its facts reorder them; a
 * generic word such as "Pro" in a question about imaging then lifts no VM section far below.
 */
const NEAR_DEPTH = 5;
const NEAR_SHARE = 0.7;
/**
 * Two topics are close when the second one's best section is in the top three and scores at
 * least this share of the best: on the development sets, questions whose top two topics were
 * that close were split between them (a used PC sold or its license moved, imaging or media).
 */
const CLOSE_DEPTH = 3;
const CLOSE_SHARE = 0.85;
/** Facts a question about something outside the sources must state to be offered a check too. */
const OUTSIDE_FACTS = 2;
const WEAK_WEIGHT = 1 / 3;
const STOP_WORDS: ReadonlySet<string> = new Set(model.vocabulary.stopWords);
const weakTerms = new Set(model.vocabulary.weakWords.map((w) => term(w)).filter((t): t is string => t !== null));

interface Indexed {
  engine: MiniSearch;
  vocabulary: Set<string>;
  speller: Speller;
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
    // The answer sentence is what a section says; a section that only shares words with the
    // question further down ranks below the one whose answer uses them.
    // `asks` holds the plain questions people ask that the section answers (knowledge/questions.yaml).
    fields: ['title', 'asks', 'answer', 'body'],
    tokenize: (text) => words(text).map((w) => w.word),
    processTerm: (word) => term(word) ?? null,
  });
  const plain = new Map<string, string>();
  const vocabulary = new Set<string>();
  const documents = sections.map((s) => ({
    id: s.id,
    title: s.title,
    asks: (model.questions[s.id] ?? []).join('\n'),
    answer: s.answer,
    body: plainText(s.body, 'drop'),
  }));
  for (const s of sections) plain.set(s.id, plainText(s.body));
  const surface = new Set<string>();
  for (const d of documents) {
    for (const w of words(`${d.title} ${d.asks} ${d.body}`)) {
      surface.add(w.word);
      const t = term(w.word);
      if (t) vocabulary.add(t);
    }
  }
  engine.addAll(documents);
  indexed = { engine, vocabulary, speller: speller([...surface, ...knownWords()]), plain, order: new Map(sections.map((s, i) => [s.id, i])) };
  return indexed;
}

/** Words the product reads besides the guide's: synonyms, filler, and the words of its patterns. */
function knownWords(): string[] {
  const { vocabulary: v } = model;
  const literal = (pattern: string) => pattern.replace(/\\[a-z]/g, ' ').match(/[a-z]{4,}/g) ?? [];
  return [
    ...v.stopWords,
    ...v.weakWords,
    ...v.synonyms.flatMap((s) => s.match.flatMap((m) => words(m).map((w) => w.word))),
    ...v.phrases.flatMap((p) => p.patterns.flatMap(literal)),
    ...v.caveats.flatMap((c) => c.patterns.flatMap(literal)),
  ];
}

/**
 * The text as the search reads it: normalized, words typed together pulled apart, and slips
 * one letter away from a known word put right. The fact phrases and caveats read it too.
 */
export function readable(text: string): string {
  const { speller: spell } = index();
  return separateRunTogether(normalizeText(text)).replace(/\p{L}{5,}/gu, (word) => spell.correct(word));
}

interface SynonymEntry {
  words: string[];
  /** The terms of the typed phrase, which the added guide words answer for. */
  sources: string[];
  add: string[];
  weight: number;
}

// Built on the first search, like the index: a turn that never searches never pays for it.
// Keyed by the phrase's first word, so a long text costs one lookup per word.
let synonymTable: Map<string, SynonymEntry[]> | undefined;
function synonyms(): Map<string, SynonymEntry[]> {
  if (synonymTable) return synonymTable;
  synonymTable = new Map();
  for (const s of model.vocabulary.synonyms) {
    for (const phrase of s.match) {
      const ws = words(phrase).map((w) => w.word);
      if (!ws.length) continue;
      const entry = { words: ws, sources: analyze(phrase), add: analyze(s.add), weight: s.weight ?? EXPANSION_WEIGHT };
      synonymTable.set(ws[0], [...(synonymTable.get(ws[0]) ?? []), entry]);
    }
  }
  return synonymTable;
}

interface Expansion {
  /** The typed terms this guide word stands in for. */
  sources: Set<string>;
  /** A synonym's weight is shared by its words, so that long ones do not outweigh what was typed. */
  weight: number;
}

/**
 * The guide's words for the user's phrases ("aws" -> "listed provider"), each phrase once.
 * Phrases match the words as typed and also with filler left out ("the board has died").
 */
function expansions(all: string[]): Map<string, Expansion> {
  const out = new Map<string, Expansion>();
  const used = new Set<SynonymEntry>();
  const table = synonyms();
  const meaningful = all.filter((w) => !STOP_WORDS.has(w));
  for (const typed of meaningful.length < all.length ? [all, meaningful] : [all]) {
    for (let i = 0; i < typed.length; i++) {
      for (const entry of table.get(typed[i]) ?? []) {
        if (used.has(entry) || !entry.words.every((w, j) => typed[i + j] === w)) continue;
        used.add(entry);
        const weight = entry.weight / entry.add.length;
        for (const t of entry.add) {
          const known = out.get(t);
          out.set(t, {
            sources: new Set([...(known?.sources ?? []), ...entry.sources]),
            weight: Math.max(known?.weight ?? 0, weight),
          });
        }
      }
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
 * A version or build ("1803", "21h2", "w10") the guide does not use says nothing about what
 * is asked, so it does not count as a typed term the sections fail to answer.
 */
const counts = (t: string, vocabulary: Set<string>) => vocabulary.has(t) || !/\d/.test(t);

/**
 * Scores are MiniSearch's BM25 sum over matched terms times the share of the typed terms the
 * section answers (a synonym answers for the word it came from). Unlike MiniSearch's own
 * "times the number of matched terms", this does not grow with the length of the text, so
 * one floor serves a two-word question and a pasted paragraph alike.
 */
function rank(clean: string): Ranked[] {
  const { engine, vocabulary, order } = index();
  const typed = [...new Set(analyze(clean).map((t) => unswap(t, vocabulary)))].slice(0, MAX_TERMS);
  const counted = typed.filter((t) => counts(t, vocabulary)).length;
  if (!typed.length || !counted) return [];
  const isTyped = new Set(typed);
  const expanded = expansions(words(clean).map((w) => w.word));
  const added = [...expanded.keys()].filter((t) => !isTyped.has(t)).slice(0, MAX_TERMS);
  const results = engine.search([...typed, ...added].join(' '), {
    tokenize: (q) => q.split(' '),
    processTerm: (t) => t,
    boost: { title: 3, asks: ASKS_BOOST, answer: ANSWER_BOOST },
    prefix: (t) => isTyped.has(t) && t.length >= 4,
    // A term the guide uses needs no fuzzy neighbours, and skipping them keeps long texts fast.
    fuzzy: (t) => (!isTyped.has(t) || vocabulary.has(t) ? false : t.length >= 9 ? 2 : t.length >= 5 ? 1 : false),
    boostTerm: (t) => (!isTyped.has(t) ? (expanded.get(t)?.weight ?? 0) : weakTerms.has(t) ? WEAK_WEIGHT : 1),
    boostDocument: (id) => sectionMeta(String(id)).weight,
  });
  return results
    .map((r) => {
      const covered = new Set<string>();
      for (const q of r.queryTerms) {
        if (isTyped.has(q) && counts(q, vocabulary)) covered.add(q);
        for (const source of expanded.get(q)?.sources ?? []) if (isTyped.has(source)) covered.add(source);
      }
      const sum = r.score / (r.queryTerms.length || 1);
      return { id: String(r.id), score: (sum * Math.min(covered.size, counted)) / counted, terms: r.terms };
    })
    .sort(byScore(order));
}

const byScore = (order: Map<string, number>) => (a: Ranked, b: Ranked) => b.score - a.score || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);

const GLOSSARY = 'glossary';
/** Enough to put the glossary first when it defines the term at all ("What is a COA?"). */
const DEFINITION_BOOST = 2;
const DEFINITION_WORDS = 8;
const DEFINITION = /^(?:what(?:'s| is| are| does| do)|define|definition of|meaning of|explain the term)(?![a-z])/;

/** A short question asking what a term is or means. */
function asksForDefinition(clean: string): boolean {
  return DEFINITION.test(clean) && words(clean).length <= DEFINITION_WORDS && (/^what (?:does|do)/.test(clean) ? /(?:mean|stand for)\W*$/.test(clean) : true);
}

/** The topic of the best sections found: the first relevant hit that feeds a guided check. */
function leadTopic(ranked: Ranked[]): TopicId | null {
  const lead = ranked.slice(0, LEAD_DEPTH).find((r) => r.score >= RELEVANCE_FLOOR && sectionTopic(r.id) !== 'general');
  const topic = lead ? sectionTopic(lead.id) : 'general';
  return topic === 'general' ? null : topic;
}

/** Topics of the sections close behind the best one, or null when nothing clears the floor. */
function nearTopics(ranked: Ranked[]): Set<TopicId> | null {
  const best = ranked[0];
  if (!best || best.score < RELEVANCE_FLOOR) return null;
  const topics = ranked
    .slice(0, NEAR_DEPTH)
    .filter((r) => r.score >= best.score * NEAR_SHARE)
    .map((r) => sectionTopic(r.id))
    .filter((t): t is TopicId => t !== 'general');
  return new Set(topics);
}

/**
 * Sections that explain a value the text states rank higher ("the board was upgraded" finds
 * the upgrade section before the defect one).
 */
function boostExplaining(ranked: Ranked[], stated: StatedFacts | undefined): Ranked[] {
  if (!stated) return ranked;
  const explains = (id: string) => {
    const meta = sectionMeta(id);
    return meta.topic === stated.topic && Object.entries(meta.explains).some(([fact, values]) => values.includes(stated.facts[fact] ?? ''));
  };
  return ranked.map((r) => (explains(r.id) ? { ...r, score: r.score * FACT_SECTION_BOOST } : r)).sort(byScore(index().order));
}

interface Understood {
  ranked: Ranked[];
  suggested: AskResult['suggested'];
  alternatives: SuggestedCheck[];
  caveats: string[];
}

/**
 * What the text asks: the sections, the guided check that agrees with the best of them, and
 * what it names that the sources do not cover. A check is made only for the topic the best
 * sections belong to, with only that topic's facts; a text whose subject is outside the
 * sources gets one only when it also states two facts of the topic in words of its own.
 */
function understand(text: string): Understood {
  const clean = readable(text);
  const found = caveatMatches(clean);
  const caveats = found.map((c) => c.caveat.text);
  const outside = found.filter((c) => c.caveat.outside);
  const allStated = statedFacts(
    clean,
    governedSpans(
      clean,
      outside.flatMap((c) => c.spans),
    ),
  );
  let ranked = rank(clean);
  if (asksForDefinition(clean)) ranked = ranked.map((r) => (r.id === GLOSSARY ? { ...r, score: r.score * DEFINITION_BOOST } : r)).sort(byScore(index().order));
  // Each topic's facts lift only that topic's sections, and only for a topic the words alone
  // already put near the top; a text the words alone do not carry over the floor ("our COA
  // sticker is gone") lets every topic's facts lift its own.
  const near = nearTopics(ranked);
  for (const s of allStated) if (!near || near.has(s.topic)) ranked = boostExplaining(ranked, s);
  const topic = leadTopic(ranked);
  if (!topic) return { ranked, suggested: null, alternatives: [], caveats };
  const definition = asksForDefinition(clean);
  const checkFor = (t: TopicId): SuggestedCheck | null => {
    const facts = allStated.find((s) => s.topic === t)?.facts ?? {};
    const named = Object.keys(facts).length;
    const lead = ranked.find((r) => sectionTopic(r.id) === t)!;
    const clearly = named > 0 || lead.score >= TOPIC_FLOOR;
    // "What is a QMTH?" wants the definition, not an interview: naming a term states no fact.
    return definition || !clearly || (outside.length && named < OUTSIDE_FACTS) ? null : { topic: t, facts };
  };
  const suggested = checkFor(topic);
  const alternatives = suggested ? closeTopics(ranked, topic).flatMap((t) => checkFor(t) ?? []) : [];
  return { ranked, suggested, alternatives, caveats };
}

/**
 * Another topic whose best section is among the top three and nearly as good as the best one:
 * the question fits both about equally ("selling the old PC" or "moving its license"), so the
 * reply offers both checks rather than guessing.
 */
function closeTopics(ranked: Ranked[], lead: TopicId): TopicId[] {
  const best = ranked[0];
  if (!best) return [];
  const close = ranked
    .slice(0, CLOSE_DEPTH)
    .filter((r) => r.score >= best.score * CLOSE_SHARE)
    .map((r) => sectionTopic(r.id))
    .filter((t): t is TopicId => t !== 'general' && t !== lead);
  return [...new Set(close)].slice(0, 1);
}

export function search(text: string, options: SearchOptions = {}): AskResult {
  const input = text.slice(0, MAX_QUERY_CHARS);
  const { ranked, suggested, alternatives, caveats } = understand(input);
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
  return { query: text, results, suggested: results.length ? suggested : null, alternatives: results.length ? alternatives : [], caveats };
}

interface CaveatMatch {
  caveat: Caveat;
  spans: Spans;
}

let caveatTable: { caveat: Caveat; regexes: RegExp[] }[] | undefined;

function caveatMatches(clean: string): CaveatMatch[] {
  caveatTable ??= model.vocabulary.caveats.map((caveat) => ({
    caveat,
    regexes: caveat.patterns.map((pattern) => new RegExp(`(?<![a-z0-9])(?:${pattern})(?![a-z0-9])`, 'g')),
  }));
  const out: CaveatMatch[] = [];
  for (const { caveat, regexes } of caveatTable) {
    const spans = regexes.flatMap((regex) => [...clean.matchAll(regex)].map((m) => [m.index, m.index + m[0].length] as const));
    if (spans.length) out.push({ caveat, spans });
  }
  return out;
}

/** The caveats whose patterns the question matches, in the model's order, each once. */
export function caveatsFor(text: string): string[] {
  return caveatMatches(readable(text)).map((c) => c.caveat.text);
}
