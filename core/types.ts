// The public vocabulary of the decision core, fixed by ../shared/spec/decision-contract.md.
// Every name here crosses the boundary to the bot, the CLI and outside checks: keep them exact.

export const TOPIC_IDS = [
  'refurbished-pc',
  'used-pc',
  'upgrade-imaging',
  'prior-versions',
  'virtual-machines',
  'vdi-license-choice',
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

export const VERDICTS = ['permitted', 'not-permitted', 'conditional', 'refer', 'recommendation'] as const;
export type Verdict = (typeof VERDICTS)[number];

export type FactId = string;
export type Facts = Readonly<Record<FactId, string>>;

/** The licenses a recommendation can name: virtual-machines' license values, and the per user add-ons. */
export type LicenseId =
  | 'enterprise-per-user'
  | 'vda-per-user'
  | 'enterprise-per-device'
  | 'vda-per-device'
  | 'm365'
  | 'oem-or-retail'
  | 'enterprise-per-user-addon'
  | 'vda-per-user-addon';

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

/** One reason a rule gives, tied to the guide section that states it. */
export interface RuleReason {
  text: string;
  section: string;
}

/**
 * A rule is a sound statement: whenever every fact in `when` has one of the listed values,
 * the verdict holds. Rules of one topic may overlap only where they agree on the verdict;
 * together they cover every combination of the topic's facts (both are checked in tests).
 * A `note` rule never decides or asks anything: it only adds advice when its facts are known.
 */
export interface Rule {
  id: string;
  kind?: 'verdict' | 'note';
  when: Readonly<Record<FactId, readonly string[]>>;
  verdict?: Verdict;
  summary?: string;
  requirements?: readonly string[];
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
