import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { GuideDocument } from '../../core/guide';
import type { SourceDocument } from '../../core/model';
import { Diagnostics, YamlFile } from './diagnostics';
import { parseGuideDocument } from './guide-markdown';
import type { GuideEntry, LoadedKnowledge, TopicFile } from './loaded';
import { answerConditionsSchema, indexSchema, sourcesSchema, topicSchema, vocabularySchema } from './schema';

// Reads knowledge/ from disk and parses every file with its schema. Only what cannot be
// checked without the disk is checked here: every topic file is listed in model.yaml, and
// every listed topic has its file.

export function loadKnowledge(root: string, diagnostics: Diagnostics): LoadedKnowledge | undefined {
  const knowledgeDir = join(root, 'knowledge');
  const rel = (path: string) => relative(root, path);
  const load = (path: string) => new YamlFile(rel(path), readFileSync(path, 'utf8'));

  const indexFile = load(join(knowledgeDir, 'model.yaml'));
  const index = indexFile.parse(indexSchema, diagnostics);
  const sourcesInput = load(join(knowledgeDir, 'sources.yaml')).parse(sourcesSchema, diagnostics);
  const vocabularyFile = load(join(knowledgeDir, 'vocabulary.yaml'));
  const vocabulary = vocabularyFile.parse(vocabularySchema, diagnostics);
  if (!index || !sourcesInput || !vocabulary) return undefined;

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

  return { indexFile, index, vocabularyFile, vocabulary, sources, scopeNotes, answerConditions, questionsFile, documents, guide, topicFiles };
}
