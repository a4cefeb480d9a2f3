import { outcomeOf } from '../../../core/engine';
import type { Rule, TopicDefinition } from '../../../core/types';
import type { Diagnostics, YamlFile } from '../diagnostics';

const canFireTogether = (a: Rule, b: Rule): boolean =>
  Object.entries(a.when).every(([fact, values]) => !(fact in b.when) || values.some((v) => b.when[fact].includes(v)));

/**
 * Two rules that can fire together must agree on what the user sees, or say which one wins, so
 * the answer never depends on the order rules are written in.
 */
export function checkOverlaps(topic: TopicDefinition, yaml: YamlFile, diagnostics: Diagnostics): void {
  const verdictRules = topic.rules.map((rule, i) => ({ rule, i })).filter(({ rule }) => rule.kind === 'verdict');
  for (const [n, a] of verdictRules.entries()) {
    for (const b of verdictRules.slice(n + 1)) {
      if (a.rule.priority !== b.rule.priority || !canFireTogether(a.rule, b.rule)) continue;
      const sameOutcome = outcomeOf(a.rule) === outcomeOf(b.rule);
      if (sameOutcome && a.rule.summary === b.rule.summary) continue;
      const what = sameOutcome
        ? 'different summaries'
        : `different verdicts (${a.rule.verdict} / ${b.rule.verdict})${a.rule.verdict === b.rule.verdict ? ' or recommendations' : ''}`;
      diagnostics.add(
        yaml.file,
        yaml.lineOf(['rules', b.i]),
        `rules ${a.rule.id} (line ${yaml.lineOf(['rules', a.i])}) and ${b.rule.id} can fire together with ${what} and the same priority: give one a higher priority`,
      );
    }
  }
}
