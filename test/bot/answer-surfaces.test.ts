import { linkify } from '../../cards/links';
import { answerFreeText } from '../../bot/free-text';
import { answerGuideSearch, SEARCH_COMMAND_ID } from '../../bot/guide-search-extension';
import { answerQueryLink } from '../../bot/link-unfurl';
import { runCli } from '../../cli/run';
import { guide } from '../../core/knowledge';
import { search } from '../../reading/search';
import { guideUrl } from '../../core/urls';
import type { ExtensionResponse } from '../../bot/extension-response';
import { BASE_URL } from '../support/activities';
import { cardText, type Attachment } from '../support/cards';

// A section's one-sentence answer is read alone in every surface that shows it: the Teams preview
// of an inserted or unfurled section, the free-question result card, the message extension and
// the CLI. None may cut it, or the clause cut off (often the deciding condition) is lost.

const sections = [...guide.sections.values()];

interface Listed {
  preview?: { content: { text?: string } };
}
const attachmentsOf = (body: ExtensionResponse) => (body as { composeExtension: { attachments: (Attachment & Listed)[] } }).composeExtension.attachments;

describe('no surface cuts a one-sentence answer', () => {
  it.each(sections.map((s) => [s.id, s] as const))('the unfurled link to %s previews its whole answer', (_id, section) => {
    const [card] = attachmentsOf(answerQueryLink({ url: guideUrl(BASE_URL, section.document, section.id) }, BASE_URL).body);
    expect(card.preview!.content.text).toBe(section.answer);
    expect(cardText(card)).toContain(section.answer);
  });

  it('the message extension previews every section it lists with its whole answer', () => {
    const shown = new Map<string, string>();
    for (const section of sections) {
      const value = { commandId: SEARCH_COMMAND_ID, parameters: [{ name: 'query', value: section.title }] };
      for (const card of attachmentsOf(answerGuideSearch(value, BASE_URL).body)) shown.set(card.preview!.content.text ?? '', cardText(card));
    }
    const answers = new Set(sections.map((s) => s.answer));
    // Every preview is some section's whole answer; a clipped one would match none.
    for (const [preview, text] of shown) {
      expect(answers.has(preview)).toBe(true);
      expect(text).toContain(preview);
    }
    expect(shown.size).toBeGreaterThan(sections.length / 2);
  });

  // A web address in an answer is a link on the card, the same words around it.
  it('the free-question card shows each result it lists with its whole answer', () => {
    for (const section of sections) {
      const hits = search(section.title, { baseUrl: BASE_URL }).results.slice(0, 3);
      const text = cardText(answerFreeText(section.title, { baseUrl: BASE_URL }).reply);
      for (const hit of hits)
        expect({ section: hit.section, whole: text.includes(linkify(guide.sections.get(hit.section)!.answer)) }).toEqual({ section: hit.section, whole: true });
    }
  });

  it('the CLI prints each result of a question with its whole answer', () => {
    for (const section of sections.slice(0, 12)) {
      const { code, stdout } = runCli(['ask', section.title]);
      expect(code).toBe(0);
      for (const hit of search(section.title, { baseUrl: BASE_URL }).results) expect(stdout).toContain(guide.sections.get(hit.section)!.answer);
    }
  });
});
