import type { Diagnostics, YamlFile } from '../diagnostics';
import type { SectionPlace } from './section-place';

/**
 * knowledge/answer-conditions.yaml lists, per section, the conditions that decide its answer and
 * that a reader of the answer alone must see (a Listed Provider behind the host, the primary
 * user's device, the eligible programs). An edit that drops one from the answer is refused.
 */
export type AnswerConditions = Readonly<Record<string, readonly { says: string; why: string }[]>>;

export function checkAnswerConditions(sections: readonly SectionPlace[], conditions: AnswerConditions, yaml: YamlFile, diagnostics: Diagnostics): void {
  const byId = new Map(sections.map((place) => [place.section.id, place]));
  for (const [id, list] of Object.entries(conditions)) {
    const place = byId.get(id);
    if (!place) {
      diagnostics.add(yaml.file, yaml.lineOf([id]), `answer conditions name section ${id}, which no guide document has`);
      continue;
    }
    const answer = folded(place.section.answer);
    for (const [i, condition] of list.entries()) {
      if (!answer.includes(folded(condition.says))) {
        diagnostics.add(
          place.file,
          place.line,
          `the answer of section ${id} must say "${condition.says}" (${condition.why}; listed in ${yaml.file}:${yaml.lineOf([id, i])})`,
        );
      }
    }
  }
}

const folded = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();
