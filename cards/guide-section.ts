import { z } from 'zod';
import { defineCard } from './render';
import { shortText, text, url } from './fields';
import json from './templates/guide-section.json';
import { en } from '../wording/en';

// Inserted into a conversation by the search extension or by unfurling a section link, so other
// people read it: Adaptive Cards 1.3, what the Teams link-unfurling documentation allows (its
// cards reference allows 1.5 for cards users send; 1.3 satisfies both pages).

export const guideSectionDataSchema = z.object({
  title: shortText,
  answer: text,
  sources: z.array(shortText).min(1).max(4),
  url,
});
export type GuideSectionData = z.input<typeof guideSectionDataSchema>;

/** One guide section: its title, one-sentence answer, sources with their dates, and its link. */
export const renderGuideSection = defineCard(
  'guide-section',
  json,
  guideSectionDataSchema.transform((data) => ({
    ...data,
    sourceLines: data.sources.map(en.labels.source),
    words: { guide: en.labels.guide, openInGuide: en.buttons.openInGuide },
  })),
);
