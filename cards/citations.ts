import { en } from '../wording/en';

// One numbering per card: a citation is "[n]" (the marker the reasons already carry), its section
// title is the link, and each source document is named once under all the citations, with the
// markers that rest on it. The decision's source lines open with the guide's own ids ("[004] ..."),
// which read like a second numbering beside "[n]", so the card leaves them out.

export interface CitationInput {
  title: string;
  source: string;
  url: string;
}

/** "[004] Title. Publisher, date. [005] ..." -> ["Title. Publisher, date.", ...] */
export function documentsOf(source: string): string[] {
  return source
    .split(/\s*(?=\[\d+\]\s)/)
    .map((part) => part.replace(/^\[\d+\]\s+/, '').trim())
    .filter(Boolean);
}

/** A markdown link whose text cannot close the link early and whose address cannot end it. */
export function markdownLink(text: string, url: string): string {
  const label = text.replace(/[[\]]/g, (bracket) => (bracket === '[' ? '(' : ')'));
  const target = url.replace(/[()\s]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${label}](${target})`;
}

export function citationLines(citations: readonly CitationInput[]): { lines: string[]; documents: string[] } {
  const lines = citations.map((citation, index) => `**[${index + 1}]** ${markdownLink(citation.title, citation.url)}`);
  const markersByDocument = new Map<string, number[]>();
  citations.forEach((citation, index) => {
    for (const document of documentsOf(citation.source)) {
      const markers = markersByDocument.get(document) ?? [];
      if (!markers.includes(index + 1)) markers.push(index + 1);
      markersByDocument.set(document, markers);
    }
  });
  // One document: every citation rests on it, so the markers would only repeat the list above.
  const documents =
    markersByDocument.size === 1
      ? [...markersByDocument.keys()].map((document) => en.labels.source(document))
      : [...markersByDocument].map(([document, markers]) => en.labels.sourceOf(markers.map((marker) => `[${marker}]`).join(' '), document));
  return { lines, documents };
}
