import { checkRequirementsHold } from '../../../scripts/knowledge/checks/requirements-hold';
import { complaints, definitionOf, LIGHTS, topicFile } from './support';

const withRequirement = (needs: string) =>
  topicFile(
    LIGHTS.replace('    summary: Yes, it lights.\n', `    summary: Yes, it lights.\n    requirements: [ { text: Keep it plugged in., needs: ${needs} } ]\n`),
  );

describe('requirements-hold: a yes never lists a requirement its own facts break', () => {
  it('accepts a requirement the rule already implies', () => {
    const file = withRequirement('{ plug: [ in ] }');
    expect(complaints((d) => checkRequirementsHold(definitionOf(file), file.yaml, d))).toEqual([]);
  });

  it('refuses a requirement that fails under a value the rule accepts', () => {
    const file = withRequirement('{ plug: [ out ] }');
    expect(complaints((d) => checkRequirementsHold(definitionOf(file), file.yaml, d))).toEqual([
      expect.stringMatching(
        /lamp\.yaml:\d+: rule lamp\.lights \(permitted\) lists "Keep it plugged in\.", which needs plug in \[out\], but the rule also fires for plug in \[in\]/,
      ),
    ]);
  });

  it('lets a no answer carry a remedy that needs other facts', () => {
    const file = topicFile(
      LIGHTS.replace(
        '    summary: No, the switch is off.\n    reasons: [ { text: No switch.',
        '    summary: No, the switch is off.\n    requirements: [ { text: Switch it on., needs: { lamp: [ on ] } } ]\n    reasons: [ { text: No switch.',
      ),
    );
    expect(complaints((d) => checkRequirementsHold(definitionOf(file), file.yaml, d))).toEqual([]);
  });
});
