import { LONGEST_WORD } from './tuning';

// Typing slips ("WMware", "motherbord", "licens") put right against the words the product
// knows, so that the search, the fact phrases and the caveats all read what was meant. Pure:
// the table is built once from the words it is given.

/** Shorter words have too many neighbours one edit away to correct them safely. */
const MIN_LENGTH = 5;

export interface Speller {
  /** The known word one edit away from `word`, or `word` itself when it is known or unclear. */
  correct(word: string): string;
}

/**
 * Symmetric deletion: a word and a known word one substitution, insertion, deletion or swap
 * apart share a form with one letter deleted, so a lookup costs a few map reads per word
 * instead of a comparison with every known word.
 */
export function speller(known: Iterable<string>): Speller {
  const words = new Set<string>();
  for (const word of known) if (/^[a-z][a-z0-9-]*$/.test(word)) words.add(word);
  const byDeletion = new Map<string, string | null>();
  const note = (key: string, word: string) => {
    const seen = byDeletion.get(key);
    // Two known words behind one form: the slip is ambiguous, so it is left as typed.
    if (seen === undefined) byDeletion.set(key, word);
    else if (seen !== word) byDeletion.set(key, null);
  };
  for (const word of words) {
    if (word.length < MIN_LENGTH - 1) continue;
    note(word, word);
    for (const d of deletions(word)) note(d, word);
  }
  const exact = (w: string) => (words.has(w) ? w : undefined);
  return {
    correct(word) {
      if (word.length < MIN_LENGTH || word.length > LONGEST_WORD || words.has(word) || /\d/.test(word)) return word;
      const candidates = new Set<string>();
      for (const key of [word, ...deletions(word)]) {
        const hit = byDeletion.get(key);
        if (hit === null) return word;
        if (hit !== undefined && withinOneEdit(word, hit)) candidates.add(hit);
      }
      // Words that differ only by a plural or a past tense are the same word to the search.
      const plain = exact(word.replace(/(?:es|s|ed|d)$/, ''));
      if (plain) return word;
      return candidates.size === 1 ? [...candidates][0] : word;
    },
  };
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** One substitution, insertion, deletion or swap of neighbours (a shared deletion can be two edits). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  const restA = a.length - i - j;
  const restB = b.length - i - j;
  if (restA <= 1 && restB <= 1) return true;
  return restA === 2 && restB === 2 && a[i] === b[i + 1] && a[i + 1] === b[i];
}
