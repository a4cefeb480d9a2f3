import { model } from '../core/knowledge';
import { TOPICS } from '../core/topics';
import type { FactDefinition, LicenseId, TopicId } from '../core/types';

// Readable words for ids, taken from the topic definitions so the cards say exactly what
// the questions said.

export function factDefinition(topic: TopicId, fact: string): FactDefinition | undefined {
  return TOPICS[topic].facts.find((candidate) => candidate.id === fact);
}

export function answerLabel(topic: TopicId, fact: string, value: string): string {
  return factDefinition(topic, fact)?.options.find((option) => option.value === value)?.label ?? value;
}

/** Facts in the order the topic asks them, so answer cards read like the interview did. */
export function orderedFacts(topic: TopicId, facts: Readonly<Record<string, string>>): FactDefinition[] {
  return TOPICS[topic].facts.filter((fact) => Object.hasOwn(facts, fact.id));
}

/** A recommended license by its name in the knowledge model (knowledge/model.yaml). */
export function licenseName(license: LicenseId): string {
  return model.licenses[license] ?? license;
}
