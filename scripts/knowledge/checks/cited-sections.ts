import type { Diagnostics } from '../diagnostics';
import type { TopicFile } from '../loaded';

/** Every reason cites a guide section that exists: the answer links to it. */
export function checkCitedSections({ yaml, input }: TopicFile, sectionIds: ReadonlySet<string>, diagnostics: Diagnostics): void {
  input.rules.forEach((rule, i) => {
    rule.reasons.forEach((reason, j) => {
      if (!sectionIds.has(reason.section)) {
        diagnostics.add(
          yaml.file,
          yaml.lineOf(['rules', i, 'reasons', j, 'section']),
          `rule ${rule.id} cites section ${reason.section}, which no guide document has`,
        );
      }
    });
  });
}
