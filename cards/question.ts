import { z } from 'zod';
import { defineCard } from './render';
import { notice, payload, shortText, text } from './fields';
import json from './templates/question.json';
import { en } from '../wording/en';

/** Teams shows at most six buttons in a row; beyond five options a choice list reads better. */
export const MAX_OPTION_BUTTONS = 5;

export const questionDataSchema = z.object({
  topicTitle: shortText,
  /** null for a what-if question, which changes one answer of a finished interview. */
  step: z.object({ current: z.int().min(1), atMost: z.int().min(1) }).nullable(),
  notice,
  prompt: text,
  help: text,
  /** The answer being changed, shown on a what-if question. */
  current: z.string().max(300).default(''),
  options: z
    .array(z.object({ value: shortText, label: shortText, submit: payload }))
    .min(2)
    .max(20),
  /** Sent by the choice list's Next button; the chosen value arrives as the input `value`. */
  choiceSubmit: payload,
  back: payload.optional(),
  startOver: payload,
});
export type QuestionData = z.input<typeof questionDataSchema>;

/** One interview question: buttons for a few options, a required choice list for many. */
export const renderQuestion = defineCard(
  'question',
  json,
  questionDataSchema.transform((data) => {
    const asChoices = data.options.length > MAX_OPTION_BUTTONS;
    return {
      ...data,
      stepText: data.step ? en.question.step(data.step.current, Math.max(data.step.current, data.step.atMost)) : en.question.whatIf,
      whyWeAsk: en.question.whyWeAsk(data.help),
      currentText: data.current ? en.question.current(data.current) : '',
      buttons: asChoices ? [] : data.options,
      choices: asChoices ? data.options.map(({ value, label }) => ({ value, label })) : [],
      hasBack: data.back !== undefined,
      back: data.back ?? {},
      words: {
        choiceLabel: en.question.choiceLabel,
        choiceRequired: en.question.choiceRequired,
        next: en.buttons.next,
        back: en.buttons.back,
        startOver: en.buttons.startOver,
      },
    };
  }),
);
