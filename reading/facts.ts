import { model } from '../core/knowledge';
import type { FactPhrase } from '../core/model';
import { normalizeText } from './text';
import type { TopicId } from '../core/types';

// Reads the facts a user's text states, per topic, from the phrase table. It never guesses:
// a negated phrase states nothing, and a fact stated with two different values is dropped.

export interface StatedFacts {
  topic: TopicId;
  facts: Record<string, string>;
  /** Phrases that stated facts of this topic: the strength of the evidence for the topic. */
  phrases: number;
}

interface Compiled {
  phrase: FactPhrase;
  regexes: RegExp[];
  /** The phrase states a count ("five VMs": a value such as "more-than-4"), read from a number in the text. */
  readsNumber: boolean;
}

interface Match {
  phrase: FactPhrase;
  start: number;
  end: number;
}

let compiled: Compiled[] | null = null;

function phrases(): Compiled[] {
  compiled ??= model.vocabulary.phrases.map((phrase) => ({
    phrase,
    regexes: phrase.patterns.map((p) => new RegExp(`(?<![a-z0-9])(?:${p})(?![a-z0-9])`, 'g')),
    readsNumber: Object.values(phrase.set).some((value) => /\d/.test(value)),
  }));
  return compiled;
}

// Words that, a few words before a phrase in the same clause, say the thing is not there or not
// so: "we lost the recovery DVD", "the partition was wiped", "not everyone has access to the
// VLSC". A phrase they govern states nothing (not even the opposite: the interview asks).
const NEGATORS = new Set([
  'no',
  'not',
  'never',
  'without',
  'none',
  'nor',
  'neither',
  'cannot',
  'lack',
  'lacks',
  'lacking',
  'missing',
  'except',
  'excluding',
  'lost',
  'lose',
  'losing',
  'wiped',
  'wipe',
  'wiping',
  'deleted',
  'delete',
  'deleting',
  'erased',
  'erase',
  'removed',
  'formatted',
  'overwrote',
  'overwritten',
  'discarded',
  'threw',
  'thrown',
  'gone',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'havent',
  'hasnt',
  'hadnt',
  'cant',
  'couldnt',
  'wont',
  'wouldnt',
]);
/** How far back a negator reaches inside its clause ("not everyone has access to the VLSC"). */
const NEGATION_REACH = 6;
const CLAUSE_BREAK = /[.;:!?,()]|(?<![a-z])(?:but|and|or|nor|while|although|though|however|whereas|so|because|yet)(?![a-z])/g;

/** True when one of the few words before `start`, in the same clause, negates what follows. */
function negated(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 120), start);
  let clauseStart = 0;
  let opener = '';
  for (const m of before.matchAll(CLAUSE_BREAK)) {
    clauseStart = m.index + m[0].length;
    opener = m[0];
  }
  // "nor is there a way to ... in the VLSC": a clause opened by "nor" denies all of itself.
  if (opener === 'nor') return true;
  const clause = before.slice(clauseStart).split(' ').filter(Boolean);
  return clause.slice(-NEGATION_REACH).some((w) => NEGATORS.has(w.replace(/'/g, '')));
}

/** How many words after a product the sources do not cover still speak of that product. */
const GOVERNED_WORDS = 6;

/**
 * The stretches a product outside the sources governs: its own name and the few words after it
 * in the same clause, which say its edition, its licenses or its Software Assurance ("Windows
 * Server Standard licenses with Software Assurance" is not Windows Enterprise with SA).
 */
export function governedSpans(text: string, spans: Spans): Spans {
  const normalized = normalizeText(text);
  return spans.map(([from, to]) => {
    const rest = normalized.slice(to, to + 120);
    const clauseEnd = rest.search(CLAUSE_BREAK_AHEAD);
    const clause = clauseEnd < 0 ? rest : rest.slice(0, clauseEnd);
    const words = [...clause.matchAll(/\S+/g)].slice(0, GOVERNED_WORDS);
    const last = words.at(-1);
    return [from, last ? to + last.index + last[0].length : to] as const;
  });
}
const CLAUSE_BREAK_AHEAD = /[.;:!?,()]|(?<![a-z])(?:but|and|or|while|although|though|however|whereas|so|because|yet)(?![a-z])/;

// "the recovery media is missing", "the partition was wiped": the thing is not there, so the
// phrase states nothing.
const GONE_AFTER =
  /^ (?:is |are |was |were |has been |have been |had been |got |went |is now |was then )?(?:missing|lost|gone|unavailable|not available|not there|no longer (?:there|available)|absent|removed|deleted|wiped|erased|formatted|overwritten|destroyed|thrown away|died|dead|failed|broken|defective|faulty)(?![a-z])/;

/**
 * A number in a version, build or release name ("Windows 10 1909", "21H2", "build 19045",
 * "version 2004") is not a count: a phrase whose number is one states nothing.
 */
function versionNumberIn(text: string, start: number, end: number): boolean {
  for (const m of text.slice(start, end).matchAll(/\d+(?:\.\d+)*/g)) {
    const at = start + m.index;
    const number = m[0];
    const before = text.slice(Math.max(0, at - 24), at);
    const after = text.slice(at + number.length, at + number.length + 3);
    if (number.length >= 4) return true;
    if (/^h[12]\b/.test(after)) return true;
    if (/(?:windows|win|server|version|build|release|update|ver\.?|v)\s?(?:\d+(?:\.\d+)?\s)?$/.test(before)) return true;
  }
  return false;
}

/** Stretches of the text to read no facts from, as [start, end) offsets in the normalized text. */
export type Spans = readonly (readonly [number, number])[];

function allMatches(text: string, ignore: Spans): Match[] {
  const found: Match[] = [];
  for (const { phrase, regexes, readsNumber } of phrases()) {
    for (const regex of regexes) {
      for (const m of text.matchAll(regex)) {
        const end = m.index + m[0].length;
        if (!m[0] || negated(text, m.index) || GONE_AFTER.test(text.slice(end, end + 30))) continue;
        if (readsNumber && versionNumberIn(text, m.index, end)) continue;
        if (ignore.some(([from, to]) => m.index < to && end > from)) continue;
        found.push({ phrase, start: m.index, end });
      }
    }
  }
  return found;
}

/** For each fact the longest phrase owns its words: "no coa" beats "coa", "vda e3" beats "e3". */
function longestPerFact(matches: Match[]): Map<string, Match[]> {
  const sorted = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept = new Map<string, Match[]>();
  for (const m of sorted) {
    for (const fact of [...Object.keys(m.phrase.set), ...(m.phrase.blocks ?? [])]) {
      const owners = kept.get(fact) ?? [];
      if (owners.every((k) => m.end <= k.start || m.start >= k.end)) kept.set(fact, [...owners, m]);
    }
  }
  return kept;
}

/**
 * The facts the text states, per topic. `ignore` takes out stretches whose words belong to
 * something else ("RDS CAL" in a question about Windows Server licensing).
 */
export function statedFacts(text: string, ignore: Spans = []): StatedFacts[] {
  const normalized = normalizeText(text);
  const byTopic = new Map<TopicId, Match[]>();
  for (const m of allMatches(normalized, ignore)) {
    byTopic.set(m.phrase.topic, [...(byTopic.get(m.phrase.topic) ?? []), m]);
  }
  const out: StatedFacts[] = [];
  for (const [topic, matches] of byTopic) {
    const facts: Record<string, string> = {};
    const stating = new Set<Match>();
    const kept = [...longestPerFact(matches)].sort(([, a], [, b]) => firstStart(a) - firstStart(b));
    for (const [fact, owners] of kept) {
      const values = new Set(owners.map((m) => m.phrase.set[fact]).filter((v) => v !== undefined));
      // Two different values for one fact: the text is unclear, so it states neither.
      if (values.size !== 1) continue;
      facts[fact] = [...values][0];
      for (const m of owners) if (m.phrase.set[fact] !== undefined) stating.add(m);
    }
    if (stating.size) out.push({ topic, facts, phrases: stating.size });
  }
  return out;
}

function firstStart(matches: Match[]): number {
  return Math.min(...matches.map((m) => m.start));
}
