import type { GuideSection } from '../../../core/guide';
import { plainText } from '../../../reading/text';
import type { Diagnostics } from '../diagnostics';
import type { TopicFile } from '../loaded';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A reason must cite the section that says it: each key term a reason uses must occur in the
 * cited section too (a reason about Microsoft 365 cannot cite a section that never names it).
 */
export function checkReasonTerms(
  topicFiles: readonly TopicFile[],
  keyTerms: readonly string[],
  sections: ReadonlyMap<string, GuideSection>,
  diagnostics: Diagnostics,
): void {
  const matchers = keyTerms.map((term) => ({ term, regex: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}s?(?![\\p{L}\\p{N}])`, 'iu') }));
  for (const { yaml, input } of topicFiles) {
    input.rules.forEach((rule, i) => {
      rule.reasons.forEach((reason, j) => {
        const section = sections.get(reason.section);
        if (!section) return;
        const cited = `${section.title} ${plainText(section.body)}`;
        for (const { term, regex } of matchers) {
          if (regex.test(reason.text) && !regex.test(cited)) {
            diagnostics.add(
              yaml.file,
              yaml.lineOf(['rules', i, 'reasons', j, 'text']),
              `a reason of rule ${rule.id} speaks of "${term}", but the section it cites (${reason.section}) never does`,
            );
          }
        }
      });
    });
  }
}
