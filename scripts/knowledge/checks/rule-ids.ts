import type { Diagnostics } from '../diagnostics';
import type { Place, TopicFile } from '../loaded';

/** A rule id names one rule across all topics (answers list the ids of the rules behind them). */
export function checkRuleIds(topicFiles: readonly TopicFile[], diagnostics: Diagnostics): Map<string, Place> {
  const places = new Map<string, Place>();
  for (const { yaml, input } of topicFiles) {
    input.rules.forEach((rule, i) => {
      const line = yaml.lineOf(['rules', i]);
      const earlier = places.get(rule.id);
      if (earlier) diagnostics.add(yaml.file, yaml.lineOf(['rules', i, 'id']), `rule id ${rule.id} is already used at ${earlier.file}:${earlier.line}`);
      else places.set(rule.id, { file: yaml.file, line });
    });
  }
  return places;
}
