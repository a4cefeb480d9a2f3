import type { GuideDocument } from '../../core/guide';
import type { SourceDocument } from '../../core/model';
import type { YamlFile } from './diagnostics';
import type { ParsedSection } from './guide-markdown';
import type { IndexInput, TopicInput, VocabularyInput } from './schema';

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

export interface GuideEntry extends ParsedSection {
  file: string;
}

export interface LoadedKnowledge {
  indexFile: YamlFile;
  index: IndexInput;
  vocabularyFile: YamlFile;
  vocabulary: VocabularyInput;
  sources: Map<string, SourceDocument>;
  documents: GuideDocument[];
  guide: GuideEntry[];
  topicFiles: TopicFile[];
}
