import type { GuideSection } from './guide';
import { plainText } from './text';

// Every guide section opens with a one-sentence answer paragraph right under its heading; that
// sentence is what a search hit, an inserted card or an unfurled link shows, because it answers
// on its own where an extract from the middle of a table does not.

/** The section's opening paragraph as plain text (its first block, whatever kind it is). */
export function sectionAnswer(section: GuideSection): string {
  if (section.answer) return section.answer;
  const first = section.body.split(/\n\s*\n/).find((block) => block.trim() !== '') ?? '';
  return plainText(first) || section.title;
}

/**
 * The opening paragraph when it is the one sentence the guide's convention puts there, else
 * undefined: a reference section such as the glossary opens with how to read it instead.
 */
export function oneSentenceAnswer(section: GuideSection): string | undefined {
  const answer = sectionAnswer(section);
  // A sentence ends where a capital follows, so "e.g. with" does not split one.
  return (answer.match(/[.!?](?=\s+["\u201c(]?[A-Z]|\s*$)/g) ?? []).length === 1 ? answer : undefined;
}
