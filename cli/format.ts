import type { AskResult } from '../core/search';
import type { Decision, TopicDefinition } from '../core/types';

// Plain-text renderings for people at a terminal; --json prints the objects themselves.

const HEADLINES: Record<string, string> = {
  permitted: 'PERMITTED',
  'not-permitted': 'NOT PERMITTED',
  conditional: 'PERMITTED IF the requirements below are met (or a point the sources leave open is settled)',
  refer: 'NOT DECIDED BY THESE SOURCES',
  recommendation: 'RECOMMENDED LICENSE',
};

const bullets = (items: readonly string[]) => items.map((item) => `  - ${item}`);

export function formatDecision(decision: Decision, topic: TopicDefinition, facts: Record<string, string>): string {
  const lines = [`${topic.id}: ${topic.question}`];
  const given = Object.entries(facts).map(([fact, value]) => `${fact}=${value}`);
  if (given.length) lines.push(`Facts: ${given.join(' ')}`);
  lines.push('');
  if (decision.verdict === null && decision.next) {
    const next = decision.next;
    lines.push(`Next question (${next.fact}): ${next.prompt}`, `  Why we ask: ${next.help}`, '  Answers:');
    const width = Math.max(...next.options.map((option) => option.value.length)) + next.fact.length + 1;
    for (const option of next.options) lines.push(`    ${`${next.fact}=${option.value}`.padEnd(width)}  ${option.label}`);
    lines.push('', `Still needed, at most: ${decision.missing.join(', ')}`);
    lines.push(`Continue with: licensing-bot decide ${topic.id} ${[...given, `${next.fact}=<answer>`].join(' ')}`);
    return lines.join('\n');
  }
  lines.push(`Verdict: ${HEADLINES[decision.verdict!]}`, decision.summary);
  if (decision.recommended?.length) lines.push('', 'Recommended:', ...bullets(decision.recommended));
  if (decision.requirements.length) lines.push('', 'What you need:', ...bullets(decision.requirements));
  lines.push('', 'Why:', ...bullets(decision.reasons), '', 'Sources:');
  decision.citations.forEach((citation, index) => {
    lines.push(`  [${index + 1}] ${citation.title}`, `      ${citation.url}`, `      ${citation.source}`);
  });
  lines.push('', `Decision record: ${decision.permalink}`);
  lines.push(
    '',
    `Guide version ${decision.knowledge.version}. This restates the cited sources as of their dates; your own agreement and the current Product Terms govern.`,
  );
  return lines.join('\n');
}

export function formatAsk(result: AskResult): string {
  const lines = [`Question: ${result.query}`, ''];
  if (!result.results.length) {
    lines.push('Nothing in the guide matches. Run "licensing-bot topics" to see what the assistant can check.');
  }
  result.results.forEach((hit, index) => {
    lines.push(`${index + 1}. ${hit.title}  (${hit.topic}, score ${hit.score.toFixed(2)})`, `   ${hit.snippet}`, `   ${hit.url}`);
  });
  if (result.caveats.length) lines.push('', 'Not covered by the sources:', ...bullets(result.caveats));
  if (result.suggested) {
    const facts = Object.entries(result.suggested.facts).map(([fact, value]) => `${fact}=${value}`);
    if (facts.length) lines.push('', `From your message: ${facts.join(', ')}`);
    lines.push('', `Check your case: licensing-bot decide ${[result.suggested.topic, ...facts].join(' ')}`);
  }
  return lines.join('\n');
}

export function formatTopics(topics: readonly TopicDefinition[]): string {
  return topics
    .map((topic) =>
      [`${topic.id}: ${topic.question}`, ...topic.facts.map((fact) => `  ${fact.id}: ${fact.options.map((option) => option.value).join(' | ')}`)].join('\n'),
    )
    .join('\n\n');
}
