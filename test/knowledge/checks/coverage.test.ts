import { checkCoverage } from '../../../scripts/knowledge/checks/coverage';
import { complaints, definitionOf, LIGHTS, topicFile } from './support';

describe('coverage: every complete set of facts reaches a verdict', () => {
  it('accepts rules that decide every combination', () => {
    const file = topicFile(LIGHTS);
    expect(complaints((d) => checkCoverage(definitionOf(file), file.yaml, d))).toEqual([]);
  });

  it('names the first combination no rule decides', () => {
    const file = topicFile(LIGHTS.split('  - id: lamp.unplugged')[0]);
    expect(complaints((d) => checkCoverage(definitionOf(file), file.yaml, d))).toEqual([
      expect.stringMatching(/^knowledge\/topics\/lamp\.yaml:\d+: no rule decides lamp=on plug=out$/),
    ]);
  });
});
