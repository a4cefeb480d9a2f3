import type { AskResult } from '../reading/search';
import type { Decision, TopicDefinition } from '../core/types';
import { isTopicId, TOPICS } from '../core/topics';
import { en } from '../wording/en';

// Plain-text renderings for people at a terminal; --json prints the objects themselves. The
// words are the cards' and pages' own (wording/en.ts).

const bullets = (items: readonly string[]) => items.map((item) => `  - ${item}`);

export function formatDecision(decision: Decision, topic: TopicDefinition, facts: Record<string, string>): string {
  const lines = [`${topic.id}: ${topic.question}`];
  const given = Object.entries(facts).map(([fact, value]) => `${fact}=${value}`);
  if (given.length) lines.push(en.cli.facts(given.join(' ')));
  lines.push('');
  if (decision.verdict === null && decision.next) {
    const next = decision.next;
    lines.push(en.cli.nextQuestion(next.fact, next.prompt), `  ${en.question.whyWeAsk(next.help)}`, `  ${en.cli.answers}`);
    const width = Math.max(...next.options.map((option) => option.value.length)) + next.fact.length + 1;
    for (const option of next.options) lines.push(`    ${`${next.fact}=${option.value}`.padEnd(width)}  ${option.label}`);
    lines.push('', en.cli.stillNeeded(decision.missing.join(', ')));
    lines.push(en.cli.continueWith(`licensing-bot decide ${topic.id} ${[...given, `${next.fact}=<answer>`].join(' ')}`));
    return lines.join('\n');
  }
  if (decision.verdict === null) throw new Error('a decision with neither a verdict nor a next question');
  lines.push(en.cli.verdict(en.verdicts[decision.verdict]), decision.summary);
  if (decision.recommended?.length) lines.push('', `${en.labels.recommended}:`, ...bullets(decision.recommended));
  if (decision.requirements.length) lines.push('', `${en.labels.whatYouNeed}:`, ...bullets(decision.requirements));
  lines.push('', `${en.labels.why}:`, ...bullets(decision.reasons), '', `${en.labels.sources}:`);
  decision.citations.forEach((citation, index) => {
    lines.push(`  [${index + 1}] ${citation.title}`, `      ${citation.url}`, `      ${citation.source}`);
  });
  lines.push('', en.cli.decisionRecord(decision.permalink));
  lines.push('', en.smallPrint(decision.knowledge.version));
  return lines.join('\n');
}

export function formatAsk(result: AskResult): string {
  const lines = [en.cli.question(result.query), ''];
  if (!result.results.length) {
    lines.push(en.cli.noMatch);
  }
  result.results.forEach((hit, index) => {
    lines.push(`${index + 1}. ${hit.title}  (${hit.topic}, score ${hit.score.toFixed(2)})`, `   ${hit.snippet}`, `   ${hit.url}`);
  });
  if (result.caveats.length) lines.push('', `${en.labels.notCovered}:`, ...bullets(result.caveats));
  const checks = result.suggested ? [result.suggested, ...result.alternatives] : [];
  if (checks.length > 1) lines.push('', en.search.eitherCheck);
  for (const { topic, facts: read } of checks) {
    const facts = Object.entries(read).map(([fact, value]) => `${fact}=${value}`);
    // A reading, not answers: each fact with its question and answer so a person can check it
    // before running the decide line, which is explicit about every fact it passes.
    if (facts.length) lines.push('', en.cli.readFacts, ...Object.entries(read).map(([fact, value]) => readFact(topic, fact, value)));
    lines.push('', en.cli.checkYourCase(`licensing-bot decide ${[topic, ...facts].join(' ')}`));
  }
  return lines.join('\n');
}

function readFact(topic: string, fact: string, value: string): string {
  const definition = isTopicId(topic) ? TOPICS[topic].facts.find((candidate) => candidate.id === fact) : undefined;
  const label = definition?.options.find((option) => option.value === value)?.label;
  return definition && label ? en.cli.readFact(fact, value, definition.prompt, label) : `  ${fact}=${value}`;
}

export function formatTopics(topics: readonly TopicDefinition[]): string {
  return topics
    .map((topic) =>
      [`${topic.id}: ${topic.question}`, ...topic.facts.map((fact) => `  ${fact.id}: ${fact.options.map((option) => option.value).join(' | ')}`)].join('\n'),
    )
    .join('\n\n');
}
