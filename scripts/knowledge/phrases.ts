import type { Caveat, FactPhrase } from '../../core/model';
import type { TopicId } from '../../core/types';
import type { Diagnostics, YamlFile } from './diagnostics';
import type { TopicFile } from './loaded';
import type { VocabularyInput } from './schema';

// Free-question patterns: a topic's fact phrases and the vocabulary's caveats, with their
// {{FRAGMENT}}s expanded and each checked to be a valid regular expression.

export function compilePhrases({ yaml, input }: TopicFile, fragments: Record<string, string>, diagnostics: Diagnostics): FactPhrase[] {
  return (input.phrases ?? []).map((phrase, i) => {
    for (const [fact, value] of Object.entries(phrase.set)) {
      const definition = input.facts.find((f) => f.id === fact);
      if (!definition) diagnostics.add(yaml.file, yaml.lineOf(['phrases', i, 'set', fact]), `phrase sets fact ${fact}, which topic ${input.id} does not have`);
      else if (!definition.options.some((o) => o.value === value))
        diagnostics.add(yaml.file, yaml.lineOf(['phrases', i, 'set', fact]), `phrase sets ${fact}=${value}, which is not a value of ${fact}`);
    }
    for (const fact of phrase.blocks ?? []) {
      if (!input.facts.some((f) => f.id === fact))
        diagnostics.add(yaml.file, yaml.lineOf(['phrases', i, 'blocks']), `phrase blocks fact ${fact}, which topic ${input.id} does not have`);
    }
    return {
      topic: input.id as TopicId,
      set: phrase.set,
      ...(phrase.blocks ? { blocks: phrase.blocks } : {}),
      patterns: phrase.patterns.map((pattern, j) => {
        const expanded = expandFragments(pattern, fragments);
        if (expanded.includes('{{'))
          diagnostics.add(
            yaml.file,
            yaml.lineOf(['phrases', i, 'patterns', j]),
            `unknown fragment in ${pattern} (fragments: ${Object.keys(fragments).join(', ')})`,
          );
        return checkedPattern(expanded, yaml, ['phrases', i, 'patterns', j], diagnostics);
      }),
    };
  });
}

export function compileCaveats(vocabulary: VocabularyInput, vocabularyFile: YamlFile, diagnostics: Diagnostics): Caveat[] {
  return vocabulary.caveats.map((caveat, i) => ({
    id: caveat.id,
    text: caveat.text,
    outside: caveat.outside ?? false,
    patterns: caveat.patterns.map((pattern, j) =>
      checkedPattern(expandFragments(pattern, vocabulary.fragments), vocabularyFile, ['caveats', i, 'patterns', j], diagnostics),
    ),
  }));
}

/** `{{NAME}}` stands for a fragment of vocabulary.yaml; fragments may use other fragments. */
export function expandFragments(pattern: string, fragments: Record<string, string>): string {
  let out = pattern;
  for (let depth = 0; depth < 5 && out.includes('{{'); depth++) {
    out = out.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => fragments[name] ?? whole);
  }
  return out;
}

function checkedPattern(pattern: string, yaml: YamlFile, path: (string | number)[], diagnostics: Diagnostics): string {
  try {
    new RegExp(pattern);
  } catch (error) {
    diagnostics.add(yaml.file, yaml.lineOf(path), `not a valid pattern: ${(error as Error).message}`);
  }
  return pattern;
}
