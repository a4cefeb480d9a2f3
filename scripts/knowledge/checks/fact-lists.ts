import type { Diagnostics } from '../diagnostics';
import type { TopicFile } from '../loaded';

/** A fact is defined once, and each of its values is listed once (the interview shows one button per value). */
export function checkFactLists({ yaml, input }: TopicFile, diagnostics: Diagnostics): void {
  input.facts.forEach((fact, i) => {
    if (input.facts.findIndex((f) => f.id === fact.id) !== i) diagnostics.add(yaml.file, yaml.lineOf(['facts', i, 'id']), `fact ${fact.id} is defined twice`);
    fact.options.forEach((option, j) => {
      if (fact.options.findIndex((o) => o.value === option.value) !== j)
        diagnostics.add(yaml.file, yaml.lineOf(['facts', i, 'options', j]), `value ${option.value} of ${fact.id} is listed twice`);
    });
  });
}
