import fc from 'fast-check';
import { statedFacts } from '../../reading/facts';
import { MAX_QUERY_CHARS, RELEVANCE_FLOOR, search } from '../../reading/search';
import { TOPICS } from '../../core/topics';
import { TOPIC_IDS, TopicId } from '../../core/types';
import { guide, model } from '../../core/knowledge';

interface Case {
  q: string;
  section: string;
  topic: TopicId;
  facts?: Record<string, string>;
}

// What users type, the section that answers it, and the guided check it should open.
const QUESTIONS: Case[] = [
  // refurbished-pc
  { q: 'can I sell a refurbished laptop with the old windows license', section: 'refurbished-license-kept', topic: 'refurbished-pc', facts: {} },
  { q: 'we upgraded the motherboard do we need a new license', section: 'motherboard-upgrade', topic: 'refurbished-pc', facts: { motherboard: 'upgraded' } },
  {
    q: 'the motherboard was defective and we replaced it with the exact same model, is the Windows license still valid?',
    section: 'motherboard-defect-replacement',
    topic: 'refurbished-pc',
    facts: { motherboard: 'replaced-same-model' },
  },
  {
    q: "the maker's warranty replacement board went into a refurbished PC: can it keep Windows?",
    section: 'motherboard-defect-replacement',
    topic: 'refurbished-pc',
    facts: { motherboard: 'replaced-equivalent' },
  },
  {
    q: 'refurbished PC without a COA sticker but we have the recovery image, can it keep its Windows license?',
    section: 'refurbished-license-kept',
    topic: 'refurbished-pc',
    facts: { coa: 'no', recovery: 'recovery-image' },
  },
  {
    q: 'the recovery media is missing for a refurbished pc, can we get it from the manufacturer?',
    section: 'refurbished-recovery-media',
    topic: 'refurbished-pc',
    facts: { recovery: 'manufacturer-media' },
  },
  { q: 'why does the motherboard decide whether it is the same PC', section: 'motherboard-why', topic: 'refurbished-pc', facts: {} },
  // used-pc
  {
    q: 'can I sell my old laptop with its windows license to a new owner',
    section: 'used-pc-transfer',
    topic: 'used-pc',
    facts: { transfer: 'whole-pc' },
  },
  {
    q: 'can I move the windows license from my old pc to a new pc',
    section: 'used-pc-transfer',
    topic: 'used-pc',
    facts: { transfer: 'license-only' },
  },
  {
    q: 'we bought a second-hand computer without the COA and media',
    section: 'used-pc-transfer',
    topic: 'used-pc',
    facts: { transfer: 'whole-pc', with_media_and_coa: 'no' },
  },
  {
    q: 'giving away used PCs to a charity together with the media, manuals and COA',
    section: 'used-pc-transfer',
    topic: 'used-pc',
    facts: { transfer: 'whole-pc', with_media_and_coa: 'yes' },
  },
  // upgrade-imaging
  {
    q: 'our OEM wants a signed form before imaging',
    section: 'imaging-verification-form',
    topic: 'upgrade-imaging',
    facts: { role: 'customer', verification_form: 'not-yet' },
  },
  {
    q: 'we are an LSP: may we image with the VL Windows upgrade when some of the PCs have no COA?',
    section: 'imaging-qualifying-os',
    topic: 'upgrade-imaging',
    facts: { role: 'oem-or-lsp', base_coa: 'some' },
  },
  { q: 'who answers questions about upgrade installation services', section: 'imaging-contacts', topic: 'upgrade-imaging', facts: {} },
  {
    q: 'what must an OEM check before installing volume licensing upgrade images on customer computers',
    section: 'imaging-partner-duties',
    topic: 'upgrade-imaging',
  },
  // prior-versions
  {
    q: 'can we use Windows 7 with our volume license',
    section: 'downgrade-rights',
    topic: 'prior-versions',
    facts: { channel: 'volume-licensing' },
  },
  {
    q: 'where do we get installation media for a prior version that is no longer on the VLSC',
    section: 'prior-version-media',
    topic: 'prior-versions',
    facts: {},
  },
  {
    q: 'our reseller still has old DVDs of Windows 8, may we install them under downgrade rights?',
    section: 'prior-version-media',
    topic: 'prior-versions',
    facts: { media: 'reseller-media' },
  },
  {
    q: 'do downgrade rights apply to OEM windows that came preinstalled',
    section: 'prior-versions-scope',
    topic: 'prior-versions',
    facts: { channel: 'oem-or-retail' },
  },
  {
    q: 'how do I download software from the volume licensing service center',
    section: 'vlsc-access',
    topic: 'prior-versions',
    facts: { channel: 'volume-licensing', media: 'vlsc' },
  },
  // virtual-machines
  {
    q: 'can we run windows VMs on AWS with VDA',
    section: 'vm-listed-providers',
    topic: 'virtual-machines',
    facts: { where: 'listed-provider' },
  },
  {
    q: 'we use Azure Virtual Desktop with Microsoft 365 E3',
    section: 'vm-wvd',
    topic: 'virtual-machines',
    facts: { where: 'wvd', license: 'm365' },
  },
  {
    q: 'can developers run five local VMs on Windows 10 Pro PCs with E3 per user',
    section: 'scenario-local-vms',
    topic: 'virtual-machines',
    facts: { where: 'local', instances: 'more-than-4', device_os: 'pro-or-enterprise', license: 'enterprise-per-user' },
  },
  {
    q: 'can a QMTH partner host our Windows 10 VMs for users with VDA E3',
    section: 'vm-multitenant-hosting',
    topic: 'virtual-machines',
    facts: { where: 'qmth', license: 'vda-per-user' },
  },
  {
    q: 'our hoster runs on AWS, can they host our Windows desktops on dedicated servers?',
    section: 'vm-outsourcing',
    topic: 'virtual-machines',
    facts: { where: 'outsourcer', hoster: 'uses-listed-provider' },
  },
  {
    q: 'can I use OEM Windows in a virtual machine on my laptop',
    section: 'vm-oem-retail',
    topic: 'virtual-machines',
    facts: { license: 'oem', where: 'local' },
  },
  {
    q: 'do terminal server users need a Windows desktop license',
    section: 'scenario-session-host',
    topic: 'virtual-machines',
    facts: { where: 'session-host' },
  },
  // vdi-license-choice
  {
    q: 'which license for thin clients to reach VDI',
    section: 'scenario-vdi',
    topic: 'vdi-license-choice',
    facts: { devices: 'thin-clients' },
  },
  {
    q: 'BYOD employees with Home edition',
    section: 'scenario-byod',
    topic: 'vdi-license-choice',
    facts: { devices: 'byod-no-qualifying' },
  },
  {
    q: 'contractors from a partner firm need access to our VDI',
    section: 'scenario-contractor',
    topic: 'vdi-license-choice',
    facts: { devices: 'contractor' },
  },
  {
    q: 'users with thin clients at work also want to reach the VDI from home and while travelling',
    section: 'scenario-roaming',
    topic: 'vdi-license-choice',
    facts: { devices: 'roaming' },
  },
  {
    q: "our employees' work laptops are covered by SA; can they also use their personal iPads to reach the VDI at work?",
    section: 'scenario-byocd',
    topic: 'vdi-license-choice',
    facts: { devices: 'companion' },
  },
  {
    q: 'staff have a work laptop covered by VDA per device and want to use personal tablets for VDI',
    section: 'scenario-byocd',
    topic: 'vdi-license-choice',
    facts: { devices: 'companion' },
  },
];

// Misspelt, and the words users use for what the guide calls otherwise.
const VARIANTS: Case[] = [
  { q: 'refurbishd laptop licence', section: 'refurbished-license-kept', topic: 'refurbished-pc' },
  { q: 'virtaul machnes on amazon', section: 'vm-listed-providers', topic: 'virtual-machines' },
  { q: 'motherbord upgrade new licence?', section: 'motherboard-upgrade', topic: 'refurbished-pc' },
  { q: 'downgrade rights for windows 7', section: 'downgrade-rights', topic: 'prior-versions' },
  { q: 'thin cleints VDI license', section: 'scenario-vdi', topic: 'vdi-license-choice' },
  { q: 'AVD', section: 'vm-wvd', topic: 'virtual-machines' },
  { q: 'how is Azure Virtual Desktop licensed', section: 'vm-wvd', topic: 'virtual-machines' },
  { q: 'certificate of authenticity', section: 'refurbished-license-kept', topic: 'refurbished-pc' },
  { q: 'our COA sticker is gone', section: 'refurbished-license-kept', topic: 'refurbished-pc' },
  { q: 'Windows VMs on Google Cloud', section: 'vm-listed-providers', topic: 'virtual-machines' },
  { q: 'terminal server', section: 'scenario-session-host', topic: 'virtual-machines' },
  { q: 'DaaS provider hosting our desktops', section: 'vm-outsourcing', topic: 'virtual-machines' },
  { q: 'older version of windows', section: 'downgrade-rights', topic: 'prior-versions' },
];

const GIBBERISH = [
  'asdf qwerty zxcv',
  'lorem ipsum',
  'lorem ipsum dolor sit amet',
  'the weather today',
  'hello',
  'what is the meaning of life',
  'football results from the weekend',
  'xkcd 1234',
  '',
  '   ',
  '!!! ???',
  'Preheat the oven to 200 degrees. Mix the flour, sugar and eggs in a large bowl, then add the milk slowly while stirring.',
  // Everyday sentences that share a word or two with the guide.
  'I need a new phone',
  'the coffee machine on the third floor is broken again',
  'Our team meeting moved to Thursday. Please bring your laptop and the quarterly numbers; we will review the new project plan.',
];

describe('search: typical questions', () => {
  it.each(QUESTIONS.map((c) => [c.q, c]))('%s', (_q, c) => {
    const result = search(c.q);
    expect(result.results[0]?.section).toBe(c.section);
    expect(result.suggested?.topic).toBe(c.topic);
    if (c.facts) expect(result.suggested?.facts).toEqual(c.facts);
  });

  it('covers every topic with at least three questions', () => {
    for (const topic of TOPIC_IDS) expect(QUESTIONS.filter((c) => c.topic === topic).length).toBeGreaterThanOrEqual(3);
  });
});

describe('search: typos and synonyms', () => {
  it.each(VARIANTS.map((c) => [c.q, c]))('%s', (_q, c) => {
    const result = search(c.q);
    expect(result.results[0]?.section).toBe(c.section);
    expect(result.suggested?.topic).toBe(c.topic);
  });

  it('finds the COA sections for "certificate of authenticity"', () => {
    const sections = search('certificate of authenticity').results.map((r) => r.section);
    expect(sections[0]).toBe('refurbished-license-kept');
    // Each section shown speaks of the COA (refurbished PCs, the imaging base license, the glossary).
    for (const id of sections) expect(guide.sections.get(id)?.body).toMatch(/\bCOA\b|Certificate of Authenticity/);
  });
});

describe('search: no answer for noise', () => {
  it.each(GIBBERISH.map((q) => [q]))('%j finds nothing and suggests nothing', (q) => {
    expect(search(q)).toEqual({ query: q, results: [], suggested: null, alternatives: [], caveats: [] });
  });
});

describe('search: result shape', () => {
  it('keeps the query as given, ranks best first, limits to 3 by default', () => {
    const q = '  Can we run Windows VMs on AWS?  ';
    const result = search(q);
    expect(result.query).toBe(q);
    expect(result.results).toHaveLength(3);
    const scores = result.results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const r of result.results) expect(r.score).toBeGreaterThanOrEqual(RELEVANCE_FLOOR);
  });

  it('honours a limit', () => {
    expect(search('windows virtual machines', { limit: 5 }).results).toHaveLength(5);
    expect(search('windows virtual machines', { limit: 1 }).results).toHaveLength(1);
    expect(search('windows virtual machines', { limit: 0 }).results).toHaveLength(0);
  });

  it('links each hit to /guide/<document>#<section>, with the default or a custom base URL', () => {
    const [hit] = search('upgraded motherboard').results;
    expect(hit.url).toBe('http://localhost:3978/guide/refurbished-and-used-pcs#motherboard-upgrade');
    const [custom] = search('upgraded motherboard', { baseUrl: 'https://bot.example.com/' }).results;
    expect(custom.url).toBe('https://bot.example.com/guide/refurbished-and-used-pcs#motherboard-upgrade');
  });

  it("gives title and topic of the section, and the section's own one-sentence answer as plain text", () => {
    const [hit] = search('listed provider VDA exception').results;
    expect(hit.title).toBe(guide.sections.get(hit.section)!.title);
    expect(hit.topic).toBe('virtual-machines');
    expect(hit.snippet).toBe(guide.sections.get(hit.section)!.answer);
    expect(hit.snippet).not.toMatch(/\*\*|\]\(|#|\|/);
    expect(hit.snippet.toLowerCase()).toMatch(/listed provider/);
  });

  it('is deterministic', () => {
    for (const c of [...QUESTIONS, ...VARIANTS]) expect(search(c.q)).toEqual(search(c.q));
  });

  it('stays fast on very long text and reads only its beginning', () => {
    const long = `can we run windows VMs on AWS with VDA ${'lorem ipsum dolor '.repeat(6000)}`;
    expect(long.length).toBeGreaterThan(100_000);
    const started = performance.now();
    const result = search(long);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.query).toBe(long);
    expect(result.results[0].section).toBe('vm-listed-providers');
    const late = `${'x '.repeat(MAX_QUERY_CHARS)} upgraded motherboard`;
    expect(search(late).suggested).toBeNull();
  });
});

describe('fact phrases', () => {
  // Texts stitched from the words of the phrase table, negations and noise: whatever the mix,
  // a suggestion names a real topic and only facts and values that topic has.
  const tableWords = [...new Set(model.vocabulary.phrases.flatMap((p) => p.patterns.join(' ').match(/[a-z][a-z0-9'-]*/g) ?? []))];
  const validFacts = (topic: TopicId, facts: Record<string, string>) =>
    Object.entries(facts).every(([fact, value]) => TOPICS[topic].facts.some((f) => f.id === fact && f.options.some((o) => o.value === value)));

  it('suggest only valid facts, whatever the text (property)', () => {
    const word = fc.oneof(
      fc.constantFrom(...tableWords),
      fc.constantFrom('no', 'not', "don't", 'without', 'and', 'but', ',', '.', 'thin clients', 'AWS', 'VDA E3', 'COA'),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 25 }), (parts) => {
        const text = parts.join(' ');
        for (const s of statedFacts(text)) expect(validFacts(s.topic, s.facts)).toBe(true);
        const { suggested } = search(text);
        if (suggested) {
          expect(TOPIC_IDS).toContain(suggested.topic);
          expect(validFacts(suggested.topic, suggested.facts)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20240601 },
    );
  });

  it.each([
    ['no COA', { coa: 'no' }],
    ['without a COA', { coa: 'no' }],
    ["it doesn't have a COA", { coa: 'no' }],
    ['the COA sticker is missing', { coa: 'no' }],
    ['it still has its COA', { coa: 'yes' }],
    ['we did not upgrade the motherboard', { motherboard: 'original' }],
  ])('read negation: %s', (text, facts) => {
    expect(statedFacts(text).find((s) => s.topic === 'refurbished-pc')?.facts).toEqual(facts);
  });

  it.each([
    ['we do not use thin clients', 'vdi-license-choice'],
    ['not on AWS', 'virtual-machines'],
    ['the recovery media is missing', 'refurbished-pc'],
  ])('state nothing when negated: %s', (text, topic) => {
    expect(statedFacts(text).find((s) => s.topic === topic)).toBeUndefined();
  });

  it.each([
    ['AWS', 'virtual-machines', { where: 'listed-provider' }],
    ['Amazon', 'virtual-machines', { where: 'listed-provider' }],
    ['Alibaba Cloud', 'virtual-machines', { where: 'listed-provider' }],
    ['WVD', 'virtual-machines', { where: 'wvd' }],
    ['Azure', 'virtual-machines', { where: 'azure' }],
    ['Azure with Azure AD activation', 'virtual-machines', { where: 'azure', aad_activation: 'yes' }],
    ['QMTH', 'virtual-machines', { where: 'qmth' }],
    ['thin clients', 'virtual-machines', { device_os: 'other' }],
    ['VDA per user', 'virtual-machines', { license: 'vda-per-user' }],
    ['VDA E3 per user', 'virtual-machines', { license: 'vda-per-user' }],
    ['E5 per user', 'virtual-machines', { license: 'enterprise-per-user' }],
    ['Microsoft 365 E3', 'virtual-machines', { license: 'm365' }],
    ['Office 365 E3', 'virtual-machines', undefined],
    ['Windows 10 VMs', 'virtual-machines', undefined],
    ['more than four VMs', 'virtual-machines', { instances: 'more-than-4' }],
    ['three VMs', 'virtual-machines', { instances: '1-4' }],
    ['OEM license', 'prior-versions', { channel: 'oem-or-retail' }],
    ['retail copy', 'virtual-machines', { license: 'retail' }],
    ['upgraded the motherboard', 'refurbished-pc', { motherboard: 'upgraded' }],
    ['sell the whole PC', 'used-pc', { transfer: 'whole-pc' }],
    ['move the license to another PC', 'used-pc', { transfer: 'license-only' }],
    ['Home edition', 'vdi-license-choice', { devices: 'byod-no-qualifying' }],
    ['thin clients and BYOD', 'vdi-license-choice', undefined],
  ])('read %s', (text, topic, facts) => {
    expect(statedFacts(text).find((s) => s.topic === topic)?.facts).toEqual(facts);
  });
});

describe('the index', () => {
  it('is built once per process, on the first search', async () => {
    await jest.isolateModulesAsync(async () => {
      const { default: MiniSearch } = await import('minisearch');
      const addAll = jest.spyOn(MiniSearch.prototype, 'addAll');
      const fresh = await import('../../reading/search');
      expect(addAll).not.toHaveBeenCalled();
      fresh.search('thin clients');
      fresh.search('motherboard upgrade');
      expect(addAll).toHaveBeenCalledTimes(1);
      addAll.mockRestore();
    });
  });
});

describe('the search vocabulary', () => {
  it('synonyms are lowercase', () => {
    for (const s of model.vocabulary.synonyms) for (const m of s.match) expect(m).toBe(m.toLowerCase());
  });
});
