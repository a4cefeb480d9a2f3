import { completeCombinations, evaluate } from '../../core/engine';
import type { KnowledgeModel } from '../../core/model';
import type { CompileResult } from './compile';

// What `npm run knowledge:check` and `npm run knowledge:verdicts` print: a reviewer's view of
// the model, not the code's.

export function modelReport(model: KnowledgeModel, places: CompileResult['places']): string {
  const lines: string[] = [`Knowledge model ${model.version}`, ''];
  const cited = new Set<string>();
  for (const topic of Object.values(model.topics)) {
    lines.push(`## ${topic.id}: ${topic.question}`);
    lines.push(`facts: ${topic.facts.map((fact) => `${fact.id} (${fact.options.map((o) => o.value).join(' | ')})`).join('; ')}`);
    for (const rule of topic.rules) {
      const sections = [...new Set(rule.reasons.map((reason) => reason.section))];
      sections.forEach((s) => cited.add(s));
      const where = places.rules.get(rule.id);
      const when =
        Object.entries(rule.when)
          .map(([fact, values]) => `${fact}=${values.join('|')}`)
          .join(' ') || '(always)';
      const kind = rule.kind === 'note' ? 'note' : `${rule.verdict}${rule.priority ? `, priority ${rule.priority}` : ''}`;
      lines.push(`  ${rule.id} [${kind}] when ${when}`);
      lines.push(`      cites ${sections.join(', ')}${where ? `  (${where.file}:${where.line})` : ''}`);
    }
    lines.push('');
  }
  const uncited = Object.keys(model.sections).filter((id) => !cited.has(id));
  lines.push(`Sections cited by no rule (reached by search only): ${uncited.length ? uncited.join(', ') : 'none'}`);
  lines.push(
    `${Object.keys(model.topics).length} topics, ${Object.values(model.topics).reduce((n, t) => n + t.rules.length, 0)} rules, ${Object.keys(model.sections).length} sections, ${model.vocabulary.phrases.length} fact phrases, ${model.vocabulary.caveats.length} caveats.`,
  );
  return lines.join('\n');
}

/** One line per complete fact combination: diff two versions of this to review a change. */
export function verdictTable(model: KnowledgeModel, onlyTopic?: string): string {
  const lines: string[] = [];
  for (const topic of Object.values(model.topics)) {
    if (onlyTopic && topic.id !== onlyTopic) continue;
    for (const facts of completeCombinations(topic)) {
      const { winners } = evaluate(topic, facts);
      const lead = winners[0];
      const recommended = lead?.recommended ? ` [${lead.recommended.join(', ')}]` : '';
      lines.push(
        `${topic.id} ${Object.entries(facts)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')} -> ${lead?.verdict ?? 'none'}${recommended} (${winners.map((r) => r.id).join(', ')})`,
      );
    }
  }
  return lines.join('\n');
}
