import { checkRuleShape } from '../../../scripts/knowledge/checks/rule-shape';
import { complaints, LIGHTS, topicFile } from './support';

const licenses = new Set(['bulb']);

describe('rule-shape: verdicts, notes and recommendations carry what each needs', () => {
  it('accepts well-formed rules', () => {
    expect(complaints((d) => checkRuleShape(topicFile(LIGHTS), licenses, d))).toEqual([]);
  });

  it('refuses a note with a verdict', () => {
    const file = topicFile(
      `${LIGHTS}  - id: lamp.tip\n    kind: note\n    verdict: permitted\n    when: { lamp: [ on ] }\n    reasons: [ { text: Tip., section: lamp-basics } ]\n`,
    );
    expect(complaints((d) => checkRuleShape(file, licenses, d))).toEqual([
      expect.stringMatching(/: note lamp\.tip only adds advice: it cannot have a verdict$/),
    ]);
  });

  it('refuses a recommendation of a license model.yaml does not name, and licenses on a non-recommendation', () => {
    const file = topicFile(
      LIGHTS.replace('    verdict: permitted\n', '    verdict: recommendation\n    recommended: [ candle ]\n').replace(
        '    verdict: not-permitted\n    summary: No, the switch is off.\n    reasons: [ { text: No switch.',
        '    verdict: not-permitted\n    recommended: [ bulb ]\n    summary: No, the switch is off.\n    reasons: [ { text: No switch.',
      ),
    );
    expect(complaints((d) => checkRuleShape(file, licenses, d))).toEqual([
      expect.stringMatching(/: rule lamp\.lights recommends candle, which is not under "licenses" in knowledge\/model\.yaml$/),
      expect.stringMatching(/: only a recommendation names licenses; lamp\.dark is not-permitted$/),
    ]);
  });
});
