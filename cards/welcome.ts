import { z } from 'zod';
import { defineCard } from './render';
import { payload, shortText } from './fields';
import json from './templates/welcome.json';
import { en } from '../wording/en';

export const welcomeDataSchema = z.object({
  topics: z
    .array(z.object({ title: shortText, question: shortText, submit: payload }))
    .min(1)
    .max(12),
});
export type WelcomeData = z.input<typeof welcomeDataSchema>;

/** First contact and the topic list: what the bot answers, one button per topic. */
export const renderWelcome = defineCard(
  'welcome',
  json,
  welcomeDataSchema.transform((data) => ({ ...data, words: en.welcome })),
);
