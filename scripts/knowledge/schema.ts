import { z } from 'zod';
import { VERDICTS } from '../../core/verdicts';

// What the knowledge files may contain. Every object is strict, so a misspelt key is an error
// that names its line rather than a field silently ignored.

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and hyphens');
const factId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lowercase letters, digits and underscores');
const text = z.string().trim().min(1);
const condition = z.record(z.string(), z.array(z.string()).min(1));

export const requirementSchema = z.union([text, z.strictObject({ text, needs: condition.optional(), suggests: condition.optional() })]);

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'use lowercase letters, digits, dots and hyphens'),
  kind: z.enum(['verdict', 'note']).optional(),
  priority: z.number().int().optional(),
  when: condition,
  verdict: z.enum(VERDICTS).optional(),
  summary: text.optional(),
  recommended: z.array(z.string()).min(1).optional(),
  requirements: z.array(requirementSchema).optional(),
  reasons: z.array(z.strictObject({ text, section: slug, needs: condition.optional() })).min(1),
});

export const topicSchema = z.strictObject({
  id: slug,
  title: text,
  question: text,
  facts: z
    .array(
      z.strictObject({
        id: factId,
        prompt: text,
        help: text,
        options: z.array(z.strictObject({ value: slug, label: text })).min(2),
      }),
    )
    .min(1),
  rules: z.array(ruleSchema).min(1),
});

export const indexSchema = z.strictObject({
  topics: z.array(slug).min(1),
  licenses: z.record(slug, text),
  license_facts: z.record(slug, z.array(factId).min(1)),
});

export const sourcesSchema = z.strictObject({
  sources: z
    .array(
      z.strictObject({
        id: z.string().regex(/^\d{3}$/),
        title: text,
        publisher: text,
        date: text,
        publishedAt: text,
        scope: text.optional(),
        // What every section restating a dated source must say (see checks/scope-note.ts).
        scope_note: z.strictObject({ answer: text, section: text }).optional(),
      }),
    )
    .min(1),
});

/** knowledge/answer-conditions.yaml: per section, the deciding conditions its answer must keep. */
export const answerConditionsSchema = z.record(slug, z.array(z.strictObject({ says: text, why: text })).min(1));

/** knowledge/caveats.yaml: what the sources do not cover, in the sentences a specialist reviews. */
export const caveatsSchema = z.strictObject({
  caveats: z.array(z.strictObject({ id: slug, text, outside: z.boolean().optional() })),
});

/** knowledge/key-terms.yaml: terms a reason must share with the section it cites. */
export const keyTermsSchema = z.strictObject({ key_terms: z.array(text) });

// The reading's own data (reading/data/): how free questions are read, owned by engineers.

/** reading/data/vocabulary.yaml */
export const readingVocabularySchema = z.strictObject({
  fragments: z.record(z.string().regex(/^[A-Z_]+$/), text),
  stop_words: text,
  weak_words: text,
  synonyms: z.array(z.strictObject({ match: z.array(text).min(1), add: text, weight: z.number().positive().optional() })),
});

/** reading/data/caveats.yaml: the patterns that name each caveat, by the caveat's id. */
export const caveatPatternsSchema = z.strictObject({ caveats: z.record(slug, z.array(text).min(1)) });

/** reading/data/facts/<topic>.yaml: the phrases that state a topic's facts. */
export const factPhrasesSchema = z.strictObject({
  topic: slug,
  phrases: z.array(z.strictObject({ set: z.record(z.string(), z.string()), blocks: z.array(z.string()).optional(), patterns: z.array(text).min(1) })),
});

/** The metadata comment under a guide section's heading: `<!-- about: { topic: ..., ... } -->`. */
export const sectionAboutSchema = z.strictObject({
  topic: slug,
  explains: condition.optional(),
  weight: z.number().positive().optional(),
});

export type IndexInput = z.infer<typeof indexSchema>;
export type TopicInput = z.infer<typeof topicSchema>;
export type RuleInput = z.infer<typeof ruleSchema>;
export type ReadingVocabularyInput = z.infer<typeof readingVocabularySchema>;
export type CaveatsInput = z.infer<typeof caveatsSchema>;
export type CaveatPatternsInput = z.infer<typeof caveatPatternsSchema>;
export type FactPhrasesInput = z.infer<typeof factPhrasesSchema>;
