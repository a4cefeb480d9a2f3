import { guide, model } from '../../core/knowledge';
import { plainText } from '../../reading/text';

// The compiler (scripts/knowledge/) refuses a guide whose sections lack an id, metadata or a
// Source line; these tests check what a reader of the guide pages relies on beyond that.

const sections = [...guide.sections.values()];

describe('the guide', () => {
  it('has one document per source theme plus the glossary, each with sections', () => {
    expect(guide.documents.map((d) => d.id).sort()).toEqual([
      'glossary',
      'prior-versions',
      'refurbished-and-used-pcs',
      'upgrade-installation-services',
      'virtual-machines',
    ]);
    for (const document of guide.documents) expect(document.sections.length).toBeGreaterThan(0);
  });

  it.each(sections.map((s) => [s.id, s] as const))('section %s has a question title, a one-sentence answer, a body and a source', (_id, section) => {
    expect(section.title.length).toBeGreaterThan(3);
    expect(section.answer.length).toBeGreaterThan(40);
    expect(section.answer).not.toMatch(/\]\(#|\*\*|<!--|^#|\|/);
    // The answer is the opening paragraph itself, so a card showing it shows what the page opens with.
    expect(plainText(section.body).startsWith(section.answer.replace(/[.!?]$/, ''))).toBe(true);
    expect(section.body.split(/\s+/).length).toBeGreaterThan(25);
    expect(section.body).not.toContain('<!-- about:');
    expect(section.sourceIds.length).toBeGreaterThan(0);
    expect(section.source).toMatch(/^\[\d{3}\] /);
  });

  it('has metadata for every section and no metadata for a section that does not exist', () => {
    expect(Object.keys(model.sections).sort()).toEqual(sections.map((s) => s.id).sort());
  });

  it('names the date each source gives', () => {
    const text = sections.map((s) => s.body).join('\n');
    for (const date of ['2009', 'January 2022', 'April 2020', 'October 1, 2019']) expect(text).toContain(date);
  });

  it('says openly where the sources disagree with themselves', () => {
    const body = (id: string) => guide.sections.get(id)!.body.toLowerCase();
    expect(body('refurbished-recovery-media')).toMatch(/neither/);
    expect(body('motherboard-defect-replacement')).toMatch(/warranty/);
    expect(body('vm-listed-providers')).toMatch(/per device/);
    expect(body('vm-qualifying-os')).toMatch(/education/);
  });
});
