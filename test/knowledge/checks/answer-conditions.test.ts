import { checkAnswerConditions } from '../../../scripts/knowledge/checks/answer-conditions';
import { Diagnostics, formatDiagnostic, YamlFile } from '../../../scripts/knowledge/diagnostics';
import { KnowledgeCopy, placed } from './fixture';

// knowledge/answer-conditions.yaml names the conditions a one-sentence answer must keep; an edit
// that drops one (the Listed Provider exclusion, the primary user's device) is refused.

const yaml = new YamlFile(
  'knowledge/answer-conditions.yaml',
  'hosting:\n  - { says: "Listed Provider", why: "excluded" }\nghost:\n  - { says: "x", why: "y" }\n',
);

describe('the answer conditions check', () => {
  it('refuses an answer that lost a listed condition and a list for a section that does not exist', () => {
    const diagnostics = new Diagnostics();
    checkAnswerConditions(
      [placed('hosting', 'Yes, for per user licenses on any shared host.')],
      { hosting: [{ says: 'Listed Provider', why: 'excluded' }], ghost: [{ says: 'x', why: 'y' }] },
      yaml,
      diagnostics,
    );
    expect(diagnostics.items.map(formatDiagnostic)).toEqual([
      'knowledge/guide/test.md:7: the answer of section hosting must say "Listed Provider" (excluded; listed in knowledge/answer-conditions.yaml:2)',
      'knowledge/answer-conditions.yaml:4: answer conditions name section ghost, which no guide document has',
    ]);
  });

  it('matches ignoring case and line breaks', () => {
    const diagnostics = new Diagnostics();
    checkAnswerConditions(
      [placed('hosting', 'Never via a QMTH on a listed\nprovider.')],
      { hosting: [{ says: 'Listed Provider', why: 'excluded' }] },
      yaml,
      diagnostics,
    );
    expect(diagnostics.items).toEqual([]);
  });

  describe('in the compiler', () => {
    let copy: KnowledgeCopy;
    beforeEach(() => (copy = new KnowledgeCopy()));
    afterEach(() => copy.remove());

    it('refuses the multitenant hosting answer once it drops the Listed Provider exclusion', () => {
      copy.edit('guide/virtual-machines.md', ', never via a QMTH on a Listed Provider.', '.');
      const line = copy.lineOf('guide/virtual-machines.md', '{#vm-multitenant-hosting}');
      expect(copy.problems()).toContainEqual(
        expect.stringMatching(
          new RegExp(`^knowledge/guide/virtual-machines.md:${line}: the answer of section vm-multitenant-hosting must say "Listed Provider"`),
        ),
      );
    });
  });
});
