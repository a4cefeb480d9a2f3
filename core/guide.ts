import { SOURCES, describeSource } from '../knowledge/sources';

// Turns the guide's markdown into citable sections. Pure: the markdown arrives as strings
// (embedded at build time by scripts/embed-guide.mjs), so the core never touches the disk.

export interface GuideSection {
  id: string;
  document: string;
  title: string;
  /** Markdown of the section body, the Source line excluded. */
  body: string;
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
  documents: GuideDocument[];
  sections: ReadonlyMap<string, GuideSection>;
}

const SECTION_HEADING = /^## (.+?) \{#([a-z0-9-]+)\}\s*$/;
const SOURCE_LINE = /^Sources?: (.*)$/;

function parseGuideDocument(documentId: string, markdown: string): GuideDocument {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const titleLine = lines.findIndex((line) => line.startsWith('# '));
  if (titleLine < 0) throw new Error(`guide ${documentId}: no "# Title" line`);
  const title = lines[titleLine].slice(2).trim();
  const sections: GuideSection[] = [];
  const intro: string[] = [];
  let current: { id: string; title: string; lines: string[] } | null = null;

  const close = () => {
    if (!current) return;
    const sourceLines = current.lines.filter((line) => SOURCE_LINE.test(line));
    if (sourceLines.length !== 1) {
      throw new Error(`guide ${documentId}#${current.id}: needs exactly one "Source: [NNN]" line`);
    }
    const sourceIds = [...sourceLines[0].matchAll(/\[(\d{3})\]/g)].map((m) => m[1]);
    if (!sourceIds.length || sourceIds.some((id) => !SOURCES[id])) {
      throw new Error(`guide ${documentId}#${current.id}: the Source line must name known sources like [001]`);
    }
    sections.push({
      id: current.id,
      document: documentId,
      title: current.title,
      body: current.lines.filter((line) => !SOURCE_LINE.test(line)).join('\n').trim(),
      sourceIds,
      source: sourceIds.map(describeSource).join(' '),
    });
  };

  for (const line of lines.slice(titleLine + 1)) {
    const heading = SECTION_HEADING.exec(line);
    if (heading) {
      close();
      current = { title: heading[1].trim(), id: heading[2], lines: [] };
    } else if (current) {
      current.lines.push(line);
    } else {
      intro.push(line);
    }
  }
  close();
  return { id: documentId, title, intro: intro.join('\n').trim(), sections };
}

export function buildGuide(files: readonly { id: string; markdown: string }[], version: string): Guide {
  const documents = files.map((file) => parseGuideDocument(file.id, file.markdown));
  const sections = new Map<string, GuideSection>();
  for (const section of documents.flatMap((document) => document.sections)) {
    if (sections.has(section.id)) throw new Error(`guide: section id ${section.id} is used twice`);
    sections.set(section.id, section);
  }
  return { version, documents, sections };
}
