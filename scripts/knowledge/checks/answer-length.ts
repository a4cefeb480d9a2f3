import { ANSWER_MAX_CHARS } from '../../../core/guide';
import type { Diagnostics } from '../diagnostics';
import type { SectionPlace } from './section-place';

/**
 * A one-sentence answer is read alone (Teams previews, search results, the message extension),
 * and every such surface shows ANSWER_MAX_CHARS whole: a longer answer would lose its last
 * clause there, often the deciding condition.
 */
export function checkAnswerLength(sections: readonly SectionPlace[], diagnostics: Diagnostics, max = ANSWER_MAX_CHARS): void {
  for (const { section, file, line } of sections) {
    if (section.answer.length <= max) continue;
    const cut = section.answer.slice(max - 1);
    diagnostics.add(
      file,
      line,
      `the answer of section ${section.id} is ${section.answer.length} characters, over the ${max} a preview shows whole (cut there: "…${cut}"); put its deciding conditions first and shorten it`,
    );
  }
}
