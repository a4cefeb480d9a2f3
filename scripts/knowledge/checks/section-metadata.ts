import type { SectionMeta } from '../../../core/model';
import type { Diagnostics } from '../diagnostics';
import type { GuideEntry, TopicFile } from '../loaded';

/**
 * Each section's metadata names a topic of the model (or "general") and only fact values that
 * topic has, and the section opens with its one-sentence answer. Returns the sections' metadata.
 */
export function checkSectionMetadata(guide: readonly GuideEntry[], topicFiles: readonly TopicFile[], diagnostics: Diagnostics): Record<string, SectionMeta> {
  const topicById = new Map(topicFiles.map((t) => [t.input.id, t.input]));
  const sections: Record<string, SectionMeta> = {};
  for (const entry of guide) {
    const { file, about } = entry;
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
  return sections;
}
