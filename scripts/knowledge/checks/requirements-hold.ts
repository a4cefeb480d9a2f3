import type { TopicDefinition } from '../../../core/types';
import type { Diagnostics, YamlFile } from '../diagnostics';

/**
 * A requirement of a yes (or yes-if) answer must be able to hold under every fact its rule
 * accepts; otherwise the answer could list a requirement the user's facts already break. (On a
 * no, `needs` instead hides a remedy that the facts rule out.)
 */
export function checkRequirementsHold(topic: TopicDefinition, yaml: YamlFile, diagnostics: Diagnostics): void {
  topic.rules.forEach((rule, i) => {
    if (rule.kind !== 'verdict' || rule.verdict === 'not-permitted' || rule.verdict === 'refer') return;
    rule.requirements.forEach((requirement, j) => {
      for (const [fact, needed] of Object.entries(requirement.needs ?? {})) {
        const accepted = rule.when[fact];
        if (!accepted || accepted.some((value) => !needed.includes(value))) {
          diagnostics.add(
            yaml.file,
            yaml.lineOf(['rules', i, 'requirements', j]),
            `rule ${rule.id} (${rule.verdict}) lists "${requirement.text}", which needs ${fact} in [${needed.join(', ')}], but the rule also fires for ${fact} ${accepted ? `in [${accepted.filter((v) => !needed.includes(v)).join(', ')}]` : 'unknown or any value'}`,
          );
        }
      }
    });
  });
}
