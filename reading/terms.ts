import { model } from '../core/knowledge';
import { stem } from './text';

// The search term of a word, with the model's stop words: shared by the index, the query and
// the snippet, so a word in the guide and the same word typed by a user always meet.

const STOP_WORDS: ReadonlySet<string> = new Set(model.vocabulary.stopWords);

/** The search term for one word, or null for filler, single letters and lone digits. */
export function term(word: string): string | null {
  if (STOP_WORDS.has(word)) return null;
  if (word.length < 2 && !/^\d$/.test(word)) return null;
  return stem(word);
}
