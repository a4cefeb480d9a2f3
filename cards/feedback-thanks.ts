import { z } from 'zod';
import { defineCard } from './render';
import { payload } from './fields';
import json from './templates/feedback-thanks.json';
import { en } from '../wording/en';

export const feedbackThanksDataSchema = z.object({ helpful: z.boolean(), startOver: payload, topics: payload });
export type FeedbackThanksData = z.input<typeof feedbackThanksDataSchema>;

/** Acknowledges a "Was this helpful?" vote. */
export const renderFeedbackThanks = defineCard(
  'feedback-thanks',
  json,
  feedbackThanksDataSchema.transform((data) => ({
    ...data,
    ...(data.helpful ? en.feedback.helpful : en.feedback.unhelpful),
    words: { startOver: en.buttons.startOver, allTopics: en.buttons.allTopics },
  })),
);
