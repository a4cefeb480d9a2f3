import { z } from 'zod';
import { VERDICTS, Verdict } from '../core/types';
import { defineCard } from './render';
import { notice, payload, shortText, text, url } from './fields';
import json from './templates/answer.json';
import { en } from '../wording/en';

// The words carry the verdict (en.verdicts); colour only repeats it, for readers who cannot tell colours apart.
const VERDICT_COLORS: Readonly<Record<Verdict, string>> = {
  permitted: 'Good',
  'not-permitted': 'Attention',
  conditional: 'Warning',
  refer: 'Default',
  recommendation: 'Accent',
};
export const VERDICT_HEADLINES: Readonly<Record<Verdict, { text: string; color: string }>> = Object.fromEntries(
  VERDICTS.map((verdict) => [verdict, { text: en.verdicts[verdict], color: VERDICT_COLORS[verdict] }]),
) as Record<Verdict, { text: string; color: string }>;

// The card's fixed words; sentences with values (the citation buttons, the small print) are made per card.
const WORDS = {
  recommended: en.labels.recommended,
  whatYouNeed: en.labels.whatYouNeed,
  why: en.labels.why,
  notCovered: en.labels.notCovered,
  sources: en.labels.sources,
  yourAnswers: en.labels.yourAnswers,
  shareAnswer: en.buttons.shareAnswer,
  change: en.buttons.change,
  startOver: en.buttons.startOver,
  allTopics: en.buttons.allTopics,
  helpful: en.answer.helpful,
  yes: en.buttons.yes,
  no: en.buttons.no,
};

export const answerDataSchema = z.object({
  question: text,
  verdict: z.enum(VERDICTS),
  notice,
  summary: text,
  requirements: z.array(text).max(20),
  reasons: z.array(text).min(1).max(20),
  /** What the question named that the sources do not cover (Windows 11, Office, ...): it travels from the free question to its answer. */
  caveats: z.array(text).max(10).default([]),
  citations: z
    .array(z.object({ title: shortText, source: text, url }))
    .min(1)
    .max(12),
  recommended: z.array(shortText).max(10).default([]),
  facts: z.array(z.object({ prompt: text, answer: shortText, change: payload })).max(16),
  startOver: payload,
  topics: payload,
  helpfulYes: payload,
  helpfulNo: payload,
  version: shortText,
  /** The decision record page of exactly these facts, to paste into a ticket or an e-mail. */
  permalink: url,
});
export type AnswerData = z.input<typeof answerDataSchema>;

/** The verdict with its requirements, reasons, sources, the answers it used and feedback. */
export const renderAnswer = defineCard(
  'answer',
  json,
  answerDataSchema.transform((data) => ({
    ...data,
    headline: VERDICT_HEADLINES[data.verdict].text,
    headlineColor: VERDICT_HEADLINES[data.verdict].color,
    citations: data.citations.map((citation, index) => ({ ...citation, marker: index + 1, open: en.buttons.openCitation(index + 1) })),
    smallPrint: en.smallPrint(data.version),
    words: WORDS,
  })),
);
