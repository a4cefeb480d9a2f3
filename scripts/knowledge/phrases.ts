import type { Caveat, FactPhrase } from '../../core/model';
import type { TopicId } from '../../core/types';
import type { Diagnostics, YamlFile } from './diagnostics';
import type { Parsed } from './loaded';
import type { CaveatPatternsInput, CaveatsInput, FactPhrasesInput, TopicInput } from './schema';

// Free-question patterns (reading/data/): a topic's fact phrases and the caveats' patterns, with
// their {{FRAGMENT}}s expanded and each checked to be a valid regular expression.

/** One topic's fact phrases, each fact and value checked against the topic, each pattern compiled. */
export function compilePhrases(
  { yaml, input }: Parsed<FactPhrasesInput>,
  topic: TopicInput,
  fragments: Record<string, string>,
  diagnostics: Diagnostics,
): FactPhrase[] {
  return input.phrases.map((phrase, i) => {
    for (const [fact, value] of Object.entries(phrase.set)) {
      const definition = topic.facts.find((f) => f.id === fact);
      if (!definition) diagnostics.add(yaml.file, yaml.lineOf(['phrases', i, 'set', fact]), `phrase sets fact ${fact}, which topic ${topic.id} does not have`);
      else if (!definition.options.some((o) => o.value === value))
        diagnostics.add(yaml.file, yaml.lineOf(['phrases', i, 'set', fact]), `phrase sets ${fact}=${value}, which is not a value of ${fact}`);
    }
    for (const fact of phrase.blocks ?? []) {
      if (!topic.facts.some((f) => f.id === fact))
        diagnostics.add(yaml.file, yaml.lineOf(['phrases', i, 'blocks']), `phrase blocks fact ${fact}, which topic ${topic.id} does not have`);
    }
    return {
      topic: topic.id as TopicId,
      set: phrase.set,
      ...(phrase.blocks ? { blocks: phrase.blocks } : {}),
      patterns: phrase.patterns.map((pattern, j) => compiledPattern(pattern, fragments, yaml, ['phrases', i, 'patterns', j], diagnostics)),
    };
  });
}

/**
 * The caveats: each sentence of knowledge/caveats.yaml with the patterns of reading/data/caveats.yaml
 * under its id. A caveat without patterns would never be shown, and patterns without a caveat
 * would show nothing: both are refused.
 */
export function compileCaveats(
  caveats: Parsed<CaveatsInput>,
  patterns: Parsed<CaveatPatternsInput>,
  fragments: Record<string, string>,
  diagnostics: Diagnostics,
): Caveat[] {
  const ids = new Set(caveats.input.caveats.map((caveat) => caveat.id));
  for (const id of Object.keys(patterns.input.caveats).filter((id) => !ids.has(id))) {
    diagnostics.add(patterns.yaml.file, patterns.yaml.lineOf(['caveats', id]), `patterns for caveat ${id}, which knowledge/caveats.yaml does not have`);
  }
  return caveats.input.caveats.map((caveat, i) => {
    const own = patterns.input.caveats[caveat.id];
    if (!own) diagnostics.add(caveats.yaml.file, caveats.yaml.lineOf(['caveats', i, 'id']), `caveat ${caveat.id} has no patterns in reading/data/caveats.yaml`);
    return {
      id: caveat.id,
      text: caveat.text,
      outside: caveat.outside ?? false,
      patterns: (own ?? []).map((pattern, j) => compiledPattern(pattern, fragments, patterns.yaml, ['caveats', caveat.id, j], diagnostics)),
    };
  });
}

function compiledPattern(pattern: string, fragments: Record<string, string>, yaml: YamlFile, path: (string | number)[], diagnostics: Diagnostics): string {
  const expanded = expandFragments(pattern, fragments);
  if (expanded.includes('{{')) {
    diagnostics.add(yaml.file, yaml.lineOf(path), `unknown fragment in ${pattern} (fragments: ${Object.keys(fragments).join(', ')})`);
  }
  return checkedPattern(expanded, yaml, path, diagnostics);
}

/** `{{NAME}}` stands for a fragment of reading/data/vocabulary.yaml; fragments may use other fragments. */
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
