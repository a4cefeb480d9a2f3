import type { Diagnostics } from '../diagnostics';
import type { TopicFile } from '../loaded';

/**
 * A verdict rule has a verdict and a summary; a note has neither (it only adds advice); only a
 * recommendation names licenses, and only licenses model.yaml gives a display name.
 */
export function checkRuleShape({ yaml, input }: TopicFile, licenseIds: ReadonlySet<string>, diagnostics: Diagnostics): void {
  input.rules.forEach((rule, i) => {
    const at = (...path: (string | number)[]) => yaml.lineOf(['rules', i, ...path]);
    if ((rule.kind ?? 'verdict') === 'note') {
      for (const key of ['verdict', 'summary', 'recommended', 'priority'] as const) {
        if (rule[key] !== undefined) diagnostics.add(yaml.file, at(key), `note ${rule.id} only adds advice: it cannot have a ${key}`);
      }
      return;
    }
    if (!rule.verdict) diagnostics.add(yaml.file, at(), `rule ${rule.id} needs a verdict`);
    if (!rule.summary) diagnostics.add(yaml.file, at(), `rule ${rule.id} needs a summary`);
    if (rule.verdict === 'recommendation' && !rule.recommended) diagnostics.add(yaml.file, at(), `recommendation ${rule.id} needs the licenses it recommends`);
    if (rule.verdict !== 'recommendation' && rule.recommended)
      diagnostics.add(yaml.file, at('recommended'), `only a recommendation names licenses; ${rule.id} is ${rule.verdict}`);
    for (const license of rule.recommended ?? []) {
      if (!licenseIds.has(license))
        diagnostics.add(yaml.file, at('recommended'), `rule ${rule.id} recommends ${license}, which is not under "licenses" in knowledge/model.yaml`);
    }
  });
}
