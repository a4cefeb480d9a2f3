import { guide, sectionTopic } from '../core/knowledge';
import type { SectionTopic } from '../core/model';
import { DEFAULT_BASE_URL, guideUrl } from '../core/urls';
import { guideIndex } from './guide-index';
import { snippet } from './snippet';
import { understand, type SuggestedCheck } from './suggest';
import { MAX_QUERY_CHARS, RELEVANCE_FLOOR } from './tuning';

// Free questions: finds the guide sections a text is about and the guided check it fits.
// Pure: the index is built once per process from the embedded guide; no I/O, clock or chance.
// reading/README.md says how each step works and where its numbers come from.

export { MAX_QUERY_CHARS, RELEVANCE_FLOOR } from './tuning';
export type { SuggestedCheck } from './suggest';

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

export function search(text: string, options: SearchOptions = {}): AskResult {
  const { ranked, suggested, alternatives, caveats } = understand(text.slice(0, MAX_QUERY_CHARS));
  const { plain } = guideIndex();
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
  const found = results.length > 0;
  return { query: text, results, suggested: found ? suggested : null, alternatives: found ? alternatives : [], caveats };
}
