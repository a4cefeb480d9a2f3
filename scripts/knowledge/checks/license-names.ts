import type { Diagnostics } from '../diagnostics';
import type { LoadedKnowledge } from '../loaded';

/**
 * model.yaml says under `license_facts` which facts hold licenses. Each value of those facts
 * needs a display name under `licenses` (answers and recommendations show it), and each display
 * name must be a license some such fact can hold or some rule recommends: a name nothing uses is
 * a misspelling waiting to happen.
 */
export function checkLicenseNames({ index, indexFile, topicFiles }: LoadedKnowledge, diagnostics: Diagnostics): void {
  const named = new Set(Object.keys(index.licenses));
  const held = new Set(topicFiles.flatMap((t) => t.input.rules.flatMap((rule) => rule.recommended ?? [])));
  for (const [topicId, factIds] of Object.entries(index.license_facts)) {
    const topic = topicFiles.find((t) => t.input.id === topicId)?.input;
    if (!topic) {
      diagnostics.add(indexFile.file, indexFile.lineOf(['license_facts', topicId]), `license_facts names topic ${topicId}, which the model does not have`);
      continue;
    }
    for (const factId of factIds) {
      const fact = topic.facts.find((f) => f.id === factId);
      if (!fact) {
        diagnostics.add(
          indexFile.file,
          indexFile.lineOf(['license_facts', topicId]),
          `license_facts names fact ${factId}, which topic ${topicId} does not have`,
        );
        continue;
      }
      for (const { value } of fact.options) {
        held.add(value);
        if (!named.has(value))
          diagnostics.add(indexFile.file, indexFile.lineOf(['licenses']), `license ${value} of ${topicId} has no display name under "licenses"`);
      }
    }
  }
  for (const license of named) {
    if (!held.has(license))
      diagnostics.add(
        indexFile.file,
        indexFile.lineOf(['licenses', license]),
        `license ${license} is neither a value of a fact under "license_facts" nor recommended by any rule`,
      );
  }
}
