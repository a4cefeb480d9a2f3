import { z } from 'zod';
import { defineCard } from './render';
import { payload } from './fields';
import json from './templates/feedback-thanks.json';

export const feedbackThanksDataSchema = z.object({ helpful: z.boolean(), startOver: payload, topics: payload });
export type FeedbackThanksData = z.input<typeof feedbackThanksDataSchema>;

const card = defineCard(
  'feedback-thanks',
  json,
  feedbackThanksDataSchema.transform((data) => ({
    ...data,
    heading: data.helpful ? 'Thanks, glad it helped.' : 'Thanks for telling us.',
    message: data.helpful
      ? 'Your vote helps us see which answers work.'
      : 'Sorry it did not help. On the answer card you can change any of your answers to see another case, or ask in your own words.',
  })),
);

/** Acknowledges a "Was this helpful?" vote. */
export const renderFeedbackThanks = (data: FeedbackThanksData) => card(data);
