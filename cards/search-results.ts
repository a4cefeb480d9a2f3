import { z } from 'zod';
import { defineCard } from './render';
import { notice, payload, shortText, text, url } from './fields';
import json from './templates/search-results.json';

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
    check: data.check ?? { topicQuestion: '-', known: [], submit: {} },
  })),
);

/** The best guide sections for a free question, and a guided check when one fits. */
export const renderSearchResults = (data: SearchResultsData) => card(data);
