import { renderGuideDocument, renderGuideSection, renderThumbnail } from '../cards';
import { ANSWER_MAX_CHARS, sourceDate, type GuideDocument, type GuideSection } from '../core/guide';
import { plainText } from '../reading/text';
import { guideUrl } from '../core/urls';
import { model } from '../core/knowledge';
import { clip } from '../wording/clip';
import { en } from '../wording/en';
import { ExtensionAttachment, withPreview } from './extension-response';

// A guide section or document as a card someone drops into a chat (search result or unfurled
// link), with the preview Teams lists for it. Both paths show the same card for the same section.

/** A one-sentence answer is never longer (knowledge:check), so a section's preview shows it whole. */
export const PREVIEW_CHARS = ANSWER_MAX_CHARS;
const SECTIONS_LISTED = 5;

/** "Title. Publisher, date (scope)" for each source the sections restate: the dates and scope they speak for. */
export function sourceLines(sourceIds: readonly string[]): string[] {
  return [...new Set(sourceIds)].flatMap((id) => {
    const source = model.sources.find((candidate) => candidate.id === id);
    return source ? [`${source.title}. ${source.publisher}, ${sourceDate(source)}`] : [];
  });
}

const shortSource = (sourceIds: readonly string[]) => {
  const source = model.sources.find((candidate) => candidate.id === sourceIds[0]);
  return source ? `${source.publisher}, ${sourceDate(source)}` : undefined;
};

export function sectionAttachment(section: GuideSection, baseUrl: string, answer = section.answer): ExtensionAttachment {
  const card = renderGuideSection({
    title: section.title,
    answer,
    sources: sourceLines(section.sourceIds),
    url: guideUrl(baseUrl, section.document, section.id),
  });
  return withPreview(card, renderThumbnail({ title: section.title, subtitle: shortSource(section.sourceIds), text: clip(answer, PREVIEW_CHARS) }));
}

export function documentAttachment(document: GuideDocument, baseUrl: string): ExtensionAttachment {
  const summary = plainText(document.intro.split(/\n\s*\n/)[0] ?? '') || document.title;
  const sourceIds = document.sections.flatMap((section) => section.sourceIds);
  const card = renderGuideDocument({
    title: document.title,
    summary: clip(summary, 1200),
    sectionCount: document.sections.length,
    sections: document.sections.slice(0, SECTIONS_LISTED).map((section) => section.title),
    sources: sourceLines(sourceIds).slice(0, 4),
    url: guideUrl(baseUrl, document.id),
  });
  return withPreview(
    card,
    renderThumbnail({ title: document.title, subtitle: en.guideDocument.previewSections(document.sections.length), text: clip(summary, PREVIEW_CHARS) }),
  );
}
