import type { Diagnostics } from '../diagnostics';
import type { GuideEntry, Place } from '../loaded';

/** A section id names one section: rules and links cite it. Returns where each id is written. */
export function checkSectionIds(guide: readonly GuideEntry[], diagnostics: Diagnostics): Map<string, Place> {
  const places = new Map<string, Place>();
  for (const entry of guide) {
    const earlier = places.get(entry.section.id);
    if (earlier) diagnostics.add(entry.file, entry.line, `section id ${entry.section.id} is already used at ${earlier.file}:${earlier.line}`);
    else places.set(entry.section.id, { file: entry.file, line: entry.line });
  }
  return places;
}
