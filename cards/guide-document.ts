import { z } from 'zod';
import { defineCard } from './render';
import { shortText, text, url } from './fields';
import json from './templates/guide-document.json';
import { en } from '../wording/en';

// A pasted link to a whole guide page (no section in the fragment). Version 1.3: see guide-section.ts.

export const guideDocumentDataSchema = z.object({
  title: shortText,
  summary: text,
  sectionCount: z.number().int().min(1),
  sections: z.array(shortText).min(1).max(5),
  sources: z.array(shortText).min(1).max(4),
  url,
});
export type GuideDocumentData = z.input<typeof guideDocumentDataSchema>;

/** One guide document: its title, what it covers, its first sections, sources and link. */
export const renderGuideDocument = defineCard(
  'guide-document',
  json,
  guideDocumentDataSchema.transform((data) => ({
    ...data,
    sectionsText: en.guideDocument.sections(data.sectionCount),
    sourceLines: data.sources.map(en.labels.source),
    words: { guide: en.labels.guide, openInGuide: en.buttons.openInGuide },
  })),
);
