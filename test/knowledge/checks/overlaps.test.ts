import { checkOverlaps } from '../../../scripts/knowledge/checks/overlaps';
import { complaints, definitionOf, LIGHTS, topicFile } from './support';

describe('overlaps: rules that can fire together agree or say which wins', () => {
  it('accepts two rules with the same verdict and summary', () => {
    const file = topicFile(LIGHTS);
    expect(complaints((d) => checkOverlaps(definitionOf(file), file.yaml, d))).toEqual([]);
  });

  it('refuses two overlapping rules with different summaries and the same priority, at the second rule', () => {
    const file = topicFile(
      LIGHTS.replace('summary: No, the switch is off.\n    reasons: [ { text: No power.', 'summary: No, no power.\n    reasons: [ { text: No power.'),
    );
    const line = file.yaml.lineOf(['rules', 2]);
    expect(complaints((d) => checkOverlaps(definitionOf(file), file.yaml, d))).toEqual([
      expect.stringMatching(
        new RegExp(`^knowledge/topics/lamp.yaml:${line}: rules lamp.dark \\(line \\d+\\) and lamp.unplugged can fire together with different summaries`),
      ),
    ]);
  });

  it('accepts the overlap once one rule has a higher priority', () => {
    const file = topicFile(
      LIGHTS.replace('  - id: lamp.unplugged\n', '  - id: lamp.unplugged\n    priority: 10\n').replace(
        'summary: No, the switch is off.\n    reasons: [ { text: No power.',
        'summary: No, no power.\n    reasons: [ { text: No power.',
      ),
    );
    expect(complaints((d) => checkOverlaps(definitionOf(file), file.yaml, d))).toEqual([]);
  });

  it('does not compare rules that cannot fire together', () => {
    const file = topicFile(
      LIGHTS.replace('when: { plug: [ out ] }', 'when: { lamp: [ on ], plug: [ out ] }').replace(
        'summary: No, the switch is off.\n    reasons: [ { text: No power.',
        'summary: No, no power.\n    reasons: [ { text: No power.',
      ),
    );
    expect(complaints((d) => checkOverlaps(definitionOf(file), file.yaml, d))).toEqual([]);
  });
});
