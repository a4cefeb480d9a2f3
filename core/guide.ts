// The guide as citable sections. The compiler (scripts/knowledge/) parses the markdown at build
// time, so the core receives finished sections and never touches the disk.

export interface GuideSection {
  id: string;
  document: string;
  title: string;
  /** Markdown of the section body, the metadata comment and the Source line excluded. */
  body: string;
  /** The section's own one-sentence answer: its first paragraph, as plain text. */
  answer: string;
  sourceIds: string[];
  /** Human-readable source line for citations. */
  source: string;
}

export interface GuideDocument {
  id: string;
  title: string;
  /** Markdown between the document title and the first section. */
  intro: string;
  sections: GuideSection[];
}

export interface Guide {
  version: string;
  documents: readonly GuideDocument[];
  sections: ReadonlyMap<string, GuideSection>;
}

export function guideFromDocuments(documents: readonly GuideDocument[], version: string): Guide {
  const sections = new Map<string, GuideSection>();
  for (const section of documents.flatMap((document) => document.sections)) sections.set(section.id, section);
  return { version, documents, sections };
}

/**
 * The longest one-sentence answer a section may open with. Teams previews and every other
 * surface that shows an answer alone show this many characters whole, so a deciding condition
 * at the end of an answer is never cut off. knowledge:check refuses a longer answer.
 */
export const ANSWER_MAX_CHARS = 240;

interface CitedSource {
  id: string;
  title: string;
  publisher: string;
  date: string;
  scope?: string;
}

/** "April 2020 (Windows 10 only, ...)": the date a source speaks for, with the scope it is limited to. */
export function sourceDate(source: Omit<CitedSource, 'id' | 'title' | 'publisher'>): string {
  return source.scope ? `${source.date} (${source.scope})` : source.date;
}

/** A source as citations name it: "[004] Title. Publisher, date (scope)." */
export function formatSource(source: CitedSource): string {
  return `[${source.id}] ${source.title}. ${source.publisher}, ${sourceDate(source)}.`;
}
