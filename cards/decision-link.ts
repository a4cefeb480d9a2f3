import { z } from 'zod';
import { VERDICTS } from '../core/types';
import { VERDICT_HEADLINES } from './answer';
import { defineCard } from './render';
import { notice, shortText, text, url } from './fields';
import json from './templates/decision-link.json';
import { en } from '../wording/en';

// A pasted decision record link, unfurled: the verdict and its first reasons, for everyone in the
// chat, with the record page one click away. Version 1.3: see guide-section.ts.

export const NOT_DECIDED_HEADLINE = en.notDecidedYet;
export const REASONS_SHOWN = 3;

export const decisionLinkDataSchema = z.object({
  question: shortText,
  /** Set when the link came from another guide version: the card shows today's answer. */
  notice,
  verdict: z.enum(VERDICTS).nullable(),
  summary: text,
  reasons: z.array(text).max(20),
  version: shortText,
  url,
});
export type DecisionLinkData = z.input<typeof decisionLinkDataSchema>;

export const decisionHeadline = (verdict: DecisionLinkData['verdict']) =>
  verdict ? VERDICT_HEADLINES[verdict] : { text: NOT_DECIDED_HEADLINE, symbol: '…', style: 'emphasis' };

/** The decision behind a record link: question, verdict, summary and its first reasons. */
export const renderDecisionLink = defineCard(
  'decision-link',
  json,
  decisionLinkDataSchema.transform((data) => ({
    ...data,
    headline: decisionHeadline(data.verdict).text,
    verdictSymbol: decisionHeadline(data.verdict).symbol,
    verdictStyle: decisionHeadline(data.verdict).style,
    reasons: data.reasons.slice(0, REASONS_SHOWN),
    smallPrint: en.smallPrint(data.version),
    words: { why: en.labels.why, openDecisionRecord: en.buttons.openDecisionRecord },
  })),
);
