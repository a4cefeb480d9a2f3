import { z } from 'zod';
import { defineCard } from './render';
import { notice, text, topicButton } from './fields';
import json from './templates/no-match.json';
import { en } from '../wording/en';

export const noMatchDataSchema = z.object({
  notice,
  /** What the question names that the sources do not cover: said even when nothing matched. */
  caveats: z.array(text).max(10).default([]),
  topics: z.array(topicButton).min(1).max(12),
});
export type NoMatchData = z.input<typeof noMatchDataSchema>;

/** A free question the guide has nothing on: said plainly, with the topics instead. */
export const renderNoMatch = defineCard(
  'no-match',
  json,
  noMatchDataSchema.transform((data) => ({ ...data, words: { ...en.noMatch, notCovered: en.labels.notCovered } })),
);
