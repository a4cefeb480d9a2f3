import { model } from '../core/knowledge';
import { analyze } from './guide-index';
import { lazy } from './lazy';
import { EXPANSION_WEIGHT } from './tuning';
import { words } from './text';

// Users' words for the guide's words ("aws" -> "listed provider"), from the vocabulary's
// synonyms: the search adds the guide's words to what was typed, at a lower weight.

interface SynonymEntry {
  words: string[];
  /** The terms of the typed phrase, which the added guide words answer for. */
  sources: string[];
  add: string[];
  weight: number;
}

export interface Expansion {
  /** The typed terms this guide word stands in for. */
  sources: Set<string>;
  /** A synonym's weight is shared by its words, so that long ones do not outweigh what was typed. */
  weight: number;
}

const STOP_WORDS: ReadonlySet<string> = new Set(model.vocabulary.stopWords);

// Keyed by the phrase's first word, so a long text costs one lookup per word.
const synonyms = lazy(() => {
  const table = new Map<string, SynonymEntry[]>();
  for (const s of model.vocabulary.synonyms) {
    for (const phrase of s.match) {
      const ws = words(phrase).map((w) => w.word);
      if (!ws.length) continue;
      const entry = { words: ws, sources: analyze(phrase), add: analyze(s.add), weight: s.weight ?? EXPANSION_WEIGHT };
      table.set(ws[0], [...(table.get(ws[0]) ?? []), entry]);
    }
  }
  return table;
});

/**
 * The guide's words for the user's phrases, each phrase once. Phrases match the words as typed
 * and also with filler left out ("the board has died").
 */
export function expansions(all: string[]): Map<string, Expansion> {
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
