import type { KnowledgeModel } from '../../core/model';
import type { TopicDefinition, TopicId } from '../../core/types';
import { checkAnswerConditions } from './checks/answer-conditions';
import { checkAnswerLength } from './checks/answer-length';
import { checkCitedSections } from './checks/cited-sections';
import { checkCoverage } from './checks/coverage';
import { checkFactLists } from './checks/fact-lists';
import { checkLicenseNames } from './checks/license-names';
import { checkOverlaps } from './checks/overlaps';
import { checkReasonTerms } from './checks/reason-terms';
import { checkRequirementsHold } from './checks/requirements-hold';
import { checkRuleConditions } from './checks/rule-conditions';
import { checkRuleIds } from './checks/rule-ids';
import { checkRuleShape } from './checks/rule-shape';
import { checkScopeNotes } from './checks/scope-note';
import { checkSectionIds } from './checks/section-ids';
import { checkSectionMetadata } from './checks/section-metadata';
import { Diagnostics } from './diagnostics';
import { loadKnowledge } from './load';
import type { Places } from './loaded';
import { compileCaveats, compilePhrases } from './phrases';
import { compileQuestions } from './questions';
import { toTopicDefinition } from './topic';
import { knowledgeVersion } from './version';

// The knowledge compiler: loads knowledge/ (load.ts), runs each consistency check of checks/
// (one small unit per rule of the format, each complaint with file and line), and returns the
// model that emit.ts writes as knowledge/generated/model.ts. A new check is a file in checks/
// and one call below.

export { expandFragments } from './phrases';
export { knowledgeVersion } from './version';

export interface CompileResult {
  model: KnowledgeModel | undefined;
  diagnostics: Diagnostics;
  /** Where each rule and section was written, for reports. */
  places: Places;
}

export function compileKnowledge(root: string): CompileResult {
  const diagnostics = new Diagnostics();
  const loaded = loadKnowledge(root, diagnostics);
  if (!loaded) return { model: undefined, diagnostics, places: { rules: new Map(), sections: new Map() } };
  const { index, topicFiles, guide } = loaded;
  const { vocabulary } = loaded.reading;

  // The shape: names that must exist, ids used once.
  const places: Places = { sections: checkSectionIds(guide, diagnostics), rules: checkRuleIds(topicFiles, diagnostics) };
  const sectionIds = new Set(guide.map((entry) => entry.section.id));
  const licenseIds = new Set(Object.keys(index.licenses));
  for (const topicFile of topicFiles) {
    checkFactLists(topicFile, diagnostics);
    checkRuleShape(topicFile, licenseIds, diagnostics);
    checkRuleConditions(topicFile, diagnostics);
    checkCitedSections(topicFile, sectionIds, diagnostics);
  }
  checkLicenseNames(loaded, diagnostics);

  // The logic, once the shape is sound (the engine cannot evaluate a misnamed fact).
  const topics = {} as Record<TopicId, TopicDefinition>;
  for (const { yaml, input } of topicFiles) {
    const topic = toTopicDefinition(input);
    topics[topic.id] = topic;
    if (diagnostics.count) continue;
    checkOverlaps(topic, yaml, diagnostics);
    checkRequirementsHold(topic, yaml, diagnostics);
    checkCoverage(topic, yaml, diagnostics);
  }

  // How a one-sentence answer reads alone: its length, the dated source's date and scope, the
  // conditions that decide it.
  checkAnswerLength(guide, diagnostics);
  checkScopeNotes(guide, loaded.scopeNotes, diagnostics);
  if (loaded.answerConditions) checkAnswerConditions(guide, loaded.answerConditions.input, loaded.answerConditions.yaml, diagnostics);
  const questions = compileQuestions(loaded.questionsFile, sectionIds, diagnostics);

  // The guide against the rules.
  const sections = checkSectionMetadata(guide, topicFiles, diagnostics);
  checkReasonTerms(topicFiles, loaded.keyTerms, new Map(guide.map((entry) => [entry.section.id, entry.section])), diagnostics);

  const topicInputs = new Map(topicFiles.map(({ input }) => [input.id, input]));
  const phrases = loaded.reading.phrases.flatMap((file) => {
    const topic = topicInputs.get(file.input.topic);
    return topic ? compilePhrases(file, topic, vocabulary.fragments, diagnostics) : [];
  });
  const caveats = compileCaveats(loaded.caveats, loaded.reading.caveatPatterns, vocabulary.fragments, diagnostics);

  const withoutVersion: Omit<KnowledgeModel, 'version'> = {
    sources: [...loaded.sources.values()],
    topics,
    licenses: index.licenses,
    documents: loaded.documents,
    sections,
    questions,
    vocabulary: {
      stopWords: words(vocabulary.stop_words),
      weakWords: words(vocabulary.weak_words),
      synonyms: vocabulary.synonyms,
      phrases,
      caveats,
      keyTerms: [...loaded.keyTerms],
    },
  };
  if (diagnostics.count) return { model: undefined, diagnostics, places };
  return { model: { version: knowledgeVersion(withoutVersion), ...withoutVersion }, diagnostics, places };
}

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);
