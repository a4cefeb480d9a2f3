import type { FactCondition } from '../../../core/types';
import type { Diagnostics } from '../diagnostics';
import type { TopicFile } from '../loaded';

/**
 * Every fact and value a rule's `when`, a requirement's `needs` and `suggests`, or a reason's `needs` names is one
 * the topic has: a misspelt value would otherwise make a rule that silently never fires.
 */
export function checkRuleConditions({ yaml, input }: TopicFile, diagnostics: Diagnostics): void {
  const facts = new Map(input.facts.map((fact) => [fact.id, new Set(fact.options.map((o) => o.value))]));
  const check = (condition: FactCondition, path: (string | number)[], what: string) => {
    for (const [fact, values] of Object.entries(condition)) {
      const known = facts.get(fact);
      if (!known) {
        diagnostics.add(
          yaml.file,
          yaml.lineOf([...path, fact]),
          `${what} names fact ${fact}, which topic ${input.id} does not have (facts: ${[...facts.keys()].join(', ')})`,
        );
        continue;
      }
      for (const value of values.filter((v) => !known.has(v))) {
        diagnostics.add(
          yaml.file,
          yaml.lineOf([...path, fact]),
          `${what} names ${fact}=${value}, which is not a value of ${fact} (values: ${[...known].join(', ')})`,
        );
      }
    }
  };
  input.rules.forEach((rule, i) => {
    check(rule.when, ['rules', i, 'when'], `rule ${rule.id}`);
    (rule.requirements ?? []).forEach((requirement, j) => {
      if (typeof requirement === 'string') return;
      if (requirement.needs) check(requirement.needs, ['rules', i, 'requirements', j, 'needs'], `a requirement of rule ${rule.id}`);
      if (requirement.suggests) check(requirement.suggests, ['rules', i, 'requirements', j, 'suggests'], `a requirement of rule ${rule.id}`);
    });
    rule.reasons.forEach((reason, j) => {
      if (reason.needs) check(reason.needs, ['rules', i, 'reasons', j, 'needs'], `a reason of rule ${rule.id}`);
    });
  });
}
