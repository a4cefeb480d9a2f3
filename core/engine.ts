import type { FactCondition, Facts, FactDefinition, Requirement, Rule, RuleReason, TopicDefinition } from './types';

// How a topic's rules turn facts into an outcome. Pure and independent of the compiled model, so
// the knowledge compiler can run it over every fact combination before the model is emitted.

export interface Evaluation {
  /** The rules that decide: all fired verdict rules of the highest priority that fired. */
  winners: Rule[];
  /** Note rules whose facts are all known: they add advice, never decide. */
  notes: Rule[];
  /** Facts still needed, in the topic's order; empty once the outcome can no longer change. */
  missing: string[];
}

export const satisfies = (rule: Rule, facts: Facts): boolean =>
  Object.entries(rule.when).every(([fact, values]) => facts[fact] !== undefined && values.includes(facts[fact]));

const contradicts = (rule: Rule, facts: Facts): boolean => contradicted(rule.when, facts);

/** True when some fact of the condition is known and has none of the listed values. */
export const contradicted = (condition: FactCondition, facts: Facts): boolean =>
  Object.entries(condition).some(([fact, values]) => facts[fact] !== undefined && !values.includes(facts[fact]));

/**
 * The requirements the answer shows: a remedy whose `needs` the facts already break is left
 * out (a yes answer never has one: the compiler checks that its rule implies its needs).
 */
export const shownRequirements = (rule: Rule, facts: Facts): Requirement[] =>
  rule.requirements.filter((requirement) => !requirement.needs || !contradicted(requirement.needs, facts));

/** The reasons the answer shows: one about fact values the facts rule out is left out. */
export const shownReasons = (rule: Rule, facts: Facts): RuleReason[] => rule.reasons.filter((reason) => !reason.needs || !contradicted(reason.needs, facts));

/** What the user sees of a rule's answer: rules that agree on it need no priority between them. */
export const outcomeOf = (rule: Rule): string => `${rule.verdict}|${(rule.recommended ?? []).join(',')}`;

/**
 * A verdict stands once some rule fired and no rule of higher priority with another outcome can
 * still fire. Until then, the next question is the first fact (in the topic's order) that such a
 * rule still needs, so nothing is asked whose answer can no longer matter.
 */
export function evaluate(topic: TopicDefinition, facts: Facts): Evaluation {
  const verdictRules = topic.rules.filter((rule) => rule.kind === 'verdict');
  const fired = verdictRules.filter((rule) => satisfies(rule, facts));
  const top = Math.max(...fired.map((rule) => rule.priority));
  const winners = fired.filter((rule) => rule.priority === top);
  const pending = verdictRules.filter(
    (rule) => !contradicts(rule, facts) && !satisfies(rule, facts) && (!winners.length || (rule.priority > top && outcomeOf(rule) !== outcomeOf(winners[0]))),
  );
  const missing = pending.length ? topic.facts.map((fact) => fact.id).filter((id) => facts[id] === undefined && pending.some((rule) => id in rule.when)) : [];
  const decided = winners.length > 0 && missing.length === 0;
  return {
    winners: decided ? winners : [],
    notes: decided ? topic.rules.filter((rule) => rule.kind === 'note' && satisfies(rule, facts)) : [],
    missing,
  };
}

export function nextFact(topic: TopicDefinition, evaluation: Evaluation): FactDefinition | undefined {
  return topic.facts.find((fact) => fact.id === evaluation.missing[0]);
}

/** Every complete combination of a topic's facts, in the topic's order. */
export function* completeCombinations(topic: TopicDefinition): Generator<Record<string, string>> {
  const walk = function* (index: number, facts: Record<string, string>): Generator<Record<string, string>> {
    if (index === topic.facts.length) {
      yield { ...facts };
      return;
    }
    const fact = topic.facts[index];
    for (const option of fact.options) yield* walk(index + 1, { ...facts, [fact.id]: option.value });
  };
  yield* walk(0, {});
}
