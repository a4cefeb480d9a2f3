import type { Guide } from '../core/guide';
import { TOPICS } from '../core/topics';
import type { Decision, TopicId } from '../core/types';
import { licenseName } from '../bot/topic-text';
import type { SourceDocument } from '../core/model';

// What the decision record page shows, in words: built from the Decision and the topic's own
// wording, so the page says exactly what the interview asked and answered.

export interface DecisionRecord {
  topicTitle: string;
  question: string;
  /** Every fact of the link, in the interview's order: its question and the answer's label. */
  facts: { prompt: string; answer: string }[];
  decision: Decision;
  /** The recommended licenses by name (verdict "recommendation" only). */
  recommended: string[];
  /** The source documents the cited sections restate, with the dates they speak for. */
  sources: { id: string; title: string; publisher: string; date: string; scope?: string }[];
  /** The link was made with another guide version: the answer shown is today's. */
  linkVersion?: string;
  /** What the question named that the sources do not cover, as sentences (from the link's caveat ids). */
  caveats: string[];
  /** The day the answer was given (YYYY-MM-DD), when the link says. */
  answeredOn?: string;
  /** The day this page was made (YYYY-MM-DD, UTC). */
  printedOn: string;
}

/** What the link adds to the decision: its version, the caveats' sentences, the days. */
export interface RecordOptions {
  linkVersion?: string;
  caveats: string[];
  answeredOn?: string;
  printedOn: string;
}

export function decisionRecord(
  topic: TopicId,
  facts: Readonly<Record<string, string>>,
  decision: Decision,
  guide: Guide,
  sources: Readonly<Record<string, SourceDocument>>,
  { linkVersion, caveats, answeredOn, printedOn }: RecordOptions,
): DecisionRecord {
  const definition = TOPICS[topic];
  const sourceIds = new Set<string>();
  for (const citation of decision.citations) for (const id of guide.sections.get(citation.section)?.sourceIds ?? []) sourceIds.add(id);
  return {
    topicTitle: definition.title,
    question: definition.question,
    facts: definition.facts
      .filter((fact) => Object.hasOwn(facts, fact.id))
      .map((fact) => ({ prompt: fact.prompt, answer: fact.options.find((option) => option.value === facts[fact.id])?.label ?? facts[fact.id] })),
    decision,
    recommended: (decision.recommended ?? []).map(licenseName),
    sources: [...sourceIds].sort().flatMap((id) => (sources[id] ? [sources[id]] : [])),
    linkVersion: linkVersion !== undefined && linkVersion !== decision.knowledge.version ? linkVersion : undefined,
    caveats,
    ...(answeredOn !== undefined ? { answeredOn } : {}),
    printedOn,
  };
}
