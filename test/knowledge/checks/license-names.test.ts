import { checkLicenseNames } from '../../../scripts/knowledge/checks/license-names';
import { YamlFile } from '../../../scripts/knowledge/diagnostics';
import type { LoadedKnowledge } from '../../../scripts/knowledge/loaded';
import { indexSchema } from '../../../scripts/knowledge/schema';
import { complaints, LIGHTS, topicFile } from './support';

// Which facts hold licenses is data in model.yaml (`license_facts`), not a topic name in code:
// a second topic with a license fact gets the same check by adding one line.

function knowledge(indexYaml: string, rules = LIGHTS): LoadedKnowledge {
  const indexFile = new YamlFile('knowledge/model.yaml', indexYaml);
  const index = indexSchema.parse(indexFile.value);
  return { indexFile, index, topicFiles: [topicFile(rules)] } as unknown as LoadedKnowledge;
}

describe('license-names: every license a user can hold or be recommended has one display name', () => {
  it('accepts a license fact whose values all have names', () => {
    const loaded = knowledge('topics: [ lamp ]\nlicenses: { in: Mains, out: Battery }\nlicense_facts: { lamp: [ plug ] }\n');
    expect(complaints((d) => checkLicenseNames(loaded, d))).toEqual([]);
  });

  it('names a value of a license fact with no display name', () => {
    const loaded = knowledge('topics: [ lamp ]\nlicenses: { in: Mains }\nlicense_facts: { lamp: [ plug ] }\n');
    expect(complaints((d) => checkLicenseNames(loaded, d))).toEqual(['knowledge/model.yaml:2: license out of lamp has no display name under "licenses"']);
  });

  it('names a display name nothing holds or recommends, and a license fact the topic lacks', () => {
    const loaded = knowledge('topics: [ lamp ]\nlicenses: { in: Mains, out: Battery, solar: Solar }\nlicense_facts: { lamp: [ plug, bulb ] }\n');
    expect(complaints((d) => checkLicenseNames(loaded, d))).toEqual([
      'knowledge/model.yaml:3: license_facts names fact bulb, which topic lamp does not have',
      'knowledge/model.yaml:2: license solar is neither a value of a fact under "license_facts" nor recommended by any rule',
    ]);
  });

  it('counts a license a rule recommends as used', () => {
    const rules = LIGHTS.replace('    verdict: permitted\n', '    verdict: recommendation\n    recommended: [ solar ]\n');
    const loaded = knowledge('topics: [ lamp ]\nlicenses: { in: Mains, out: Battery, solar: Solar }\nlicense_facts: { lamp: [ plug ] }\n', rules);
    expect(complaints((d) => checkLicenseNames(loaded, d))).toEqual([]);
  });
});
