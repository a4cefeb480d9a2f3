import { z } from 'zod';
import { defineCard } from './render';
import { notice, payload, shortText, text, url } from './fields';
import json from './templates/search-results.json';
import { en } from '../wording/en';

export const searchResultsDataSchema = z.object({
  notice,
  /** Each hit with its section's one-sentence answer, which reads on its own where an extract may not. */
  results: z
    .array(z.object({ title: shortText, answer: text, url }))
    .min(1)
    .max(3),
  /** Offered when the words named facts of a topic: starts that interview with them filled in. */
  check: z.object({ topicQuestion: shortText, known: z.array(shortText).max(16), submit: payload }).optional(),
  /** What the question names that the sources do not cover, so no one applies a rule beyond them. */
  caveats: z.array(text).max(10).default([]),
  topics: payload,
});
export type SearchResultsData = z.input<typeof searchResultsDataSchema>;

const card = defineCard(
  'search-results',
  json,
  searchResultsDataSchema.transform((data) => ({
    ...data,
    hasCheck: data.check !== undefined,
    check: data.check
      ? { ...data.check, looksLike: en.search.looksLike(data.check.topicQuestion) }
      : { topicQuestion: '-', looksLike: '-', known: [], submit: {} },
    words: {
      heading: en.search.heading,
      notCovered: en.labels.notCovered,
      openGuide: en.buttons.openGuide,
      fromYourMessage: en.labels.fromYourMessage,
      checkMyCase: en.buttons.checkMyCase,
      allTopics: en.buttons.allTopics,
    },
  })),
);

/** The best guide sections for a free question, and a guided check when one fits. */
export const renderSearchResults = (data: SearchResultsData) => card(data);
