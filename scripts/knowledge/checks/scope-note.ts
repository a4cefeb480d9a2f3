import { plainText } from '../../../reading/text';
import type { Diagnostics } from '../diagnostics';
import type { SectionPlace } from './section-place';

/**
 * What sources.yaml asks of every section that restates a dated source: its one-sentence answer
 * names the date (so an answer read alone is not taken for today's rule) and the section says
 * what the source is limited to.
 */
export interface ScopeNote {
  /** Words the answer must contain, such as "April 2020". */
  answer: string;
  /** Words the section (title, answer or body) must contain, such as "covers Windows 10 only". */
  section: string;
}

export function checkScopeNotes(sections: readonly SectionPlace[], notes: ReadonlyMap<string, ScopeNote>, diagnostics: Diagnostics): void {
  for (const { section, file, line } of sections) {
    for (const sourceId of section.sourceIds) {
      const note = notes.get(sourceId);
      if (!note) continue;
      if (!contains(section.answer, note.answer)) {
        diagnostics.add(file, line, `section ${section.id} restates [${sourceId}], so its answer must name the source's date: "${note.answer}"`);
      }
      if (!contains(`${section.title}\n${plainText(section.body)}`, note.section)) {
        diagnostics.add(file, line, `section ${section.id} restates [${sourceId}], so it must carry the source's scope note: "${note.section}"`);
      }
    }
  }
}

const folded = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();
const contains = (text: string, words: string) => folded(text).includes(folded(words));
