import MiniSearch from 'minisearch';
import { guide, model } from '../core/knowledge';
import { lazy } from './lazy';
import { Speller, speller } from './spelling';
import { term } from './terms';
import { normalizeText, plainText, separateRunTogether, words } from './text';

// The guide as the reading searches it: one MiniSearch index of every section, the guide's own
// terms, a speller over every word the product knows, and each section's plain text for
// snippets. Built once per process from the embedded guide, on the first free question.

export interface GuideIndex {
  engine: MiniSearch;
  /** Every term the guide (titles, plain questions, answers, bodies) uses. */
  vocabulary: Set<string>;
  speller: Speller;
  plain: Map<string, string>;
  /** The guide's order of sections: ties in score keep it. */
  order: Map<string, number>;
}

/** The search terms of a text: its words, filler left out, stemmed. */
export function analyze(text: string): string[] {
  return words(text)
    .map((w) => term(w.word))
    .filter((t): t is string => t !== null);
}

export const guideIndex = lazy((): GuideIndex => {
  const sections = [...guide.sections.values()];
  const engine = new MiniSearch({
    // The answer sentence is what a section says; a section that only shares words with the
    // question further down ranks below the one whose answer uses them. `asks` holds the plain
    // questions people ask that the section answers (knowledge/questions.yaml).
    fields: ['title', 'asks', 'answer', 'body'],
    tokenize: (text) => words(text).map((w) => w.word),
    processTerm: (word) => term(word) ?? null,
  });
  const documents = sections.map((s) => ({
    id: s.id,
    title: s.title,
    asks: (model.questions[s.id] ?? []).join('\n'),
    answer: s.answer,
    body: plainText(s.body, 'drop'),
  }));
  const vocabulary = new Set<string>();
  const surface = new Set<string>();
  for (const d of documents) {
    for (const w of words(`${d.title} ${d.asks} ${d.body}`)) {
      surface.add(w.word);
      const t = term(w.word);
      if (t) vocabulary.add(t);
    }
  }
  engine.addAll(documents);
  return {
    engine,
    vocabulary,
    speller: speller([...surface, ...knownWords()]),
    plain: new Map(sections.map((s) => [s.id, plainText(s.body)])),
    order: new Map(sections.map((s, i) => [s.id, i])),
  };
});

/** Words the product reads besides the guide's: synonyms, filler, and the words of its patterns. */
function knownWords(): string[] {
  const { vocabulary: v } = model;
  const literal = (pattern: string) => pattern.replace(/\\[a-z]/g, ' ').match(/[a-z]{4,}/g) ?? [];
  return [
    ...v.stopWords,
    ...v.weakWords,
    ...v.synonyms.flatMap((s) => s.match.flatMap((m) => words(m).map((w) => w.word))),
    ...v.phrases.flatMap((p) => p.patterns.flatMap(literal)),
    ...v.caveats.flatMap((c) => c.patterns.flatMap(literal)),
  ];
}

/**
 * The text as the search reads it: normalized, words typed together pulled apart, and slips
 * one letter away from a known word put right. The fact phrases and caveats read it too.
 */
export function readable(text: string): string {
  const { speller: spell } = guideIndex();
  return separateRunTogether(normalizeText(text)).replace(/\p{L}{5,}/gu, (word) => spell.correct(word));
}
