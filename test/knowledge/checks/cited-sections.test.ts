import { checkCitedSections } from '../../../scripts/knowledge/checks/cited-sections';
import { complaints, LIGHTS, topicFile } from './support';

describe('cited-sections: every reason cites a section the guide has', () => {
  it('accepts known sections', () => {
    expect(complaints((d) => checkCitedSections(topicFile(LIGHTS), new Set(['lamp-basics']), d))).toEqual([]);
  });

  it('names each reason that cites a missing section, at its line', () => {
    const file = topicFile(LIGHTS);
    expect(complaints((d) => checkCitedSections(file, new Set(['lamp-wiring']), d))).toEqual([
      `knowledge/topics/lamp.yaml:${file.yaml.lineOf(['rules', 0, 'reasons', 0, 'section'])}: rule lamp.lights cites section lamp-basics, which no guide document has`,
      expect.stringContaining('rule lamp.dark cites section lamp-basics'),
      expect.stringContaining('rule lamp.unplugged cites section lamp-basics'),
    ]);
  });
});
