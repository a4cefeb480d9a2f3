import { checkScopeNotes } from '../../../scripts/knowledge/checks/scope-note';
import { Diagnostics, formatDiagnostic } from '../../../scripts/knowledge/diagnostics';
import { KnowledgeCopy, placed } from './fixture';

// A section restating a dated source must say the date in its answer and the source's scope in
// its text, so an answer read alone is not taken for today's rule.

const notes = new Map([['004', { answer: 'April 2020', section: 'covers Windows 10 only' }]]);

describe('the scope note check', () => {
  it('accepts a dated, scoped section and ignores sources without a note', () => {
    const diagnostics = new Diagnostics();
    checkScopeNotes(
      [
        placed('dated', 'The April 2020 brief: yes.', { body: 'The April 2020 brief: yes.\n\nThe brief covers Windows 10 only.', sourceIds: ['004'] }),
        placed('undated-source', 'Yes, always.', { sourceIds: ['002'] }),
      ],
      notes,
      diagnostics,
    );
    expect(diagnostics.items).toEqual([]);
  });

  it('refuses an answer without the date and a section without the scope, each once', () => {
    const diagnostics = new Diagnostics();
    checkScopeNotes([placed('bare', 'Yes, on any server.', { sourceIds: ['004'] })], notes, diagnostics);
    expect(diagnostics.items.map(formatDiagnostic)).toEqual([
      'knowledge/guide/test.md:7: section bare restates [004], so its answer must name the source\'s date: "April 2020"',
      'knowledge/guide/test.md:7: section bare restates [004], so it must carry the source\'s scope note: "covers Windows 10 only"',
    ]);
  });

  describe('in the compiler', () => {
    let copy: KnowledgeCopy;
    beforeEach(() => (copy = new KnowledgeCopy()));
    afterEach(() => copy.remove());

    it("refuses a virtual machine section whose answer drops the brief's date", () => {
      copy.edit('guide/virtual-machines.md', 'No: the April 2020 brief is information only;', 'No: the brief is information only;');
      const line = copy.lineOf('guide/virtual-machines.md', '{#vm-disclaimer}');
      expect(copy.problems()).toContain(
        `knowledge/guide/virtual-machines.md:${line}: section vm-disclaimer restates [004], so its answer must name the source's date: "April 2020"`,
      );
    });

    it('refuses a new section of the 2009 page without its age note', () => {
      copy.edit(
        'guide/refurbished-and-used-pcs.md',
        /\n## Can a used PC be sold/,
        "\n## Is a cleaned PC refurbished? {#cleaned-pc}\n<!-- about: { topic: refurbished-pc } -->\n\nUnder Microsoft's 2009 OEM guidance, cleaning alone does not make a refurbished PC; the page lists wiping, testing and minor repair of defective parts as the work that does.\n\nA longer body that says more about cleaning, testing, wiping and repairing used PCs for their next owners, in enough words.\n\nSource: [001]\n\n## Can a used PC be sold",
      );
      const line = copy.lineOf('guide/refurbished-and-used-pcs.md', '{#cleaned-pc}');
      expect(copy.problems()).toEqual([
        `knowledge/guide/refurbished-and-used-pcs.md:${line}: section cleaned-pc restates [001], so it must carry the source's scope note: "many years old"`,
      ]);
    });
  });
});
