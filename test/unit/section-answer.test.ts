import { oneSentenceAnswer, sectionAnswer } from '../../core/section-answer';
import type { GuideSection } from '../../core/guide';
import { plainText } from '../../core/text';
import { guide } from '../../core/knowledge';

const section = (body: string): GuideSection => ({ id: 's', document: 'd', title: 'The title', answer: '', body, sourceIds: ['001'], source: '' });

describe("a section's one-sentence answer", () => {
  it('is the opening paragraph, as plain text', () => {
    const answer = sectionAnswer(section('**Yes:** a [refurbished PC](#refurbished-definition) keeps it.\n\n- a list\n- after it'));
    expect(answer).toBe('Yes: a refurbished PC keeps it.');
  });

  it('falls back to the title for an empty body, and is undefined as an answer when the paragraph is not one sentence', () => {
    expect(sectionAnswer(section(''))).toBe('The title');
    expect(oneSentenceAnswer(section('First this. Then that.'))).toBeUndefined();
    expect(oneSentenceAnswer(section('Yes: the whole PC, e.g. with its COA.'))).toBe('Yes: the whole PC, e.g. with its COA.');
  });

  it.each([...guide.sections.values()].map((s) => [s.id, s] as const))('%s opens with readable plain text that begins its body', (_id, s) => {
    const answer = sectionAnswer(s);
    expect(answer.length).toBeGreaterThan(40);
    expect(answer).not.toMatch(/\*\*|\]\(|^#|\|/);
    expect(plainText(s.body).startsWith(answer.replace(/[.!?]$/, ''))).toBe(true);
  });
});
