import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { AskResult } from '../search';

// How well free questions are read, measured on the development sets of real questions kept
// beside the repository (../shared/eval/). The same figures are printed by
// `npm run eval:questions` and held by test/reading/real-questions.test.ts, so a person and the
// test read one definition of each.

export const realQuestionSchema = z.object({
  id: z.string(),
  q: z.string(),
  topic: z.string(),
  acceptable_topics: z.array(z.string()).optional(),
  relevant_sections: z.array(z.string()).optional(),
});
export type RealQuestion = z.infer<typeof realQuestionSchema>;

export interface QuestionSet {
  name: string;
  questions: RealQuestion[];
}

/** Allowed pre-filled values per question id and fact. */
export type AllowedFacts = Record<string, Record<string, string[]>>;

const allowedSchema = z.record(z.string(), z.record(z.string(), z.array(z.string())));

/** Where the development sets and the labels sit, from the repository's root. */
export const evalDir = (root: string): string => join(root, '..', 'shared', 'eval');
export const labelsFile = (root: string): string => join(root, 'reading', 'eval', 'allowed-facts.yaml');

/** Every `real-questions-dev*.jsonl` in the folder, in name order; none when it is absent. */
export function loadSets(dir: string): QuestionSet[] {
  if (!existsSync(dir)) return [];
  return (
    readdirSync(dir)
      .filter((name) => /^real-questions-dev.*\.jsonl$/.test(name))
      // "real-questions-dev.jsonl" before "real-questions-dev-2.jsonl": the order they were made in.
      .sort((a, b) => a.length - b.length || a.localeCompare(b))
      .map((name) => ({
        name,
        questions: readFileSync(join(dir, name), 'utf8')
          .split('\n')
          .filter((line) => line.trim())
          .map((line) => realQuestionSchema.parse(JSON.parse(line))),
      }))
  );
}

export function loadAllowedFacts(file: string): AllowedFacts {
  // YAML reads `yes`/`no` as strings in its 1.2 core schema, which is what the facts use.
  return allowedSchema.parse(parse(readFileSync(file, 'utf8')) ?? {});
}

export const isAnswerable = (q: RealQuestion): boolean => q.topic !== 'out-of-scope';

/** What the reading did with one question, and each way it fell short. */
export interface QuestionOutcome {
  id: string;
  topic: string;
  answerable: boolean;
  topSection: string | null;
  topTopic: string | null;
  /** Answerable: the top section's topic is acceptable. */
  topTopicRight: boolean;
  /** Answerable: a section that answers it is among the three shown. */
  relevantInTop3: boolean;
  suggestedTopic: string | null;
  /** Answerable: a check was offered for a topic the question is not about. */
  wrongCheck: boolean;
  /** Pre-filled facts the hand labels do not allow, as fact=value. */
  wrongFacts: string[];
  /** Out of scope: neither a check without a caveat, nor a confident answer. */
  outOfScopeHandled: boolean;
}

export function judge(q: RealQuestion, result: AskResult, allowed: AllowedFacts): QuestionOutcome {
  const answerable = isAnswerable(q);
  const acceptable = q.acceptable_topics ?? [];
  const top = result.results[0];
  const suggested = result.suggested;
  const checks = [suggested, ...(result.alternatives ?? [])].filter((s): s is NonNullable<typeof s> => s !== null);
  const labels = allowed[q.id] ?? {};
  const wrongFacts = checks.flatMap((check) =>
    Object.entries(check.facts)
      .filter(([fact, value]) => !(labels[fact] ?? []).includes(value))
      .map(([fact, value]) => `${fact}=${value}`),
  );
  return {
    id: q.id,
    topic: q.topic,
    answerable,
    topSection: top?.section ?? null,
    topTopic: top?.topic ?? null,
    topTopicRight: answerable && acceptable.includes(top?.topic ?? ''),
    relevantInTop3: answerable && result.results.slice(0, 3).some((hit) => (q.relevant_sections ?? []).includes(hit.section)),
    suggestedTopic: suggested?.topic ?? null,
    // Two checks offered side by side let the user choose: wrong only when neither fits.
    wrongCheck: answerable && checks.length > 0 && !checks.some((check) => acceptable.includes(check.topic)),
    wrongFacts: [...new Set(wrongFacts)],
    outOfScopeHandled: !answerable && (checks.length === 0 || result.caveats.length > 0),
  };
}

export interface Figures {
  answerable: number;
  outOfScope: number;
  topTopicRight: number;
  relevantInTop3: number;
  wrongChecks: number;
  withWrongFacts: number;
  outOfScopeHandled: number;
}

export function figures(outcomes: QuestionOutcome[]): Figures {
  const answerable = outcomes.filter((o) => o.answerable);
  const outside = outcomes.filter((o) => !o.answerable);
  return {
    answerable: answerable.length,
    outOfScope: outside.length,
    topTopicRight: answerable.filter((o) => o.topTopicRight).length,
    relevantInTop3: answerable.filter((o) => o.relevantInTop3).length,
    wrongChecks: answerable.filter((o) => o.wrongCheck).length,
    withWrongFacts: outcomes.filter((o) => o.wrongFacts.length > 0).length,
    outOfScopeHandled: outside.filter((o) => o.outOfScopeHandled).length,
  };
}

/**
 * The bars of issue 17, over all development questions together: top section's topic right for
 * 90% of answerable ones, a relevant section in the top three for 92%, no wrong pre-filled fact,
 * at most one check for the wrong topic, nine in ten out-of-scope questions handled.
 */
export const BARS = { topTopicRight: 0.9, relevantInTop3: 0.92, withWrongFacts: 0, wrongChecks: 1, outOfScopeHandled: 0.9 } as const;

export type Search = (text: string) => AskResult;

export function evaluate(sets: QuestionSet[], search: Search, allowed: AllowedFacts): { set: string; outcomes: QuestionOutcome[] }[] {
  return sets.map((set) => ({ set: set.name, outcomes: set.questions.map((q) => judge(q, search(q.q), allowed)) }));
}

const share = (n: number, of: number): string => `${n}/${of} (${of ? Math.round((100 * n) / of) : 100}%)`;

/** A plain-text report: per set, per topic, then the misses by name. */
export function report(results: { set: string; outcomes: QuestionOutcome[] }[]): string {
  const lines: string[] = [];
  const describe = (label: string, outcomes: QuestionOutcome[]) => {
    const f = figures(outcomes);
    lines.push(
      `${label.padEnd(28)} top-1 topic ${share(f.topTopicRight, f.answerable)}  relevant in top 3 ${share(f.relevantInTop3, f.answerable)}  ` +
        `wrong checks ${f.wrongChecks}  wrong facts ${f.withWrongFacts}  out of scope handled ${share(f.outOfScopeHandled, f.outOfScope)}`,
    );
  };
  const all = results.flatMap((r) => r.outcomes);
  for (const { set, outcomes } of results) {
    lines.push(`== ${set}`);
    describe('  all', outcomes);
    for (const topic of [...new Set(outcomes.map((o) => o.topic))].sort())
      describe(
        `  ${topic}`,
        outcomes.filter((o) => o.topic === topic),
      );
  }
  lines.push('== misses');
  for (const o of all) {
    const misses = [
      o.answerable && !o.topTopicRight ? `top section ${o.topSection ?? 'none'} (${o.topTopic ?? 'no result'})` : '',
      o.answerable && !o.relevantInTop3 ? 'no relevant section in the top 3' : '',
      o.wrongCheck ? `check for ${o.suggestedTopic}` : '',
      o.wrongFacts.length ? `wrong facts ${o.wrongFacts.join(', ')}` : '',
      !o.answerable && !o.outOfScopeHandled ? `out of scope, offered ${o.suggestedTopic} with no caveat` : '',
    ].filter(Boolean);
    if (misses.length) lines.push(`  ${o.id} (${o.topic}): ${misses.join('; ')}`);
  }
  const f = figures(all);
  lines.push(
    `== total: top-1 topic ${share(f.topTopicRight, f.answerable)} (bar ${BARS.topTopicRight * 100}%), relevant in top 3 ${share(f.relevantInTop3, f.answerable)} (bar ${BARS.relevantInTop3 * 100}%), ` +
      `questions with a wrong fact ${f.withWrongFacts} (bar 0), wrong checks ${f.wrongChecks} (bar <= 1), out of scope handled ${share(f.outOfScopeHandled, f.outOfScope)} (bar 90%)`,
  );
  return lines.join('\n');
}
