import { guide } from '../../knowledge/guide-data';

// The section ids the rules and the outline fix; each must exist with a title and a body.
const EXPECTED: Record<string, string[]> = {
  'refurbished-and-used-pcs': [
    'refurbished-definition', 'refurbished-license-kept', 'refurbished-recovery-media', 'motherboard-upgrade',
    'motherboard-defect-replacement', 'motherboard-why', 'used-pc-transfer', 'refurbished-resources',
  ],
  'upgrade-installation-services': [
    'imaging-who', 'imaging-qualifying-os', 'imaging-verification-form', 'imaging-partner-duties', 'imaging-contacts',
  ],
  'prior-versions': ['downgrade-rights', 'prior-version-media', 'vlsc-access', 'prior-versions-scope'],
  'virtual-machines': [
    'vm-brief-scope', 'vm-oem-retail', 'vm-three-ways', 'vm-virtualization-rights', 'vm-outsourcing',
    'vm-listed-providers', 'vm-multitenant-hosting', 'vm-wvd', 'vm-per-user-options', 'vm-qualifying-os',
    'vm-rights-overview', 'vm-rights-detail', 'vm-scenarios-note', 'scenario-vdi', 'scenario-session-host',
    'scenario-mixed', 'scenario-roaming', 'scenario-byocd', 'scenario-byod', 'scenario-contractor',
    'scenario-local-vms', 'vm-disclaimer',
  ],
  glossary: ['glossary'],
};

describe('the guide', () => {
  it('has exactly the documents of the outline', () => {
    expect(guide.documents.map((d) => d.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('document %s has every outlined section, in order, each with a source', (doc, ids) => {
    const document = guide.documents.find((d) => d.id === doc)!;
    expect(document.sections.map((s) => s.id)).toEqual(ids);
    for (const section of document.sections) {
      expect(section.title.length).toBeGreaterThan(3);
      expect(section.body.split(/\s+/).length).toBeGreaterThan(25);
      expect(section.sourceIds.length).toBeGreaterThan(0);
    }
  });

  it('names the date each source gives', () => {
    const text = guide.documents.map((d) => d.sections.map((s) => s.body).join('\n')).join('\n');
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
