import { model, sectionMeta } from '../core/knowledge';
import { expansions } from './expansions';
import type { StatedFacts } from './facts';
import { analyze, guideIndex } from './guide-index';
import { term } from './terms';
import { words } from './text';
import { FACT_SECTION_BOOST, FIELD_BOOSTS, LONGEST_WORD, MAX_TERMS, WEAK_WEIGHT } from './tuning';

// Ranks the guide's sections for a text: which sections answer what was typed, best first.

export interface Ranked {
  id: string;
  score: number;
  /** The guide's terms the section matched, for its snippet. */
  terms: string[];
}

const weakTerms = new Set(model.vocabulary.weakWords.map((w) => term(w)).filter((t): t is string => t !== null));

/** Fuzzy matching cannot fix swapped letters cheaply ("virtaul"): try each adjacent swap. */
function unswap(t: string, vocabulary: Set<string>): string {
  if (vocabulary.has(t) || t.length < 4 || t.length > LONGEST_WORD) return t;
  for (let i = 0; i + 1 < t.length; i++) {
    const swapped = t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2);
    if (vocabulary.has(swapped)) return swapped;
  }
  return t;
}

/**
 * A version or build ("1803", "21h2", "w10") the guide does not use says nothing about what
 * is asked, so it does not count as a typed term the sections fail to answer.
 */
const counts = (t: string, vocabulary: Set<string>) => vocabulary.has(t) || !/\d/.test(t);

export const byScore = (order: Map<string, number>) => (a: Ranked, b: Ranked) => b.score - a.score || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);

/**
 * Scores are MiniSearch's BM25 sum over matched terms times the share of the typed terms the
 * section answers (a synonym answers for the word it came from). Unlike MiniSearch's own
 * "times the number of matched terms", this does not grow with the length of the text, so
 * one floor serves a two-word question and a pasted paragraph alike.
 */
export function rank(clean: string): Ranked[] {
  const { engine, vocabulary, order } = guideIndex();
  const typed = [...new Set(analyze(clean).map((t) => unswap(t, vocabulary)))].slice(0, MAX_TERMS);
  const counted = typed.filter((t) => counts(t, vocabulary)).length;
  if (!typed.length || !counted) return [];
  const isTyped = new Set(typed);
  const expanded = expansions(words(clean).map((w) => w.word));
  const added = [...expanded.keys()].filter((t) => !isTyped.has(t)).slice(0, MAX_TERMS);
  const results = engine.search([...typed, ...added].join(' '), {
    tokenize: (q) => q.split(' '),
    processTerm: (t) => t,
    boost: { ...FIELD_BOOSTS },
    prefix: (t) => isTyped.has(t) && t.length >= 4,
    // A term the guide uses needs no fuzzy neighbours, and skipping them keeps long texts fast.
    fuzzy: (t) => (!isTyped.has(t) || vocabulary.has(t) || t.length > LONGEST_WORD ? false : t.length >= 9 ? 2 : t.length >= 5 ? 1 : false),
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

/** The ranking with some sections' scores multiplied, in the same order rules. */
export function boosted(ranked: Ranked[], which: (id: string) => boolean, factor: number): Ranked[] {
  return ranked.map((r) => (which(r.id) ? { ...r, score: r.score * factor } : r)).sort(byScore(guideIndex().order));
}

/**
 * Sections that explain a value the text states rank higher ("the board was upgraded" finds
 * the upgrade section before the defect one).
 */
export function boostExplaining(ranked: Ranked[], stated: StatedFacts): Ranked[] {
  const explains = (id: string) => {
    const meta = sectionMeta(id);
    return meta.topic === stated.topic && Object.entries(meta.explains).some(([fact, values]) => values.includes(stated.facts[fact] ?? ''));
  };
  return boosted(ranked, explains, FACT_SECTION_BOOST);
}
