import type { GuideDocument } from '../../core/guide';
import type { SourceDocument } from '../../core/model';
import type { YamlFile } from './diagnostics';
import type { ParsedSection } from './guide-markdown';
import type { AnswerConditions } from './checks/answer-conditions';
import type { ScopeNote } from './checks/scope-note';
import type { CaveatPatternsInput, CaveatsInput, FactPhrasesInput, IndexInput, ReadingVocabularyInput, TopicInput } from './schema';

// What the loader hands to the checks: every knowledge file parsed, each with the file it came
// from so a complaint can name file and line. The checks read this and never the disk.

export interface Place {
  file: string;
  line: number;
}

export interface Places {
  rules: Map<string, Place>;
  sections: Map<string, Place>;
}

export interface TopicFile {
  yaml: YamlFile;
  input: TopicInput;
}

/** A parsed file with the file itself, so a complaint can name its line. */
export interface Parsed<T> {
  yaml: YamlFile;
  input: T;
}

export interface GuideEntry extends ParsedSection {
  file: string;
}

export interface LoadedKnowledge {
  indexFile: YamlFile;
  index: IndexInput;
  /** knowledge/caveats.yaml and knowledge/key-terms.yaml: the specialist's part. */
  caveats: Parsed<CaveatsInput>;
  keyTerms: readonly string[];
  /** reading/data/: how free questions are read, the engineers' part. */
  reading: {
    vocabulary: ReadingVocabularyInput;
    caveatPatterns: Parsed<CaveatPatternsInput>;
    /** One file of fact phrases per topic, in the topics' order. */
    phrases: Parsed<FactPhrasesInput>[];
  };
  sources: Map<string, SourceDocument>;
  /** What every section restating a dated source must say, by source id (sources.yaml `scope_note`). */
  scopeNotes: Map<string, ScopeNote>;
  /** Per section, the deciding conditions its one-sentence answer must keep (answer-conditions.yaml). */
  answerConditions: { yaml: YamlFile; input: AnswerConditions } | undefined;
  /** knowledge/questions.yaml: the plain questions people ask that each section answers. */
  questionsFile: YamlFile;
  documents: GuideDocument[];
  guide: GuideEntry[];
  topicFiles: TopicFile[];
}
