import { ANSWER_MAX_CHARS } from '../../../core/guide';
import { checkAnswerLength } from '../../../scripts/knowledge/checks/answer-length';
import { Diagnostics, formatDiagnostic } from '../../../scripts/knowledge/diagnostics';
import { KnowledgeCopy, placed } from './fixture';

// A one-sentence answer longer than a Teams preview shows loses its last clause there, which is
// often the condition that decides it; knowledge:check refuses it with the place and the cut.

describe('the answer length check', () => {
  it('accepts an answer of exactly the limit and refuses one character more, naming where the preview would cut', () => {
    const diagnostics = new Diagnostics();
    const fits = `${'a'.repeat(ANSWER_MAX_CHARS - 1)}.`;
    const over = `${'b'.repeat(ANSWER_MAX_CHARS - 10)} only if dedicated.`;
    checkAnswerLength([placed('fits', fits), placed('over', over)], diagnostics);
    expect(diagnostics.items.map(formatDiagnostic)).toEqual([
      `knowledge/guide/test.md:7: the answer of section over is ${over.length} characters, over the ${ANSWER_MAX_CHARS} a preview shows whole (cut there: "…${over.slice(ANSWER_MAX_CHARS - 1)}"); put its deciding conditions first and shorten it`,
    ]);
  });

  describe('in the compiler', () => {
    let copy: KnowledgeCopy;
    beforeEach(() => (copy = new KnowledgeCopy()));
    afterEach(() => copy.remove());

    it('refuses a guide answer that grows past the limit, at the heading of its section', () => {
      copy.edit(
        'guide/refurbished-and-used-pcs.md',
        'the OEM license never moves to a different PC.',
        'the OEM license never moves to a different PC, whatever the buyer or the seller may have been told by anyone at all.',
      );
      const line = copy.lineOf('guide/refurbished-and-used-pcs.md', '{#used-pc-transfer}');
      expect(copy.problems()).toContainEqual(
        expect.stringMatching(
          new RegExp(`^knowledge/guide/refurbished-and-used-pcs.md:${line}: the answer of section used-pc-transfer is \\d+ characters, over the 240`),
        ),
      );
    });
  });
});
