import { model } from '../core/knowledge';
import type { Caveat } from '../core/model';
import type { Spans } from './facts';
import { lazy } from './lazy';

// What a question names that the four sources do not cover (Windows 11, Windows Server, Office,
// prices, activation): the caveat sentences of the knowledge, found by the vocabulary's patterns.

export interface CaveatMatch {
  caveat: Caveat;
  /** Where in the readable text the caveat's words stand, as [start, end) offsets. */
  spans: Spans;
}

const caveatTable = lazy(() =>
  model.vocabulary.caveats.map((caveat) => ({
    caveat,
    regexes: caveat.patterns.map((pattern) => new RegExp(`(?<![a-z0-9])(?:${pattern})(?![a-z0-9])`, 'g')),
  })),
);

/** The caveats a readable text matches, in the model's order, with where each matched. */
export function caveatMatches(clean: string): CaveatMatch[] {
  const out: CaveatMatch[] = [];
  for (const { caveat, regexes } of caveatTable()) {
    const spans = regexes.flatMap((regex) => [...clean.matchAll(regex)].map((m) => [m.index, m.index + m[0].length] as const));
    if (spans.length) out.push({ caveat, spans });
  }
  return out;
}
