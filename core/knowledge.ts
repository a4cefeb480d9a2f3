import { MODEL } from '../knowledge/generated/model';
import { formatSource, guideFromDocuments, Guide } from './guide';
import type { SectionMeta, SectionTopic, SourceDocument } from './model';

// The compiled knowledge model, and the views of it the rest of the product reads.

export const model = MODEL;

/** The guide, as citable sections, from the model compiled at build time. */
export const guide: Guide = guideFromDocuments(MODEL.documents, MODEL.version);

const sourcesById = new Map<string, SourceDocument>(MODEL.sources.map((source) => [source.id, source]));

export function describeSource(id: string): string {
  const source = sourcesById.get(id);
  if (!source) throw new Error(`unknown source id ${id}`);
  return formatSource(source);
}

const GENERAL: SectionMeta = { topic: 'general', weight: 1, explains: {} };

/** A section's metadata; one the model does not know is searchable but suggests no topic. */
export function sectionMeta(sectionId: string): SectionMeta {
  return MODEL.sections[sectionId] ?? GENERAL;
}

export function sectionTopic(sectionId: string): SectionTopic {
  return sectionMeta(sectionId).topic;
}
