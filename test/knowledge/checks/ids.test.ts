import { checkFactLists } from '../../../scripts/knowledge/checks/fact-lists';
import { checkRuleIds } from '../../../scripts/knowledge/checks/rule-ids';
import { checkSectionIds } from '../../../scripts/knowledge/checks/section-ids';
import type { GuideEntry } from '../../../scripts/knowledge/loaded';
import { complaints, LIGHTS, topicFile } from './support';

describe('rule-ids: a rule id is used once across all topics', () => {
  it('records where each rule is written', () => {
    const file = topicFile(LIGHTS);
    let places = new Map();
    expect(complaints((d) => (places = checkRuleIds([file], d)))).toEqual([]);
    expect(places.get('lamp.dark')).toEqual({ file: 'knowledge/topics/lamp.yaml', line: file.yaml.lineOf(['rules', 1]) });
  });

  it('names the second use and where the first one is', () => {
    const a = topicFile(LIGHTS);
    const b = topicFile(LIGHTS, 'knowledge/topics/torch.yaml');
    expect(complaints((d) => checkRuleIds([a, b], d))).toContainEqual(
      expect.stringMatching(/^knowledge\/topics\/torch\.yaml:\d+: rule id lamp\.lights is already used at knowledge\/topics\/lamp\.yaml:\d+$/),
    );
  });
});

describe('section-ids: a section id is used once across the guide', () => {
  const entry = (id: string, file: string, line: number) => ({ file, line, section: { id } }) as GuideEntry;
  it('names the second section with an id already used', () => {
    expect(complaints((d) => checkSectionIds([entry('a', 'g/one.md', 3), entry('b', 'g/one.md', 9), entry('a', 'g/two.md', 5)], d))).toEqual([
      'g/two.md:5: section id a is already used at g/one.md:3',
    ]);
  });
});

describe('fact-lists: a fact and each of its values are listed once', () => {
  it('names a value listed twice', () => {
    const file = topicFile(LIGHTS);
    file.input.facts[1].options.push({ value: 'in', label: 'In again' });
    expect(complaints((d) => checkFactLists(file, d))).toEqual([expect.stringMatching(/: value in of plug is listed twice$/)]);
  });
});
