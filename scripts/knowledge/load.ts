import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { GuideDocument } from '../../core/guide';
import type { SourceDocument } from '../../core/model';
import { Diagnostics, YamlFile } from './diagnostics';
import { parseGuideDocument } from './guide-markdown';
import type { GuideEntry, LoadedKnowledge, TopicFile } from './loaded';
import {
  answerConditionsSchema,
  caveatPatternsSchema,
  caveatsSchema,
  factPhrasesSchema,
  indexSchema,
  keyTermsSchema,
  readingVocabularySchema,
  sourcesSchema,
  topicSchema,
} from './schema';

// Reads knowledge/ and the reading's data (reading/data/) from disk and parses every file with
// its schema. Only what cannot be checked without the disk is checked here: every topic file is
// listed in model.yaml, every listed topic has its file and its file of fact phrases.

export function loadKnowledge(root: string, diagnostics: Diagnostics): LoadedKnowledge | undefined {
  const knowledgeDir = join(root, 'knowledge');
  const rel = (path: string) => relative(root, path);
  const load = (path: string) => new YamlFile(rel(path), readFileSync(path, 'utf8'));

  const indexFile = load(join(knowledgeDir, 'model.yaml'));
  const index = indexFile.parse(indexSchema, diagnostics);
  const sourcesInput = load(join(knowledgeDir, 'sources.yaml')).parse(sourcesSchema, diagnostics);
  const caveatsFile = load(join(knowledgeDir, 'caveats.yaml'));
  const caveats = caveatsFile.parse(caveatsSchema, diagnostics);
  const keyTerms = load(join(knowledgeDir, 'key-terms.yaml')).parse(keyTermsSchema, diagnostics);
  const readingDir = join(root, 'reading', 'data');
  const vocabulary = load(join(readingDir, 'vocabulary.yaml')).parse(readingVocabularySchema, diagnostics);
  const caveatPatternsFile = load(join(readingDir, 'caveats.yaml'));
  const caveatPatterns = caveatPatternsFile.parse(caveatPatternsSchema, diagnostics);
  if (!index || !sourcesInput || !caveats || !keyTerms || !vocabulary || !caveatPatterns) return undefined;

  const sources = new Map<string, SourceDocument>(
    // The scope note is for the checks; the model keeps what citations show.
    sourcesInput.sources.map(({ scope_note: _note, ...source }) => [source.id, source]),
  );
  const scopeNotes = new Map(sourcesInput.sources.flatMap((source) => (source.scope_note ? [[source.id, source.scope_note] as const] : [])));
  const conditionsFile = load(join(knowledgeDir, 'answer-conditions.yaml'));
  const conditions = conditionsFile.parse(answerConditionsSchema, diagnostics);
  const answerConditions = conditions ? { yaml: conditionsFile, input: conditions } : undefined;
  const questionsFile = load(join(knowledgeDir, 'questions.yaml'));

  const guideDir = join(knowledgeDir, 'guide');
  const documents: GuideDocument[] = [];
  const guide: GuideEntry[] = [];
  for (const name of readdirSync(guideDir)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const file = rel(join(guideDir, name));
    const parsed = parseGuideDocument(file, name.replace(/\.md$/, ''), readFileSync(join(guideDir, name), 'utf8'), sources, diagnostics);
    documents.push(parsed.document);
    guide.push(...parsed.sections.map((entry) => ({ ...entry, file })));
  }

  const topicsDir = join(knowledgeDir, 'topics');
  const onDisk = readdirSync(topicsDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''));
  for (const id of onDisk.filter((id) => !index.topics.includes(id))) {
    diagnostics.add(rel(join(topicsDir, `${id}.yaml`)), 1, `topic ${id} is not listed under "topics" in knowledge/model.yaml`);
  }
  const topicFiles: TopicFile[] = [];
  index.topics.forEach((id, i) => {
    const path = join(topicsDir, `${id}.yaml`);
    if (!existsSync(path)) {
      diagnostics.add(indexFile.file, indexFile.lineOf(['topics', i]), `topic ${id} has no file knowledge/topics/${id}.yaml`);
      return;
    }
    const yaml = load(path);
    const input = yaml.parse(topicSchema, diagnostics);
    if (!input) return;
    if (input.id !== id) diagnostics.add(yaml.file, yaml.lineOf(['id']), `the file of topic ${id} says id: ${input.id}`);
    topicFiles.push({ yaml, input });
  });

  const phrases = index.topics.flatMap((id, i) => {
    const path = join(readingDir, 'facts', `${id}.yaml`);
    if (!existsSync(path)) {
      diagnostics.add(indexFile.file, indexFile.lineOf(['topics', i]), `topic ${id} has no file of fact phrases reading/data/facts/${id}.yaml`);
      return [];
    }
    const yaml = load(path);
    const input = yaml.parse(factPhrasesSchema, diagnostics);
    if (input && input.topic !== id) diagnostics.add(yaml.file, yaml.lineOf(['topic']), `the fact phrases of topic ${id} say topic: ${input.topic}`);
    return input ? [{ yaml, input }] : [];
  });

  return {
    indexFile,
    index,
    caveats: { yaml: caveatsFile, input: caveats },
    keyTerms: keyTerms.key_terms,
    reading: { vocabulary, caveatPatterns: { yaml: caveatPatternsFile, input: caveatPatterns }, phrases },
    sources,
    scopeNotes,
    answerConditions,
    questionsFile,
    documents,
    guide,
    topicFiles,
  };
}
