import { z } from 'zod';
import { defineCard } from './render';
import { shortText, text } from './fields';
import json from './templates/answered.json';
import { en } from '../wording/en';

export const answeredDataSchema = z.union([
  z.object({ prompt: text, answer: shortText }),
  /** A question left with Back or "Start this check again": nothing was answered on it. */
  z.object({ prompt: text, left: z.enum(['back', 'restart']) }),
]);
export type AnsweredData = z.input<typeof answeredDataSchema>;

/** Replaces a question in Teams once it is answered or left with Back, so its buttons cannot be pressed again. */
export const renderAnswered = defineCard(
  'answered',
  json,
  answeredDataSchema.transform((data) => ({
    prompt: data.prompt,
    youSaid: 'answer' in data ? en.answered.youSaid(data.answer) : data.left === 'back' ? en.answered.wentBack : en.answered.startedAgain,
  })),
);
