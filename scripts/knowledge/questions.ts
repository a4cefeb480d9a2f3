import { z } from 'zod';
import type { Diagnostics, YamlFile } from './diagnostics';

// knowledge/questions.yaml: the plain questions people ask that each guide section answers.
// Checked here so that a specialist who adds one hears at once of a misspelt section id or of
// one question filed under two sections (the search could then not tell which answers it).

const questionsSchema = z.record(z.string(), z.array(z.string().trim().min(8).max(240)).min(1));

export function compileQuestions(yaml: YamlFile, sectionIds: ReadonlySet<string>, diagnostics: Diagnostics): Record<string, string[]> {
  const input = yaml.parse(questionsSchema, diagnostics);
  if (!input) return {};
  const seen = new Map<string, string>();
  for (const [section, questions] of Object.entries(input)) {
    if (!sectionIds.has(section)) diagnostics.add(yaml.file, yaml.lineOf([section]), `questions for ${section}, which is not a section of the guide`);
    questions.forEach((question, i) => {
      const key = question
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
      const earlier = seen.get(key);
      if (earlier) diagnostics.add(yaml.file, yaml.lineOf([section, i]), `"${question}" is already listed under ${earlier}`);
      else seen.set(key, section);
    });
  }
  return input;
}
