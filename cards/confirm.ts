import { z } from 'zod';
import { defineCard } from './render';
import { notice, payload, shortText, text } from './fields';
import json from './templates/confirm.json';
import { en } from '../wording/en';

const choice = z.object({ value: z.string().min(1).max(64), label: shortText });

export const confirmDataSchema = z.object({
  topicTitle: shortText,
  notice,
  /** Each fact read from the message: its question, a list preset to the value read, and "ask me". */
  facts: z
    .array(
      z.object({
        inputId: z.string().min(1).max(80),
        prompt: text,
        /** The value read from the message: the list opens on it. */
        value: z.string().min(1).max(64),
        choices: z.array(choice).min(2).max(21),
      }),
    )
    .min(1)
    .max(16),
  confirm: payload,
  startOver: payload,
});
export type ConfirmData = z.input<typeof confirmDataSchema>;

/** What was read from a free question, each fact changeable, confirmed before any of it is used. */
export const renderConfirm = defineCard(
  'confirm',
  json,
  confirmDataSchema
    .refine((data) => data.facts.every((fact) => fact.choices.some((option) => option.value === fact.value)), 'a preset value must be one of its choices')
    .refine((data) => new Set(data.facts.map((fact) => fact.inputId)).size === data.facts.length, 'input ids must differ')
    .transform((data) => ({
      ...data,
      words: {
        heading: en.confirm.heading,
        hint: en.confirm.hint,
        choiceRequired: en.confirm.choiceRequired,
        confirmAndContinue: en.buttons.confirmAndContinue,
        startOver: en.buttons.startOver,
      },
    })),
);
