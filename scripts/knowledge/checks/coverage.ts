import { completeCombinations, evaluate } from '../../../core/engine';
import type { TopicDefinition } from '../../../core/types';
import type { Diagnostics, YamlFile } from '../diagnostics';

/** Every complete set of facts reaches a verdict (reported once, with the first gap found). */
export function checkCoverage(topic: TopicDefinition, yaml: YamlFile, diagnostics: Diagnostics): void {
  for (const facts of completeCombinations(topic)) {
    if (!evaluate(topic, facts).winners.length) {
      diagnostics.add(
        yaml.file,
        yaml.lineOf(['rules']),
        `no rule decides ${Object.entries(facts)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`,
      );
      return;
    }
  }
}
