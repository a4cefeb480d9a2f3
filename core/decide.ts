import { guide as defaultGuide } from '../knowledge/guide-data';
import { DecisionInputError } from './errors';
import type { Guide } from './guide';
import { isTopicId, TOPICS } from './topics';
import { TOPIC_IDS } from './types';
import type { Citation, Decision, FactDefinition, Facts, Question, Rule, TopicDefinition, TopicId } from './types';
import { DEFAULT_BASE_URL, decisionUrl, guideUrl } from './urls';

export interface DecideOptions {
  baseUrl?: string;
  guide?: Guide;
}

/**
 * The decision core. Pure: the same topic and facts always give the same Decision, whatever
 * order the facts arrived in. A verdict is reached once some rule's facts are all known;
 * until then it asks for the first fact (in the topic's order) that a still-possible rule needs,
 * so nothing is asked whose answer can no longer matter.
 */
export function decide(topic: string, facts: Facts, options: DecideOptions = {}): Decision {
  const definition = topicOrThrow(topic);
  validateFacts(definition, facts);
  const guide = options.guide ?? defaultGuide;
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  const verdictRules = definition.rules.filter((rule) => rule.kind !== 'note');

  const fired = verdictRules.filter((rule) => satisfies(rule, facts));
  const candidates = fired.length ? [] : verdictRules.filter((rule) => !contradicts(rule, facts));
  const missing = definition.facts
    .map((fact) => fact.id)
    .filter((id) => facts[id] === undefined && candidates.some((rule) => id in rule.when));

  const permalink = decisionUrl(baseUrl, definition.id, facts, definition.facts.map((fact) => fact.id), guide.version);
  const base = { topic: definition.id, permalink, knowledge: { version: guide.version } };
  if (!fired.length) {
    const next = missing.length ? toQuestion(definition.facts.find((fact) => fact.id === missing[0])!) : null;
    if (!next) throw new Error(`rules of ${definition.id} cover no case for ${JSON.stringify(facts)}`);
    return {
      ...base,
      verdict: null,
      next,
      missing,
      summary: `One more answer is needed: ${next.prompt}`,
      requirements: [],
      reasons: [],
      citations: [],
    };
  }

  const verdict = fired[0].verdict!;
  if (fired.some((rule) => rule.verdict !== verdict)) {
    throw new Error(`rules of ${definition.id} disagree for ${JSON.stringify(facts)}: ${fired.map((r) => r.id).join(', ')}`);
  }
  const notes = definition.rules.filter((rule) => rule.kind === 'note' && satisfies(rule, facts));
  const applied = [...fired, ...notes];
  const citations: Citation[] = [];
  const citationIndex = (sectionId: string): number => {
    const known = citations.findIndex((citation) => citation.section === sectionId);
    if (known >= 0) return known + 1;
    const section = guide.sections.get(sectionId);
    if (!section) throw new Error(`rule cites unknown guide section ${sectionId}`);
    citations.push({ section: section.id, title: section.title, url: guideUrl(baseUrl, section.document, section.id), source: section.source });
    return citations.length;
  };
  const reasons = unique(applied.flatMap((rule) => rule.reasons.map((reason) => `${reason.text} [${citationIndex(reason.section)}]`)));
  const decision: Decision = {
    ...base,
    verdict,
    next: null,
    missing: [],
    summary: fired[0].summary ?? '',
    requirements: unique(applied.flatMap((rule) => rule.requirements ?? [])),
    reasons,
    citations,
  };
  if (verdict === 'recommendation') decision.recommended = [...(fired[0].recommended ?? [])];
  return decision;
}

/** The rule ids behind a decision, for logs and traceability (verdict -> rule -> section -> source). */
export function firedRuleIds(topic: TopicId, facts: Facts): string[] {
  return TOPICS[topic].rules.filter((rule) => satisfies(rule, facts)).map((rule) => rule.id);
}

function topicOrThrow(topic: string): TopicDefinition {
  if (!isTopicId(topic)) {
    throw new DecisionInputError(`Unknown topic "${topic}". Valid topics: ${TOPIC_IDS.join(', ')}.`, 'unknown-topic', TOPIC_IDS);
  }
  return TOPICS[topic];
}

function validateFacts(definition: TopicDefinition, facts: Facts): void {
  for (const [id, value] of Object.entries(facts)) {
    const fact = definition.facts.find((candidate) => candidate.id === id);
    if (!fact) {
      const valid = definition.facts.map((candidate) => candidate.id);
      throw new DecisionInputError(`Unknown fact "${id}" for topic ${definition.id}. Valid facts: ${valid.join(', ')}.`, 'unknown-fact', valid);
    }
    const values = fact.options.map((option) => option.value);
    if (!values.includes(value)) {
      throw new DecisionInputError(`"${value}" is not a valid value for ${id}. Valid values: ${values.join(', ')}.`, 'bad-value', values);
    }
  }
}

const satisfies = (rule: Rule, facts: Facts): boolean =>
  Object.entries(rule.when).every(([fact, values]) => facts[fact] !== undefined && values.includes(facts[fact]));

const contradicts = (rule: Rule, facts: Facts): boolean =>
  Object.entries(rule.when).some(([fact, values]) => facts[fact] !== undefined && !values.includes(facts[fact]));

const toQuestion = (fact: FactDefinition): Question => ({
  fact: fact.id,
  prompt: fact.prompt,
  help: fact.help,
  options: fact.options.map((option) => ({ ...option })),
});

const unique = (items: string[]): string[] => [...new Set(items)];
