import { parse as parseYaml } from 'yaml';
import { formatSource, type GuideDocument, type GuideSection } from '../../core/guide';
import type { SourceDocument } from '../../core/model';
import { plainText } from '../../reading/text';
import type { Diagnostics } from './diagnostics';
import { sectionAboutSchema } from './schema';
import type { z } from 'zod';

// Reads one guide document: "# Title", an intro, then "## Question? {#section-id}" sections,
// each with its metadata comment right under the heading and one "Source: [NNN]" line.

const SECTION_HEADING = /^## (.+?) \{#([a-z0-9-]+)\}\s*$/;
const ABOUT = /^<!-- about: (\{.*\}) -->\s*$/;
const SOURCE_LINE = /^Sources?: (.*)$/;

export type SectionAbout = z.infer<typeof sectionAboutSchema>;

export interface ParsedSection {
  section: GuideSection;
  about: SectionAbout | undefined;
  line: number;
  aboutLine: number;
}

export interface ParsedDocument {
  document: GuideDocument;
  sections: ParsedSection[];
}

export function parseGuideDocument(
  file: string,
  documentId: string,
  markdown: string,
  sources: ReadonlyMap<string, SourceDocument>,
  diagnostics: Diagnostics,
): ParsedDocument {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const titleLine = lines.findIndex((line) => line.startsWith('# '));
  if (titleLine < 0) diagnostics.add(file, 1, 'the document needs a "# Title" line');
  const title = titleLine >= 0 ? lines[titleLine].slice(2).trim() : documentId;
  const parsed: ParsedSection[] = [];
  const intro: string[] = [];
  let current: { id: string; title: string; line: number; lines: { text: string; line: number }[] } | null = null;

  const close = () => {
    if (!current) return;
    const body = current.lines;
    const aboutAt = body.findIndex((l) => l.text.trim() !== '');
    const aboutMatch = aboutAt >= 0 ? ABOUT.exec(body[aboutAt].text) : null;
    let about: SectionAbout | undefined;
    const aboutLine = aboutMatch ? body[aboutAt].line : current.line;
    if (!aboutMatch) {
      diagnostics.add(file, current.line, `section ${current.id} needs a metadata line "<!-- about: { topic: ... } -->" right under its heading`);
    } else {
      try {
        const result = sectionAboutSchema.safeParse(parseYaml(aboutMatch[1]));
        if (result.success) about = result.data;
        else
          for (const issue of result.error.issues)
            diagnostics.add(file, aboutLine, `section ${current.id} metadata: ${issue.message} at ${issue.path.join('.') || 'top level'}`);
      } catch (error) {
        diagnostics.add(file, aboutLine, `section ${current.id} metadata is not a YAML map: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    const content = body.filter((_, i) => i !== (aboutMatch ? aboutAt : -1));
    const sourceLines = content.filter((l) => SOURCE_LINE.test(l.text));
    let sourceIds: string[] = [];
    if (sourceLines.length !== 1) {
      diagnostics.add(file, current.line, `section ${current.id} needs exactly one "Source: [NNN]" line`);
    } else {
      sourceIds = [...sourceLines[0].text.matchAll(/\[(\d{3})\]/g)].map((m) => m[1]);
      const unknown = sourceIds.filter((id) => !sources.has(id));
      if (!sourceIds.length || unknown.length) {
        diagnostics.add(
          file,
          sourceLines[0].line,
          `section ${current.id}: the Source line must name known sources like [001]${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`,
        );
      }
    }
    const markdownBody = content
      .filter((l) => !SOURCE_LINE.test(l.text))
      .map((l) => l.text)
      .join('\n')
      .trim();
    const firstParagraph = markdownBody.split(/\n\s*\n/)[0] ?? '';
    parsed.push({
      section: {
        id: current.id,
        document: documentId,
        title: current.title,
        body: markdownBody,
        answer: /^[-*|#>\d]/.test(firstParagraph.trim()) ? '' : plainText(firstParagraph),
        sourceIds,
        source: sourceIds
          .filter((id) => sources.has(id))
          .map((id) => formatSource(sources.get(id)!))
          .join(' '),
      },
      about,
      line: current.line,
      aboutLine,
    });
  };

  lines.slice(titleLine + 1).forEach((text, offset) => {
    const line = titleLine + 2 + offset;
    const heading = SECTION_HEADING.exec(text);
    if (heading) {
      close();
      current = { title: heading[1].trim(), id: heading[2], line, lines: [] };
    } else if (text.startsWith('## ')) {
      diagnostics.add(file, line, 'a section heading must end with its id, like "## Question? {#section-id}"');
    } else if (current) {
      current.lines.push({ text, line });
    } else {
      intro.push(text);
    }
  });
  close();
  return { document: { id: documentId, title, intro: intro.join('\n').trim(), sections: parsed.map((p) => p.section) }, sections: parsed };
}
