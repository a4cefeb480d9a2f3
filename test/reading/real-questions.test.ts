import { join } from 'path';
import { search } from '../../reading/search';
import { describeWithShared } from '../support/shared-folder';
import { BARS, evalDir, evaluate, figures, labelsFile, loadAllowedFacts, loadSets, type QuestionOutcome } from '../../reading/eval/evaluate';

// The development sets of questions people asked in public forums, kept beside the repository
// (../shared/eval/, as in CI). They are read, never copied: the askers' words stay there. The
// figures and their definitions are the ones `npm run eval:questions` prints (reading/eval/).
const root = join(__dirname, '..', '..');
const allowed = loadAllowedFacts(labelsFile(root));

/** "holds", or what fell short and on which questions, so a failure names them. */
function holds(missed: QuestionOutcome[], of: number, floor: number): string {
  const share = (of - missed.length) / Math.max(1, of);
  return share >= floor ? 'holds' : `${Math.round(share * 100)}% < ${floor * 100}%, missed ${missed.map((o) => o.id).join(' ')}`;
}

describeWithShared('real questions', [evalDir(root)], () => {
  const sets = loadSets(evalDir(root));
  const outcomes = evaluate(sets, (text) => search(text), allowed).flatMap((r) => r.outcomes);
  const answerable = outcomes.filter((o) => o.answerable);
  const total = figures(outcomes);

  describe(`real questions from public forums (${sets.map((s) => `${s.name}: ${s.questions.length}`).join(', ')})`, () => {
    test('both development sets are read', () => {
      expect(sets.map((s) => s.name)).toEqual(expect.arrayContaining(['real-questions-dev.jsonl', 'real-questions-dev-2.jsonl']));
    });

    test(`the top section belongs to an acceptable topic for at least ${BARS.topTopicRight * 100}% of the answerable questions`, () => {
      expect(
        holds(
          answerable.filter((o) => !o.topTopicRight),
          answerable.length,
          BARS.topTopicRight,
        ),
      ).toBe('holds');
    });

    test(`a section that answers the question is in the top three for at least ${BARS.relevantInTop3 * 100}% of them`, () => {
      expect(
        holds(
          answerable.filter((o) => !o.relevantInTop3),
          answerable.length,
          BARS.relevantInTop3,
        ),
      ).toBe('holds');
    });

    test('no check pre-fills a fact the question does not state (negated and version-derived facts count as wrong)', () => {
      expect(outcomes.filter((o) => o.wrongFacts.length).map((o) => `${o.id}: ${o.wrongFacts.join(', ')}`)).toEqual([]);
    });

    test('at most one answerable question gets a check for the wrong topic', () => {
      const wrong = answerable.filter((o) => o.wrongCheck);
      expect(wrong.length <= BARS.wrongChecks ? 'holds' : wrong.map((o) => `${o.id}: ${o.suggestedTopic}`).join('; ')).toBe('holds');
    });

    test(`at least ${BARS.outOfScopeHandled * 100}% of the questions the sources do not answer get no check or a caveat`, () => {
      const outside = outcomes.filter((o) => !o.answerable);
      expect(
        holds(
          outside.filter((o) => !o.outOfScopeHandled),
          total.outOfScope,
          BARS.outOfScopeHandled,
        ),
      ).toBe('holds');
    });

    test('every hand label names a question of the sets, and every answerable question has a label', () => {
      const ids = new Set(outcomes.map((o) => o.id));
      for (const id of Object.keys(allowed)) expect(ids).toContain(id);
      for (const o of answerable) expect(Object.keys(allowed)).toContain(o.id);
    });
  });
});
