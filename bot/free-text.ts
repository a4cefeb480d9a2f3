import { renderSearchResults } from '../cards';
import { MAX_CHECKS } from '../cards/search-results';
import { checkFacts } from '../core/decide';
import { MAX_QUERY_CHARS, search as guideSearch } from '../reading/search';
import { isTopicId, TOPICS } from '../core/topics';
import type { Outcome } from './outcome';
import { checkPayload, topicsPayload } from './payloads';
import { noMatchCard } from './replies';
import { answerLabel, orderedFacts } from './topic-text';
import { clip } from '../wording/clip';
import { caveatIdsOf } from '../core/caveats';
import { en } from '../wording/en';

export type SearchFn = typeof guideSearch;

const RESULTS_SHOWN = 3;
const ANSWER_CHARS = 400;

/** A question in the user's own words: the closest guide sections, and a guided check if one fits. */
export function answerFreeText(text: string, options: { baseUrl: string; search?: SearchFn }): Outcome {
  const truncated = text.length > MAX_QUERY_CHARS;
  const query = truncated ? text.slice(0, MAX_QUERY_CHARS) : text;
  const found = (options.search ?? guideSearch)(query, { baseUrl: options.baseUrl });
  const notice = truncated ? en.notices.longText(MAX_QUERY_CHARS) : '';
  const results = found.results.slice(0, RESULTS_SHOWN);
  const log = { action: 'search', results: results.length, truncated: truncated || undefined };
  if (!results.length) return { reply: noMatchCard(notice, found.caveats), log };

  // The check carries the caveats' ids, so its answer and decision record show them too.
  const checks = checksFor(found.suggested ? [found.suggested, ...found.alternatives] : [], caveatIdsOf(found.caveats));
  return {
    reply: renderSearchResults({
      notice,
      results: results.map((hit) => ({ title: hit.title, answer: clip(hit.snippet || hit.title, ANSWER_CHARS), url: hit.url })),
      checks: checks.map(({ check }) => check),
      caveats: found.caveats,
      topics: topicsPayload(),
    }),
    log: { ...log, suggested: checks[0]?.topic },
  };
}

interface Suggestion {
  topic: string;
  facts: Record<string, string>;
}

/** A "Check my case" per suggested topic, best first; its button leads to the confirm step, never past it. */
function checksFor(suggestions: readonly Suggestion[], caveats: readonly string[]) {
  return suggestions.slice(0, MAX_CHECKS).flatMap(({ topic, facts }) => {
    if (!isTopicId(topic)) return [];
    // Search and the core disagree on a fact: offer the sections alone rather than a broken check.
    if (checkFacts(topic, facts)) return [];
    const check = {
      topicQuestion: TOPICS[topic].question,
      read: orderedFacts(topic, facts).map((fact) => `${fact.prompt} **${answerLabel(topic, fact.id, facts[fact.id])}**`),
      submit: checkPayload(topic, facts, caveats),
    };
    return [{ topic, check }];
  });
}
