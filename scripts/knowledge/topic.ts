import type { Requirement, Rule, TopicDefinition, TopicId } from '../../core/types';
import type { TopicInput } from './schema';

/** A topic file as the engine reads it: plain requirements become `{ text }`, defaults filled in. */
export function toTopicDefinition(input: TopicInput): TopicDefinition {
  const rules: Rule[] = input.rules.map((rule) => ({
    id: rule.id,
    kind: rule.kind ?? 'verdict',
    priority: rule.priority ?? 0,
    when: rule.when,
    requirements: (rule.requirements ?? []).map((requirement): Requirement => (typeof requirement === 'string' ? { text: requirement } : requirement)),
    reasons: rule.reasons,
    ...(rule.verdict ? { verdict: rule.verdict } : {}),
    ...(rule.summary ? { summary: rule.summary } : {}),
    ...(rule.recommended ? { recommended: rule.recommended as Rule['recommended'] } : {}),
  }));
  return { id: input.id as TopicId, title: input.title, question: input.question, facts: input.facts, rules };
}
