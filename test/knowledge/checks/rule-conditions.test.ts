import { checkRuleConditions } from '../../../scripts/knowledge/checks/rule-conditions';
import { complaints, LIGHTS, topicFile } from './support';

describe('rule-conditions: rules and requirements name only facts and values the topic has', () => {
  it('accepts the names of the topic', () => {
    expect(complaints((d) => checkRuleConditions(topicFile(LIGHTS), d))).toEqual([]);
  });

  it('names a misspelt value at its line, with the valid values', () => {
    const file = topicFile(LIGHTS.replace('when: { lamp: [ off ] }', 'when: { lamp: [ of ] }'));
    const line = file.yaml.lineOf(['rules', 1, 'when', 'lamp']);
    expect(complaints((d) => checkRuleConditions(file, d))).toEqual([
      `knowledge/topics/lamp.yaml:${line}: rule lamp.dark names lamp=of, which is not a value of lamp (values: on, off)`,
    ]);
  });

  it('names an unknown fact in a requirement’s suggests', () => {
    const file = topicFile(
      LIGHTS.replace(
        '    summary: No, the switch is off.\n    reasons: [ { text: No switch.',
        '    summary: No, the switch is off.\n    requirements: [ { text: Use a torch., suggests: { torch: [ yes ] } } ]\n    reasons: [ { text: No switch.',
      ),
    );
    expect(complaints((d) => checkRuleConditions(file, d))).toEqual([
      expect.stringMatching(/: a requirement of rule lamp\.dark names fact torch, which topic lamp does not have \(facts: lamp, plug\)$/),
    ]);
  });

  it('names a value a reason’s needs does not have', () => {
    const file = topicFile(
      LIGHTS.replace(
        'reasons: [ { text: No power., section: lamp-basics } ]',
        'reasons: [ { text: No power., section: lamp-basics, needs: { plug: [ unplugged ] } } ]',
      ),
    );
    expect(complaints((d) => checkRuleConditions(file, d))).toEqual([
      expect.stringMatching(/: a reason of rule lamp\.unplugged names plug=unplugged, which is not a value of plug \(values: in, out\)$/),
    ]);
  });
});
