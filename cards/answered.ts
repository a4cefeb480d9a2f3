import { z } from 'zod';
import { defineCard } from './render';
import { shortText, text } from './fields';
import json from './templates/answered.json';
import { en } from '../wording/en';

export const answeredDataSchema = z.object({ prompt: text, answer: shortText });
export type AnsweredData = z.input<typeof answeredDataSchema>;

/** Replaces an answered question in Teams, so its buttons cannot be pressed twice. */
export const renderAnswered = defineCard(
  'answered',
  json,
  answeredDataSchema.transform((data) => ({ ...data, youSaid: en.answered.youSaid(data.answer) })),
);
