import { z } from 'zod';
import { defineCard } from './render';
import { shortText, text } from './fields';
import json from './templates/confirmed.json';
import { en } from '../wording/en';

export const confirmedDataSchema = z.object({
  facts: z
    .array(z.object({ prompt: text, answer: shortText }))
    .min(1)
    .max(16),
});
export type ConfirmedData = z.input<typeof confirmedDataSchema>;

/** Replaces a confirm card in Teams, like an answered question, so it cannot be confirmed twice. */
export const renderConfirmed = defineCard(
  'confirmed',
  json,
  confirmedDataSchema.transform((data) => ({
    facts: data.facts.map((fact) => ({ prompt: fact.prompt, youSaid: en.answered.youSaid(fact.answer) })),
    words: { heading: en.confirm.confirmed },
  })),
);
