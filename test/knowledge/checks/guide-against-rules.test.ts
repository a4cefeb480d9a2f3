import type { GuideSection } from '../../../core/guide';
import { checkReasonTerms } from '../../../scripts/knowledge/checks/reason-terms';
import { checkSectionMetadata } from '../../../scripts/knowledge/checks/section-metadata';
import type { GuideEntry } from '../../../scripts/knowledge/loaded';
import { complaints, LIGHTS, topicFile } from './support';

const section = (id: string, body: string, answer = 'Yes.'): GuideSection => ({
  id,
  document: 'lamps',
  title: 'Does a lamp light?',
  body,
  answer,
  sourceIds: ['001'],
  source: '',
});
const entry = (about: GuideEntry['about'], answer = 'Yes.'): GuideEntry => ({
  file: 'knowledge/guide/lamps.md',
  line: 4,
  aboutLine: 5,
  about,
  section: section('lamp-basics', 'Body.', answer),
});

describe('section-metadata: a section names a real topic and values, and opens with its answer', () => {
  it('returns the metadata of a sound section', () => {
    let sections = {};
    expect(
      complaints((d) => (sections = checkSectionMetadata([entry({ topic: 'lamp', explains: { plug: ['in'] }, weight: 0.5 })], [topicFile(LIGHTS)], d))),
    ).toEqual([]);
    expect(sections).toEqual({ 'lamp-basics': { topic: 'lamp', weight: 0.5, explains: { plug: ['in'] } } });
  });

  it('names an unknown topic, a value the fact lacks and a missing one-sentence answer', () => {
    const found = complaints((d) =>
      checkSectionMetadata([entry({ topic: 'torch' }), entry({ topic: 'lamp', explains: { plug: ['usb'] } }, '')], [topicFile(LIGHTS)], d),
    );
    expect(found).toEqual([
      'knowledge/guide/lamps.md:5: section lamp-basics: topic torch is not a topic of the model (or "general")',
      'knowledge/guide/lamps.md:5: section lamp-basics explains plug=usb, which is not a value of plug',
      'knowledge/guide/lamps.md:4: section lamp-basics must open with its one-sentence answer, a plain paragraph under the heading',
    ]);
  });
});

describe('reason-terms: a reason’s key terms occur in the section it cites', () => {
  const file = topicFile(LIGHTS.replace('text: No power.', 'text: No power from the mains socket.'));
  it('accepts a reason whose terms the section uses (plural included)', () => {
    const sections = new Map([['lamp-basics', section('lamp-basics', 'A lamp needs mains sockets and a switch.')]]);
    expect(complaints((d) => checkReasonTerms([file], ['mains socket'], sections, d))).toEqual([]);
  });

  it('names a reason that speaks of a term its section never uses', () => {
    const sections = new Map([['lamp-basics', section('lamp-basics', 'A lamp needs a switch.')]]);
    expect(complaints((d) => checkReasonTerms([file], ['mains socket'], sections, d))).toEqual([
      expect.stringMatching(/lamp\.yaml:\d+: a reason of rule lamp\.unplugged speaks of "mains socket", but the section it cites \(lamp-basics\) never does$/),
    ]);
  });
});
