import { z } from 'zod';
import { defineCard } from './render';
import { notice, payload, shortText, text } from './fields';
import json from './templates/question.json';
import { en } from '../wording/en';

/** Teams shows at most six buttons in a row; beyond five options a choice list reads better. */
export const MAX_OPTION_BUTTONS = 5;

/**
 * The longest option label a button may carry. Teams never wraps a button's title: one wider
 * than the card is cut. Measured in the Agents Playground (Teams channel, Chromium, 1280 px wide):
 * a question card leaves 388 px for a title, and option labels take up to 9.2 px a character, so
 * 42 characters always fit; 40 keeps a margin. Why a choice list rather than shorter labels:
 * docs/decisions/0021-start-over-back-and-long-options.md.
 */
export const MAX_BUTTON_LABEL_CHARS = 40;

/** Whether a question's options go in a choice list: too many for buttons, or one too long to fit on one. */
export function usesChoiceList(labels: readonly string[]): boolean {
  return labels.length > MAX_OPTION_BUTTONS || labels.some((label) => label.length > MAX_BUTTON_LABEL_CHARS);
}

export const questionDataSchema = z.object({
  topicTitle: shortText,
  /** null for a what-if question, which changes one answer of a finished interview. */
  step: z.object({ current: z.int().min(1), atMost: z.int().min(1) }).nullable(),
  notice,
  prompt: text,
  help: text,
  /** The answer given before (a what-if, or a question returned to with Back), shown above the options. */
  current: z.string().max(300).default(''),
  /** That answer's value: the choice list opens on it. */
  selected: z.string().max(300).default(''),
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
    const asChoices = usesChoiceList(data.options.map((option) => option.label));
    return {
      ...data,
      stepText: data.step ? en.question.step(data.step.current, Math.max(data.step.current, data.step.atMost)) : en.question.whatIf,
      whyWeAsk: en.question.whyWeAsk(data.help),
      currentText: data.current ? en.question.current(data.current) : '',
      buttons: asChoices ? [] : data.options,
      choices: asChoices ? data.options.map(({ value, label }) => ({ value, label })) : [],
      // Only a value the list offers: anything else would leave the renderer to guess.
      selected: data.options.some((option) => option.value === data.selected) ? data.selected : '',
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
