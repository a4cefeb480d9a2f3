// The public vocabulary of the decision core, fixed by ../shared/spec/decision-contract.md.
// Topic ids, fact names and license ids are compiled from the knowledge model
// (knowledge/topics/*.yaml) into knowledge/generated/model.ts, so TypeScript catches misuse.
import type { LicenseId, TopicId } from '../knowledge/generated/model';

export { TOPIC_IDS } from '../knowledge/generated/model';
export type { LicenseId, TopicId } from '../knowledge/generated/model';

export { VERDICTS } from './verdicts';
export type { Verdict } from './verdicts';
import type { Verdict } from './verdicts';

export type FactId = string;
export type Facts = Readonly<Record<FactId, string>>;

export interface Option {
  value: string;
  label: string;
}

export interface Question {
  fact: FactId;
  prompt: string;
  help: string;
  options: Option[];
}

export interface Citation {
  section: string;
  title: string;
  url: string;
  source: string;
}

export interface Decision {
  topic: TopicId;
  verdict: Verdict | null;
  next: Question | null;
  missing: FactId[];
  summary: string;
  requirements: string[];
  reasons: string[];
  recommended?: LicenseId[];
  citations: Citation[];
  /** The decision record page for exactly these facts: <base>/decision/<topic>?<fact>=<value>&...&v=<version>. */
  permalink: string;
  knowledge: { version: string };
}

/** A fact a topic can ask about, with the words the interview uses for it. */
export interface FactDefinition {
  id: FactId;
  prompt: string;
  help: string;
  options: Option[];
}

/**
 * One reason a rule gives, tied to the guide section that states it. `needs` names the fact
 * values the reason is about (a Microsoft 365 condition on a rule that also answers for pure
 * Windows Enterprise E3/E5): the answer leaves it out when the facts rule those values out.
 */
export interface RuleReason {
  text: string;
  section: string;
  needs?: FactCondition;
}

/** Fact values, as a rule's `when` or a requirement's `needs` states them. */
export type FactCondition = Readonly<Record<FactId, readonly string[]>>;

/**
 * What the user must have or do. `needs` names the fact values under which the requirement
 * can hold (so a permitted answer never lists one the facts already break); `suggests` names
 * the fact values an alternative or remedy proposes (so a remedy never proposes what the
 * other facts rule out). Both are checked: the first by the compiler, both by the tests.
 */
export interface Requirement {
  text: string;
  needs?: FactCondition;
  suggests?: FactCondition;
}

/**
 * A rule is a sound statement: whenever every fact in `when` has one of the listed values,
 * the verdict holds. Where rules with different outcomes can fire together, the higher
 * `priority` decides (the compiler refuses an overlap without one). A `note` rule never
 * decides or asks anything: it only adds advice when its facts are known.
 */
export interface Rule {
  id: string;
  kind: 'verdict' | 'note';
  priority: number;
  when: FactCondition;
  verdict?: Verdict;
  summary?: string;
  requirements: readonly Requirement[];
  reasons: readonly RuleReason[];
  recommended?: readonly LicenseId[];
}

export interface TopicDefinition {
  id: TopicId;
  title: string;
  question: string;
  /** Facts in the order the interview asks them: the most decisive first. */
  facts: readonly FactDefinition[];
  rules: readonly Rule[];
}
