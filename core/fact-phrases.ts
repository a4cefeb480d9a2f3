import { model } from './knowledge';
import type { FactPhrase } from './model';
import { normalizeText } from './text';
import { TopicId } from './types';

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
  }));
  return compiled;
}

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
  'wont',
  'wouldnt',
]);
const CLAUSE_BREAK = /[.;:!?,()]|(?<![a-z])(?:but|and|or|while|although|though|however|whereas|so|because|yet)(?![a-z])/g;

/** True when one of the few words before `start`, in the same clause, negates what follows. */
function negated(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  let clauseStart = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) clauseStart = m.index + m[0].length;
  const tail = before.slice(clauseStart).split(' ').filter(Boolean).slice(-4);
  return tail.some((w) => NEGATORS.has(w.replace(/'/g, '')));
}

// "the recovery media is missing" says the thing is not there: the phrase states nothing.
const GONE_AFTER =
  /^ (?:is |are |was |were |has been |have been |got |went )?(?:missing|lost|gone|unavailable|not available|not there|absent|removed|died|dead|failed|broken|defective|faulty)(?![a-z])/;

/** Stretches of the text to read no facts from, as [start, end) offsets in the normalized text. */
export type Spans = readonly (readonly [number, number])[];

function allMatches(text: string, ignore: Spans): Match[] {
  const found: Match[] = [];
  for (const { phrase, regexes } of phrases()) {
    for (const regex of regexes) {
      for (const m of text.matchAll(regex)) {
        const end = m.index + m[0].length;
        if (!m[0] || negated(text, m.index) || GONE_AFTER.test(text.slice(end, end + 30))) continue;
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
