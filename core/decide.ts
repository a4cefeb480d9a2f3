import { evaluate, nextFact, shownReasons, shownRequirements } from './engine';
import { DecisionInputError } from './errors';
import { excerpt } from './excerpt';
import type { Guide } from './guide';
import { guide as defaultGuide } from './knowledge';
import { isTopicId, TOPICS } from './topics';
import { TOPIC_IDS } from './types';
import type { Citation, Decision, Facts, Question, TopicDefinition, TopicId } from './types';
import { DEFAULT_BASE_URL, decisionUrl, guideUrl } from './urls';

export interface DecideOptions {
  baseUrl?: string;
  guide?: Guide;
}

/**
 * The decision core. Pure: the same topic and facts always give the same Decision, whatever
 * order the facts arrived in. The topic's rules decide (core/engine.ts): the summary and the
 * recommendations come from the rule the model gives priority, never from array order.
 */
export function decide(topic: string, facts: Facts, options: DecideOptions = {}): Decision {
  return decideTraced(topic, facts, options).decision;
}

/** A Decision with the ids of the rules behind it, for logs and traceability (verdict -> rule -> section -> source). */
export interface TracedDecision {
  decision: Decision;
  /** The rules that decided, then the notes that apply; empty while a question is open. */
  rules: string[];
}

/** decide(), keeping the rule ids it evaluated, so a caller that logs them evaluates the rules once. */
export function decideTraced(topic: string, facts: Facts, options: DecideOptions = {}): TracedDecision {
  const definition = topicOrThrow(topic);
  const problem = factsProblem(definition, facts);
  if (problem) throw problem;
  const guide = options.guide ?? defaultGuide;
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  const evaluation = evaluate(definition, facts);
  const permalink = decisionUrl(
    baseUrl,
    definition.id,
    facts,
    definition.facts.map((fact) => fact.id),
    guide.version,
  );
  const base = { topic: definition.id, permalink, knowledge: { version: guide.version } };

  if (!evaluation.winners.length) {
    const fact = nextFact(definition, evaluation);
    if (!fact) throw new Error(`rules of ${definition.id} cover no case for ${JSON.stringify(facts)}`);
    const next: Question = { fact: fact.id, prompt: fact.prompt, help: fact.help, options: fact.options.map((option) => ({ ...option })) };
    const decision: Decision = {
      ...base,
      verdict: null,
      next,
      missing: evaluation.missing,
      summary: `One more answer is needed: ${next.prompt}`,
      requirements: [],
      reasons: [],
      citations: [],
    };
    return { decision, rules: [] };
  }

  const [lead] = evaluation.winners;
  const applied = [...evaluation.winners, ...evaluation.notes];
  const citations: Citation[] = [];
  const citationIndex = (sectionId: string): number => {
    const known = citations.findIndex((citation) => citation.section === sectionId);
    if (known >= 0) return known + 1;
    const section = guide.sections.get(sectionId);
    if (!section) throw new Error(`rule cites unknown guide section ${sectionId}`);
    citations.push({ section: section.id, title: section.title, url: guideUrl(baseUrl, section.document, section.id), source: section.source });
    return citations.length;
  };
  const decision: Decision = {
    ...base,
    verdict: lead.verdict!,
    next: null,
    missing: [],
    summary: lead.summary ?? '',
    requirements: unique(applied.flatMap((rule) => shownRequirements(rule, facts).map((requirement) => requirement.text))),
    reasons: unique(applied.flatMap((rule) => shownReasons(rule, facts).map((reason) => `${reason.text} [${citationIndex(reason.section)}]`))),
    citations,
  };
  if (lead.verdict === 'recommendation') decision.recommended = [...(lead.recommended ?? [])];
  return { decision, rules: applied.map((rule) => rule.id) };
}

/**
 * What is wrong with facts for a topic, or undefined when each is one of the topic's facts with
 * one of its values. For callers that check input they were sent (card submits, search
 * suggestions) without deciding anything; the error names the valid choices.
 */
export function checkFacts(topic: TopicId, facts: Facts): DecisionInputError | undefined {
  return factsProblem(TOPICS[topic], facts);
}

function factsProblem(topic: TopicDefinition, facts: Facts): DecisionInputError | undefined {
  for (const [id, value] of Object.entries(facts)) {
    const fact = topic.facts.find((candidate) => candidate.id === id);
    if (!fact) {
      const valid = topic.facts.map((candidate) => candidate.id);
      return new DecisionInputError(`Unknown fact "${excerpt(id)}" for topic ${topic.id}. Valid facts: ${valid.join(', ')}.`, 'unknown-fact', valid);
    }
    const values = fact.options.map((option) => option.value);
    if (!values.includes(value)) {
      return new DecisionInputError(`"${excerpt(value)}" is not a valid value for ${id}. Valid values: ${values.join(', ')}.`, 'bad-value', values);
    }
  }
  return undefined;
}

function topicOrThrow(topic: string): TopicDefinition {
  if (!isTopicId(topic)) {
    throw new DecisionInputError(`Unknown topic "${excerpt(topic)}". Valid topics: ${TOPIC_IDS.join(', ')}.`, 'unknown-topic', TOPIC_IDS);
  }
  return TOPICS[topic];
}

const unique = (items: string[]): string[] => [...new Set(items)];
