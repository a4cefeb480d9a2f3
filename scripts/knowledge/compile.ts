import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { completeCombinations, evaluate, outcomeOf } from '../../core/engine';
import type { GuideDocument, GuideSection } from '../../core/guide';
import { plainText } from '../../reading/text';
import type { Caveat, FactPhrase, KnowledgeModel, SectionMeta, SourceDocument } from '../../core/model';
import type { FactCondition, Requirement, Rule, TopicDefinition, TopicId } from '../../core/types';
import { Diagnostics, YamlFile } from './diagnostics';
import { parseGuideDocument, type ParsedSection } from './guide-markdown';
import { compileQuestions } from './questions';
import { answerConditionsSchema, indexSchema, sourcesSchema, topicSchema, vocabularySchema, type RuleInput, type TopicInput } from './schema';
import { checkAnswerConditions } from './checks/answer-conditions';
import { checkAnswerLength } from './checks/answer-length';
import { checkScopeNotes } from './checks/scope-note';

// The knowledge compiler: reads knowledge/*.yaml, knowledge/topics/*.yaml and
// knowledge/guide/*.md, refuses anything inconsistent (each complaint with file and line), and
// returns the model that emit.ts writes as knowledge/generated/model.ts.

export interface CompileResult {
  model: KnowledgeModel | undefined;
  diagnostics: Diagnostics;
  /** Where each rule and section was written, for reports. */
  places: { rules: Map<string, { file: string; line: number }>; sections: Map<string, { file: string; line: number }> };
}

interface TopicFile {
  yaml: YamlFile;
  input: TopicInput;
}

export function compileKnowledge(root: string): CompileResult {
  const diagnostics = new Diagnostics();
  const places = { rules: new Map<string, { file: string; line: number }>(), sections: new Map<string, { file: string; line: number }>() };
  const knowledgeDir = join(root, 'knowledge');
  const rel = (path: string) => relative(root, path);
  const load = (path: string) => new YamlFile(rel(path), readFileSync(path, 'utf8'));

  const indexFile = load(join(knowledgeDir, 'model.yaml'));
  const index = indexFile.parse(indexSchema, diagnostics);
  const sourcesFile = load(join(knowledgeDir, 'sources.yaml'));
  const sourcesInput = sourcesFile.parse(sourcesSchema, diagnostics);
  const vocabularyFile = load(join(knowledgeDir, 'vocabulary.yaml'));
  const vocabulary = vocabularyFile.parse(vocabularySchema, diagnostics);
  if (!index || !sourcesInput || !vocabulary) return { model: undefined, diagnostics, places };

  const sources = new Map<string, SourceDocument>(
    // The scope note is for the check below; the model keeps what citations show.
    sourcesInput.sources.map(({ scope_note: _note, ...source }) => [source.id, source]),
  );

  // The guide first: rules cite its sections.
  const guideDir = join(knowledgeDir, 'guide');
  const documents: GuideDocument[] = [];
  const parsedSections: ParsedSection[] = [];
  const sectionFile = new Map<string, string>();
  for (const name of readdirSync(guideDir)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const file = rel(join(guideDir, name));
    const parsed = parseGuideDocument(file, name.replace(/\.md$/, ''), readFileSync(join(guideDir, name), 'utf8'), sources, diagnostics);
    documents.push(parsed.document);
    for (const entry of parsed.sections) {
      const earlier = places.sections.get(entry.section.id);
      if (earlier) diagnostics.add(file, entry.line, `section id ${entry.section.id} is already used at ${earlier.file}:${earlier.line}`);
      else places.sections.set(entry.section.id, { file, line: entry.line });
      sectionFile.set(entry.section.id, file);
      parsedSections.push(entry);
    }
  }
  const sectionIds = new Set(parsedSections.map((entry) => entry.section.id));

  // How a one-sentence answer reads alone: its length, the dated source's date and scope, the
  // conditions that decide it.
  const placed = parsedSections.map((entry) => ({ section: entry.section, file: sectionFile.get(entry.section.id)!, line: entry.line }));
  checkAnswerLength(placed, diagnostics);
  checkScopeNotes(placed, new Map(sourcesInput.sources.flatMap((s) => (s.scope_note ? [[s.id, s.scope_note] as const] : []))), diagnostics);
  const conditionsFile = load(join(knowledgeDir, 'answer-conditions.yaml'));
  const conditions = conditionsFile.parse(answerConditionsSchema, diagnostics);
  if (conditions) checkAnswerConditions(placed, conditions, conditionsFile, diagnostics);

  // Topics, in the index's order; every file in topics/ must be listed there.
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

  const licenseIds = new Set(Object.keys(index.licenses));
  const topics = {} as Record<TopicId, TopicDefinition>;
  for (const { yaml, input } of topicFiles) {
    const topic = compileTopic(yaml, input, { diagnostics, sectionIds, licenseIds, places });
    topics[input.id as TopicId] = topic;
  }

  // Every license a recommendation or an answer names has a display name.
  const vm = topicFiles.find((t) => t.input.id === 'virtual-machines');
  for (const option of vm?.input.facts.find((f) => f.id === 'license')?.options ?? []) {
    if (!licenseIds.has(option.value))
      diagnostics.add(indexFile.file, indexFile.lineOf(['licenses']), `license ${option.value} of virtual-machines has no display name under "licenses"`);
  }

  const topicById = new Map(topicFiles.map((t) => [t.input.id, t.input]));
  const sections: Record<string, SectionMeta> = {};
  for (const entry of parsedSections) {
    const file = sectionFile.get(entry.section.id)!;
    const about = entry.about;
    if (!about) continue;
    const topic = topicById.get(about.topic);
    if (about.topic !== 'general' && !topic) {
      diagnostics.add(file, entry.aboutLine, `section ${entry.section.id}: topic ${about.topic} is not a topic of the model (or "general")`);
    }
    for (const [fact, values] of Object.entries(about.explains ?? {})) {
      const definition = topic?.facts.find((f) => f.id === fact);
      if (!definition) {
        diagnostics.add(file, entry.aboutLine, `section ${entry.section.id} explains ${fact}, which topic ${about.topic} does not have`);
        continue;
      }
      for (const value of values.filter((v) => !definition.options.some((o) => o.value === v))) {
        diagnostics.add(file, entry.aboutLine, `section ${entry.section.id} explains ${fact}=${value}, which is not a value of ${fact}`);
      }
    }
    if (!entry.section.answer) {
      diagnostics.add(file, entry.line, `section ${entry.section.id} must open with its one-sentence answer, a plain paragraph under the heading`);
    }
    sections[entry.section.id] = { topic: about.topic as SectionMeta['topic'], weight: about.weight ?? 1, explains: about.explains ?? {} };
  }

  const questions = compileQuestions(load(join(knowledgeDir, 'questions.yaml')), sectionIds, diagnostics);

  checkReasonTerms(topicFiles, vocabulary.key_terms, new Map(parsedSections.map((entry) => [entry.section.id, entry.section])), diagnostics);

  const phrases = topicFiles.flatMap(({ yaml, input }) => compilePhrases(yaml, input, vocabulary.fragments, diagnostics));
  const caveats: Caveat[] = vocabulary.caveats.map((caveat, i) => ({
    id: caveat.id,
    text: caveat.text,
    outside: caveat.outside ?? false,
    patterns: caveat.patterns.map((pattern, j) =>
      checkedPattern(expandFragments(pattern, vocabulary.fragments), vocabularyFile, ['caveats', i, 'patterns', j], diagnostics),
    ),
  }));

  const withoutVersion: Omit<KnowledgeModel, 'version'> = {
    sources: [...sources.values()],
    topics,
    licenses: index.licenses,
    documents,
    sections,
    questions,
    vocabulary: {
      stopWords: words(vocabulary.stop_words),
      weakWords: words(vocabulary.weak_words),
      synonyms: vocabulary.synonyms,
      phrases,
      caveats,
      keyTerms: vocabulary.key_terms,
    },
  };
  if (diagnostics.count) return { model: undefined, diagnostics, places };
  return { model: { version: knowledgeVersion(withoutVersion), ...withoutVersion }, diagnostics, places };
}

interface TopicContext {
  diagnostics: Diagnostics;
  sectionIds: Set<string>;
  licenseIds: Set<string>;
  places: CompileResult['places'];
}

function compileTopic(yaml: YamlFile, input: TopicInput, context: TopicContext): TopicDefinition {
  const { diagnostics } = context;
  const facts = new Map(input.facts.map((fact) => [fact.id, new Set(fact.options.map((o) => o.value))]));
  input.facts.forEach((fact, i) => {
    if (input.facts.findIndex((f) => f.id === fact.id) !== i) diagnostics.add(yaml.file, yaml.lineOf(['facts', i, 'id']), `fact ${fact.id} is defined twice`);
    fact.options.forEach((option, j) => {
      if (fact.options.findIndex((o) => o.value === option.value) !== j)
        diagnostics.add(yaml.file, yaml.lineOf(['facts', i, 'options', j]), `value ${option.value} of ${fact.id} is listed twice`);
    });
  });
  const checkCondition = (condition: FactCondition, path: (string | number)[], what: string) => {
    for (const [fact, values] of Object.entries(condition)) {
      const known = facts.get(fact);
      if (!known) {
        diagnostics.add(
          yaml.file,
          yaml.lineOf([...path, fact]),
          `${what} names fact ${fact}, which topic ${input.id} does not have (facts: ${[...facts.keys()].join(', ')})`,
        );
        continue;
      }
      for (const value of values.filter((v) => !known.has(v))) {
        diagnostics.add(
          yaml.file,
          yaml.lineOf([...path, fact]),
          `${what} names ${fact}=${value}, which is not a value of ${fact} (values: ${[...known].join(', ')})`,
        );
      }
    }
  };

  const rules: Rule[] = input.rules.map((rule, i) => {
    const at = (...path: (string | number)[]) => yaml.lineOf(['rules', i, ...path]);
    const earlier = context.places.rules.get(rule.id);
    if (earlier) diagnostics.add(yaml.file, at('id'), `rule id ${rule.id} is already used at ${earlier.file}:${earlier.line}`);
    else context.places.rules.set(rule.id, { file: yaml.file, line: at() });
    checkRuleShape(rule, yaml, at, context);
    checkCondition(rule.when, ['rules', i, 'when'], `rule ${rule.id}`);
    const requirements: Requirement[] = (rule.requirements ?? []).map((requirement, j) => {
      const normalized: Requirement = typeof requirement === 'string' ? { text: requirement } : requirement;
      if (normalized.needs) checkCondition(normalized.needs, ['rules', i, 'requirements', j, 'needs'], `a requirement of rule ${rule.id}`);
      if (normalized.suggests) checkCondition(normalized.suggests, ['rules', i, 'requirements', j, 'suggests'], `a requirement of rule ${rule.id}`);
      return normalized;
    });
    rule.reasons.forEach((reason, j) => {
      if (!context.sectionIds.has(reason.section)) {
        diagnostics.add(yaml.file, at('reasons', j, 'section'), `rule ${rule.id} cites section ${reason.section}, which no guide document has`);
      }
    });
    const compiled: Rule = {
      id: rule.id,
      kind: rule.kind ?? 'verdict',
      priority: rule.priority ?? 0,
      when: rule.when,
      requirements,
      reasons: rule.reasons,
      ...(rule.verdict ? { verdict: rule.verdict } : {}),
      ...(rule.summary ? { summary: rule.summary } : {}),
      ...(rule.recommended ? { recommended: rule.recommended as Rule['recommended'] } : {}),
    };
    return compiled;
  });

  const topic: TopicDefinition = {
    id: input.id as TopicId,
    title: input.title,
    question: input.question,
    facts: input.facts,
    rules,
  };
  if (!diagnostics.count) {
    checkOverlaps(topic, yaml, diagnostics);
    checkRequirementsHold(topic, yaml, diagnostics);
    checkCoverage(topic, yaml, diagnostics);
  }
  return topic;
}

function checkRuleShape(rule: RuleInput, yaml: YamlFile, at: (...path: (string | number)[]) => number, context: TopicContext): void {
  const { diagnostics } = context;
  if ((rule.kind ?? 'verdict') === 'note') {
    for (const key of ['verdict', 'summary', 'recommended', 'priority'] as const) {
      if (rule[key] !== undefined) diagnostics.add(yaml.file, at(key), `note ${rule.id} only adds advice: it cannot have a ${key}`);
    }
    return;
  }
  if (!rule.verdict) diagnostics.add(yaml.file, at(), `rule ${rule.id} needs a verdict`);
  if (!rule.summary) diagnostics.add(yaml.file, at(), `rule ${rule.id} needs a summary`);
  if (rule.verdict === 'recommendation' && !rule.recommended) diagnostics.add(yaml.file, at(), `recommendation ${rule.id} needs the licenses it recommends`);
  if (rule.verdict !== 'recommendation' && rule.recommended)
    diagnostics.add(yaml.file, at('recommended'), `only a recommendation names licenses; ${rule.id} is ${rule.verdict}`);
  for (const license of rule.recommended ?? []) {
    if (!context.licenseIds.has(license))
      diagnostics.add(yaml.file, at('recommended'), `rule ${rule.id} recommends ${license}, which is not under "licenses" in knowledge/model.yaml`);
  }
}

const canFireTogether = (a: Rule, b: Rule): boolean =>
  Object.entries(a.when).every(([fact, values]) => !(fact in b.when) || values.some((v) => b.when[fact].includes(v)));

/** Two rules that can fire together must agree on what the user sees, or say which one wins. */
function checkOverlaps(topic: TopicDefinition, yaml: YamlFile, diagnostics: Diagnostics): void {
  const verdictRules = topic.rules.map((rule, i) => ({ rule, i })).filter(({ rule }) => rule.kind === 'verdict');
  for (const [n, a] of verdictRules.entries()) {
    for (const b of verdictRules.slice(n + 1)) {
      if (a.rule.priority !== b.rule.priority || !canFireTogether(a.rule, b.rule)) continue;
      const sameOutcome = outcomeOf(a.rule) === outcomeOf(b.rule);
      if (sameOutcome && a.rule.summary === b.rule.summary) continue;
      const what = sameOutcome
        ? 'different summaries'
        : `different verdicts (${a.rule.verdict} / ${b.rule.verdict})${a.rule.verdict === b.rule.verdict ? ' or recommendations' : ''}`;
      diagnostics.add(
        yaml.file,
        yaml.lineOf(['rules', b.i]),
        `rules ${a.rule.id} (line ${yaml.lineOf(['rules', a.i])}) and ${b.rule.id} can fire together with ${what} and the same priority: give one a higher priority`,
      );
    }
  }
}

/**
 * A requirement of a yes (or yes-if) answer must be able to hold under every fact its rule
 * accepts; otherwise the answer could list a requirement the user's facts already break. (On a
 * no, `needs` instead hides a remedy that the facts rule out.)
 */
function checkRequirementsHold(topic: TopicDefinition, yaml: YamlFile, diagnostics: Diagnostics): void {
  topic.rules.forEach((rule, i) => {
    if (rule.kind !== 'verdict' || rule.verdict === 'not-permitted' || rule.verdict === 'refer') return;
    rule.requirements.forEach((requirement, j) => {
      for (const [fact, needed] of Object.entries(requirement.needs ?? {})) {
        const accepted = rule.when[fact];
        if (!accepted || accepted.some((value) => !needed.includes(value))) {
          diagnostics.add(
            yaml.file,
            yaml.lineOf(['rules', i, 'requirements', j]),
            `rule ${rule.id} (${rule.verdict}) lists "${requirement.text}", which needs ${fact} in [${needed.join(', ')}], but the rule also fires for ${fact} ${accepted ? `in [${accepted.filter((v) => !needed.includes(v)).join(', ')}]` : 'unknown or any value'}`,
          );
        }
      }
    });
  });
}

/** Every complete set of facts must reach a verdict. */
function checkCoverage(topic: TopicDefinition, yaml: YamlFile, diagnostics: Diagnostics): void {
  for (const facts of completeCombinations(topic)) {
    if (!evaluate(topic, facts).winners.length) {
      diagnostics.add(
        yaml.file,
        yaml.lineOf(['rules']),
        `no rule decides ${Object.entries(facts)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`,
      );
      return;
    }
  }
}

function compilePhrases(yaml: YamlFile, input: TopicInput, fragments: Record<string, string>, diagnostics: Diagnostics): FactPhrase[] {
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

/**
 * A reason must cite the section that says it: each key term a reason uses must occur in the
 * cited section too (a reason about Microsoft 365 cannot cite a section that never names it).
 */
function checkReasonTerms(topicFiles: TopicFile[], keyTerms: readonly string[], sections: Map<string, GuideSection>, diagnostics: Diagnostics): void {
  const matchers = keyTerms.map((term) => ({ term, regex: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}s?(?![\\p{L}\\p{N}])`, 'iu') }));
  for (const { yaml, input } of topicFiles) {
    input.rules.forEach((rule, i) => {
      rule.reasons.forEach((reason, j) => {
        const section = sections.get(reason.section);
        if (!section) return;
        const cited = `${section.title} ${plainText(section.body)}`;
        for (const { term, regex } of matchers) {
          if (regex.test(reason.text) && !regex.test(cited)) {
            diagnostics.add(
              yaml.file,
              yaml.lineOf(['rules', i, 'reasons', j, 'text']),
              `a reason of rule ${rule.id} speaks of "${term}", but the section it cites (${reason.section}) never does`,
            );
          }
        }
      });
    });
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/**
 * The knowledge version: a hash of the model with runs of white space folded, so reflowing a
 * paragraph, reformatting a YAML file or editing a comment leaves cards already sent valid.
 */
export function knowledgeVersion(model: Omit<KnowledgeModel, 'version'>): string {
  const normalized = JSON.stringify(model, (_key, value: unknown) => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value));
  return createHash('sha256').update(normalized).digest('hex').slice(0, 12);
}
