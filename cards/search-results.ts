import { z } from 'zod';
import { defineCard } from './render';
import { notice, payload, shortText, text, url } from './fields';
import json from './templates/search-results.json';
import { en } from '../wording/en';
import { markdownLink } from './citations';
import { linkify } from './links';

/** Room for a second check when two topics are close; more would bury the sections. */
export const MAX_CHECKS = 2;

export const searchResultsDataSchema = z.object({
  notice,
  /** Each hit with its section's one-sentence answer, which reads on its own where an extract may not. */
  results: z
    .array(z.object({ title: shortText, answer: text, url }))
    .min(1)
    .max(3),
  /**
   * Guided checks offered for the question, best first (two when two topics are close). Each lists
   * what was read from the message; its button first shows those facts to confirm, never uses them as they are.
   */
  checks: z
    .array(z.object({ topicQuestion: shortText, read: z.array(shortText).max(16), submit: payload }))
    .max(MAX_CHECKS)
    .default([]),
  /** What the question names that the sources do not cover, so no one applies a rule beyond them. */
  caveats: z.array(text).max(10).default([]),
  topics: payload,
});
export type SearchResultsData = z.input<typeof searchResultsDataSchema>;

/** The best guide section for a free question with the guided checks that fit; the other sections one tap away. */
export const renderSearchResults = defineCard(
  'search-results',
  json,
  searchResultsDataSchema.transform((data) => {
    // The best section and the checks fill the first screen; the other sections are one tap away.
    const [best, ...more] = data.results.map((result) => ({ link: markdownLink(result.title, result.url), answer: linkify(result.answer) }));
    return {
      ...data,
      best,
      more,
      checks: data.checks.map((check) => ({ ...check, looksLike: en.search.looksLike(check.topicQuestion) })),
      words: {
        heading: en.search.heading,
        notCovered: en.labels.notCovered,
        moreSections: en.search.moreSections,
        readFromMessage: en.search.readFromMessage,
        eitherCheck: en.search.eitherCheck,
        checkMyCase: en.buttons.checkMyCase,
        allTopics: en.buttons.allTopics,
      },
    };
  }),
);
