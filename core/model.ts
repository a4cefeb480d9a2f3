import type { GuideDocument } from './guide';
import type { FactCondition, TopicDefinition, TopicId } from './types';

// The shape of the compiled knowledge model (knowledge/generated/model.ts). The compiler in
// scripts/knowledge/ reads the YAML and markdown under knowledge/, checks them, and emits it.

export interface SourceDocument {
  id: string;
  title: string;
  publisher: string;
  /** The date as the source itself gives it. */
  date: string;
  /** Where it was published, in words, and its public address where one is known. */
  publishedAt: string;
  /** What the source is limited to (for example one Windows version), shown beside its date. */
  scope?: string;
}

/** A phrase that, found in a user's text, states fact values of one topic. */
export interface FactPhrase {
  topic: TopicId;
  set: Readonly<Record<string, string>>;
  /** Facts whose words this phrase takes without stating a value ("office 365 e3" for `license`). */
  blocks?: readonly string[];
  /** Regular-expression sources, fragments already expanded, matched on lowercased text. */
  patterns: readonly string[];
}

export interface Synonym {
  match: readonly string[];
  add: string;
  weight?: number;
}

/** A plain sentence about something a question names that the four sources do not cover. */
export interface Caveat {
  id: string;
  patterns: readonly string[];
  text: string;
  /**
   * The question is then about something the sources do not cover (Windows Server, Office,
   * activation), not merely naming it: it gets no guided check unless it also clearly states
   * a topic's facts.
   */
  outside: boolean;
}

/** Which guided check a guide section feeds; 'general' sections suggest none. */
export type SectionTopic = TopicId | 'general';

export interface SectionMeta {
  topic: SectionTopic;
  /** Ranking prior: below 1 for sections that mostly point elsewhere. */
  weight: number;
  /** Fact values this section explains: a question stating one ranks the section higher. */
  explains: FactCondition;
}

export interface KnowledgeModel {
  version: string;
  sources: readonly SourceDocument[];
  topics: Readonly<Record<TopicId, TopicDefinition>>;
  licenses: Readonly<Record<string, string>>;
  documents: readonly GuideDocument[];
  sections: Readonly<Record<string, SectionMeta>>;
  /** The plain questions people ask that a section answers, by section id (knowledge/questions.yaml). */
  questions: Readonly<Record<string, readonly string[]>>;
  vocabulary: {
    stopWords: readonly string[];
    weakWords: readonly string[];
    synonyms: readonly Synonym[];
    phrases: readonly FactPhrase[];
    caveats: readonly Caveat[];
    keyTerms: readonly string[];
  };
}
