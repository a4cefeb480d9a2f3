import { z } from 'zod';
import { VERDICTS, Verdict } from '../core/types';
import { defineCard } from './render';
import { notice, payload, shortText, text, url } from './fields';
import json from './templates/answer.json';
import { en } from '../wording/en';
import { citationLines } from './citations';
import { linkify } from './links';

// The words carry the verdict (en.verdicts). A symbol beside them repeats it for a glance, and the
// block around headline and summary takes the host's matching container style: a background
// under default-coloured text, which every Teams theme keeps readable. Coloured text never
// carries it: Teams' good and warning text colours are 2.07:1 and 1.47:1 on white
// (docs/decisions/0025-answer-at-a-glance.md).
const VERDICT_LOOKS: Readonly<Record<Verdict, { symbol: string; style: string }>> = {
  permitted: { symbol: '✓', style: 'good' },
  'not-permitted': { symbol: '✗', style: 'attention' },
  conditional: { symbol: '!', style: 'warning' },
  refer: { symbol: '?', style: 'emphasis' },
  recommendation: { symbol: '★', style: 'accent' },
};
export const VERDICT_HEADLINES: Readonly<Record<Verdict, { text: string; symbol: string; style: string }>> = Object.fromEntries(
  VERDICTS.map((verdict) => [verdict, { text: en.verdicts[verdict], ...VERDICT_LOOKS[verdict] }]),
) as Record<Verdict, { text: string; symbol: string; style: string }>;

// The card's fixed words; sentences with values (the citation lines, the small print) are made per card.
const WORDS = {
  recommended: en.labels.recommended,
  whatYouNeed: en.labels.whatYouNeed,
  why: en.labels.why,
  whyAndSources: en.labels.whyAndSources,
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

/**
 * The verdict first: headline, summary, what the sources leave out and what to do fill the first
 * screen (Teams scrolls a new message to its bottom, so a short card is what shows the headline).
 * Reasons with their sources, and the answers with their Change buttons, are one tap away.
 */
export const renderAnswer = defineCard(
  'answer',
  json,
  answerDataSchema.transform((data) => {
    const { lines, documents } = citationLines(data.citations);
    return {
      ...data,
      summary: linkify(data.summary),
      requirements: data.requirements.map(linkify),
      reasons: data.reasons.map(linkify),
      caveats: data.caveats.map(linkify),
      headline: VERDICT_HEADLINES[data.verdict].text,
      verdictSymbol: VERDICT_HEADLINES[data.verdict].symbol,
      verdictStyle: VERDICT_HEADLINES[data.verdict].style,
      // "Recommended license" over a list headed "Recommended" says it twice.
      recommendedLabel: data.verdict === 'recommendation' ? '' : WORDS.recommended,
      citations: lines.map((line) => ({ line })),
      documents,
      smallPrint: en.smallPrint(data.version),
      words: WORDS,
    };
  }),
);
