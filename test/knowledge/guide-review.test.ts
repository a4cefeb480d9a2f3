import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ANSWER_MAX_CHARS, type GuideSection } from '../../core/guide';
import { guide } from '../../core/knowledge';
import { describeWithShared, sharedPath } from '../support/shared-folder';

// The specialist review of 2026-12-03 (../shared/reviews/guide-review-2026-12-03.md) found 40
// problems in the guide, most in the one-sentence answers people read alone. Each case below
// quotes the source sentence the finding rests on (checked against the source file, so a quote
// cannot drift) and asserts what the fixed guide text must say, so undoing a fix fails here.
// knowledge/reviews/2026-12-03.yaml records, per finding, what was done.

const root = join(__dirname, '..', '..');
const seedsDir = sharedPath('seeds');

/** A source's text as a reader sees it: no HTML tags or markdown link targets, spaces folded. */
const readable = (text: string) =>
  text
    .replace(/<[^>]+>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ');
/** The source documents by id, read on first use (the folder is beside the repository, not in it). */
let seedTexts: Map<string, string> | undefined;
const seeds = () =>
  (seedTexts ??= new Map(
    readdirSync(seedsDir)
      .filter((name) => /^\d{3}_.*\.txt$/.test(name))
      .map((name) => [name.slice(0, 3), readable(readFileSync(join(seedsDir, name), 'utf8'))]),
  ));

const section = (id: string): GuideSection => {
  const found = guide.sections.get(id);
  if (!found) throw new Error(`the guide has no section ${id}`);
  return found;
};
const answer = (id: string) => section(id).answer;
const body = (id: string) => section(id).body;
const title = (id: string) => section(id).title;
const sectionsOf = (sourceId: string) => [...guide.sections.values()].filter((s) => s.sourceIds.includes(sourceId));

interface Finding {
  finding: number;
  /** The source sentence the finding rests on, verbatim; null where the finding is about presentation. */
  source: { id: string; says: string } | null;
  holds: () => void;
}

const findings: Finding[] = [
  {
    finding: 1,
    source: { id: '001', says: 'The refurbisher cannot obtain the original recovery media' },
    holds: () => {
      expect(answer('refurbished-recovery-media')).toMatch(/2009/);
      expect(answer('refurbished-recovery-media')).toMatch(/cannot be had .* or there is no disk recovery image/);
      expect(answer('refurbished-recovery-media')).toMatch(/confirm with Microsoft/);
      expect(answer('refurbished-recovery-media')).not.toMatch(/neither/);
      expect(body('refurbished-recovery-media')).toMatch(/this guide's reading, not a statement of the source/);
    },
  },
  {
    finding: 2,
    source: {
      id: '004',
      says: 'Rights to install and use the software with a QMTH do not apply if the QMTH is using a Listed Provider as a Data Center Provider',
    },
    holds: () => {
      expect(answer('vm-multitenant-hosting')).toMatch(/Listed Provider/);
      expect(answer('vm-multitenant-hosting')).toMatch(/Microsoft 365: primary users of a qualifying device only/);
    },
  },
  {
    finding: 3,
    source: { id: '004', says: "on Servers dedicated to Customer's use, including dedicated servers provided by Listed Providers" },
    holds: () => {
      expect(answer('vm-listed-providers')).toMatch(/only if they are dedicated to the customer/);
      expect(answer('vm-listed-providers').indexOf('dedicated')).toBeLessThan(answer('vm-listed-providers').indexOf('Enterprise'));
    },
  },
  {
    finding: 4,
    source: null,
    holds: () => {
      for (const s of guide.sections.values()) expect({ id: s.id, fits: s.answer.length <= ANSWER_MAX_CHARS }).toEqual({ id: s.id, fits: true });
    },
  },
  {
    finding: 5,
    source: { id: '004', says: "Primary user's primary work device must be licensed for Windows 7/8/8.1/10 Pro, Enterprise, or Education" },
    holds: () => {
      expect(answer('vm-qualifying-os')).toMatch(/never defines/);
      expect(answer('vm-qualifying-os')).toMatch(/this guide's inference/);
      expect(answer('vm-qualifying-os')).not.toMatch(/Home editions/);
      expect(body('glossary')).toMatch(/Qualifying OS\*\*: qualifying operating system\. The virtual machine brief uses the term without defining it/);
    },
  },
  {
    finding: 6,
    source: { id: '004', says: 'OEM licenses do not permit remote access to a Windows virtual machine running in a data center.' },
    holds: () => {
      expect(answer('vm-rights-detail')).not.toMatch(/Every license type/);
      expect(answer('vm-rights-detail')).toMatch(/four license types .*; OEM does not;/);
      expect(answer('vm-rights-detail')).toMatch(/outsourcing terms/);
    },
  },
  {
    finding: 7,
    source: { id: '001', says: 'replace a defective motherboard with one of exactly the same make, model, and specification' },
    holds: () => expect(answer('motherboard-defect-replacement')).toMatch(/to refurbish, the page needs exactly the same make, model and specification/),
  },
  {
    finding: 8,
    source: { id: '004', says: 'use rights for the Windows 10 operating system when running virtual machines' },
    holds: () => {
      expect(answer('vm-brief-scope')).toMatch(/April 2020 brief covers Windows 10 only, nothing on Windows 11/);
      for (const s of sectionsOf('004')) {
        expect({ id: s.id, dated: s.answer.includes('April 2020') }).toEqual({ id: s.id, dated: true });
        expect({ id: s.id, scoped: /covers Windows 10 only/.test(`${s.answer} ${s.body}`) }).toEqual({ id: s.id, scoped: true });
      }
    },
  },
  {
    finding: 9,
    source: { id: '003', says: 'that your organization is currently licensed to use through downgrade rights' },
    holds: () => expect(answer('prior-version-media')).toMatch(/^If the organization is currently licensed for the older version through downgrade rights/),
  },
  {
    finding: 10,
    source: { id: '004', says: 'No device requirements; may be assigned to any user' },
    holds: () => {
      expect(answer('vm-per-user-options')).toMatch(
        /Enterprise E3\/E5 per user only if the user's primary work device is licensed for Pro, Enterprise or Education/,
      );
      expect(answer('vm-per-user-options')).toMatch(/VDA E3\/E5 per user has no device requirement/);
    },
  },
  {
    finding: 11,
    source: {
      id: '004',
      says: "Customer's Windows VDA E3 and E5 Licensed Users may remotely access Windows software under these Remote Virtualization rights on any Listed Provider's Servers dedicated to Customer's use.",
    },
    holds: () => {
      expect(answer('vm-outsourcing')).toMatch(/for devices or users with SA, VDA or E3\/E5/);
      expect(answer('vm-outsourcing')).toMatch(/VDA E3\/E5 users may use a Listed Provider's/);
    },
  },
  {
    finding: 12,
    source: { id: '004', says: 'Any device (subject to Primary User requirements)' },
    holds: () => expect(answer('vm-rights-overview')).toMatch(/remote access from any device, subject to primary user rules/),
  },
  {
    finding: 13,
    source: { id: '001', says: '©2009 Microsoft Corporation' },
    holds: () => {
      for (const s of sectionsOf('001').filter((s) => s.id !== 'glossary')) {
        expect({ id: s.id, dated: s.answer.includes('2009') }).toEqual({ id: s.id, dated: true });
        expect({ id: s.id, aged: s.body.includes('many years old') }).toEqual({ id: s.id, aged: true });
      }
      expect(answer('refurbished-license-kept')).toMatch(/^Under Microsoft's 2009 OEM guidance, /);
    },
  },
  {
    finding: 14,
    source: { id: '004', says: 'you only pay the base compute and storage costs in Azure.' },
    holds: () => {
      expect(title('vm-wvd')).toBe('How was Windows Virtual Desktop (WVD) licensed in the April 2020 brief?');
      expect(answer('vm-wvd')).toMatch(/^The April 2020 brief says /);
    },
  },
  {
    finding: 15,
    source: {
      id: '004',
      says: 'Open License, Select/Select Plus, Microsoft Products and Services Agreement, Open Value, Enterprise Agreement, or Enrollment for Education Solutions',
    },
    holds: () => expect(answer('vm-virtualization-rights')).toMatch(/six listed programs \(EA, MPSA, Select\/Select Plus, Open License, Open Value, EES\)/),
  },
  {
    finding: 16,
    source: { id: '004', says: 'Devices have a qualifying operating system (such as Windows 10 Pro).' },
    holds: () => expect(answer('scenario-contractor')).toMatch(/contractor PCs with a qualifying OS \(its example: Windows 10 Pro\)/),
  },
  {
    finding: 17,
    source: { id: '001', says: 'to which Microsoft OEM operating system software cannot be transferred from another computer' },
    holds: () => {
      expect(title('motherboard-upgrade')).toMatch(/\(OEM Windows\)\?$/);
      expect(answer('motherboard-upgrade')).toMatch(/^For OEM Windows, yes/);
      expect(body('motherboard-upgrade')).toMatch(/says nothing about Windows licensed through retail or Volume Licensing/);
    },
  },
  {
    finding: 18,
    source: { id: '001', says: 'Refurbishment must either leave the original motherboard as is' },
    holds: () =>
      expect(answer('refurbished-definition')).toMatch(
        /original motherboard or, only if that was defective, one of exactly the same make, model and specification/,
      ),
  },
  {
    finding: 19,
    source: {
      id: '004',
      says: 'For use rights provided with Windows preinstalled by the original equipment manufacturer (OEM) or purchased through other channels',
    },
    holds: () => expect(answer('vm-oem-retail')).toMatch(/for retail and other channels, the product's own license terms decide\.$/),
  },
  {
    finding: 20,
    source: { id: '004', says: 'this local use right applies only if the Licensed Device is also licensed for Windows 10/8.1 Pro or Enterprise' },
    holds: () => {
      expect(body('scenario-local-vms')).toMatch(/to Windows VDA per device, on a PC that is also licensed for the Pro or Enterprise edition/);
      expect(body('scenario-local-vms')).toMatch(/Windows VDA E3\/E5 per user/);
    },
  },
  {
    finding: 21,
    source: { id: '003', says: 'sign in to the VLSC, and then click Downloads' },
    holds: () => {
      expect(answer('vlsc-access')).toMatch(/^The Fulfillment information page \(not dated\) says/);
      expect(answer('vlsc-access')).toMatch(/may have changed/);
    },
  },
  {
    finding: 22,
    source: { id: '004', says: 'A list of Listed Providers can be found at' },
    holds: () => {
      // Public clouds may be named as what people ask about, never as members of the list.
      for (const s of guide.sections.values()) {
        expect({ id: s.id, gloss: /usually mean|(?:such as|e\.g\.,?) (?:AWS|Amazon|Google)/.test(s.body) }).toEqual({ id: s.id, gloss: false });
      }
      expect(body('vm-listed-providers')).toMatch(/people ask about \(Amazon Web Services, [^)]*\) is a Listed Provider is for the published list to say/);
      expect(answer('vm-listed-provider-definition')).toMatch(/names no members/);
    },
  },
  {
    finding: 23,
    source: { id: '001', says: 'the entire used PC, including the software media, manuals, and Certificate of Authenticity, may be transferred' },
    holds: () => expect(answer('used-pc-transfer')).toMatch(/including its software media, manuals and COA/),
  },
  {
    finding: 24,
    source: { id: '003', says: 'are eligible to use prior versions of the software edition that they have licensed' },
    holds: () => {
      expect(answer('downgrade-rights')).toMatch(/is eligible to use prior versions/);
      expect(body('downgrade-rights')).not.toMatch(/full conditions/);
    },
  },
  {
    finding: 25,
    source: { id: '003', says: 'Customers who have licensed software through a Microsoft Volume Licensing program' },
    holds: () => {
      expect(answer('prior-versions-scope')).not.toMatch(/^No/);
      expect(answer('prior-versions-scope')).toMatch(/says nothing either way about OEM or retail Windows/);
      expect(answer('prior-versions-scope')).toMatch(/this guide's reading/);
    },
  },
  {
    finding: 26,
    source: { id: '003', says: 'For all other questions, contact Microsoft customer support.' },
    holds: () => {
      expect(body('prior-versions-scope')).toMatch(/within its own scope \(virtual machines\)/);
      expect(body('prior-versions-scope')).toMatch(
        /in its upgrade installation part; applying that contact list to prior-version questions is this guide's extension/,
      );
    },
  },
  {
    finding: 27,
    source: { id: '002', says: 'Volume Licensing software cannot be installed until the customer provides this verification in writing' },
    holds: () => expect(answer('imaging-who')).toMatch(/before installing any image or VL software/),
  },
  {
    finding: 28,
    source: { id: '002', says: 'such as Windows Pro, must first be affixed to the computer' },
    holds: () => {
      expect(answer('imaging-qualifying-os')).not.toMatch(/builds on that base/);
      expect(answer('imaging-qualifying-os')).toMatch(/give only Windows Pro as an example of a qualifying base/);
    },
  },
  {
    finding: 29,
    source: { id: '002', says: 'they must cooperate in investigations related to possible piracy or mis-licensing' },
    holds: () => {
      expect(answer('imaging-partner-duties')).toMatch(/^An OEM or LSP must collect the customer's written certification before imaging/);
      expect(body('imaging-partner-duties')).not.toMatch(/Afterwards/);
    },
  },
  {
    finding: 30,
    source: { id: '004', says: 'they do not need any additional licensing for the Windows desktop operating system' },
    holds: () => expect(answer('scenario-session-host')).toMatch(/no additional Windows desktop license/),
  },
  {
    finding: 31,
    source: { id: '004', says: 'Windows 10 Education E3/E5' },
    holds: () => {
      expect(body('glossary')).toMatch(/\*\*E3\/E5\*\*:[^\n]*Education E3\/E5/);
      expect(body('glossary')).toMatch(/\*\*SA\*\*:[^\n]*one per device way/);
    },
  },
  {
    finding: 32,
    source: { id: '004', says: 'runs within virtual machines in the data center, on servers dedicated to the customer' },
    holds: () => expect(answer('scenario-vdi')).toMatch(/on servers dedicated to the customer/),
  },
  {
    finding: 33,
    source: { id: '004', says: 'either remotely and/or locally' },
    holds: () => {
      expect(body('vm-virtualization-rights')).not.toMatch(/Product Terms of that program/);
      expect(body('vm-virtualization-rights')).toMatch(/remote VMs run on servers dedicated to the customer/);
    },
  },
  {
    finding: 34,
    source: { id: '004', says: 'primary user of a device with a Qualifying Operating System' },
    holds: () => {
      const terms = [
        'Primary user, primary work device',
        'Licensed Device, Licensed User',
        'Outsourcing Software Management',
        'Windows Virtualization Rights',
        'Multitenant Hosting rights',
        'Data Center Provider',
        'Student Use Benefit',
        'Azure AD-based activation',
        'Creators Update',
        'System builder',
        'Refurbisher',
        'Open License, Select/Select Plus, Open Value',
        'Commercial Licensing, Volume Licensing',
        'Comprehensive kits, subscription kits',
      ];
      for (const term of terms) expect(body('glossary')).toContain(`- **${term}**:`);
      expect(body('glossary')).toMatch(/Primary user, primary work device\*\*: [^\n]*not defined there/);
    },
  },
  {
    finding: 35,
    source: null,
    holds: () => {
      for (const id of ['scenario-mixed', 'scenario-roaming', 'scenario-byocd', 'scenario-byod', 'scenario-contractor', 'scenario-local-vms']) {
        expect(title(id)).toMatch(/^(?!Scenario:).*\?$/);
      }
    },
  },
  {
    finding: 36,
    source: null,
    holds: () => {
      expect(title('vm-scenarios-note')).toBe("Which other licenses (CALs, Office) do the brief's VM scenarios leave out?");
      expect(title('vm-disclaimer')).toBe('Does the virtual machine licensing brief override our licensing agreement?');
      expect(title('vm-brief-scope')).toBe('Which Windows licenses and versions does the virtual machine brief cover?');
    },
  },
  {
    finding: 37,
    source: null,
    holds: () => {
      expect(body('vm-rights-detail')).not.toMatch(/tick symbol/);
      expect(title('vm-listed-provider-definition')).toBe('What is a Listed Provider?');
      expect(title('vm-listed-providers')).toBe("Can Windows VDA E3/E5 users run Windows on a Listed Provider's dedicated servers?");
    },
  },
  {
    finding: 38,
    source: { id: '001', says: 'one base component needs to be identified that, as long as it is "left standing," defines the original PC' },
    holds: () => {
      expect(answer('other-hardware-changes')).toMatch(/the motherboard alone defines the PC/);
      expect(body('other-hardware-changes')).toMatch(/this guide's reading/);
    },
  },
  {
    finding: 39,
    source: { id: '004', says: 'Customer may install the Software on Windows devices with integrated screens 10.1" diagonally or less.' },
    holds: () => {
      expect(body('vm-per-user-options')).toMatch(/\*\*Small tablets:\*\*[^\n]*10\.1 inches/);
      expect(body('vm-per-user-options')).toMatch(/\*\*Education E3\/E5:\*\*[^\n]*no column/);
    },
  },
  {
    finding: 40,
    source: null,
    holds: () => {
      const intro = guide.documents.find((d) => d.id === 'glossary')!.intro;
      for (const mark of ['[001]', '(2009)', '[002]', '(not dated)', '[003]', 'January 2022', '[004]', '(April 2020, Windows 10 only)'])
        expect(intro).toContain(mark);
    },
  },
];

describe('the fixes of the guide review of 2026-12-03', () => {
  it('cover all 40 findings, one case each', () => {
    expect(findings.map((f) => f.finding)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it.each(findings.map((f) => [f.finding, f] as const))('finding %i: the guide now says what the source says', (_n, finding) => {
    finding.holds();
  });
});

describeWithShared('the quotes the findings rest on', [seedsDir], () => {
  const quoted = findings.flatMap((f) => (f.source ? [[f.finding, f.source] as const] : []));
  it.each(quoted)('finding %i: the source says it, word for word', (_n, { id, says }) => {
    // A boolean, so a failure names the quote rather than printing the whole source.
    expect({ says, inSource: seeds().get(id)?.includes(readable(says)) }).toEqual({ says, inSource: true });
  });
});

const reviewSchema = z.strictObject({
  review: z.literal('guide-review-2026-12-03'),
  findings: z.array(
    z.strictObject({
      number: z.number().int(),
      sections: z.array(z.string()).min(1),
      outcome: z.enum(['fixed', 'stays']),
      what: z.string().min(40),
    }),
  ),
});

describe('the review record in knowledge/reviews/2026-12-03.yaml', () => {
  const record = reviewSchema.parse(parseYaml(readFileSync(join(root, 'knowledge', 'reviews', '2026-12-03.yaml'), 'utf8')));

  it('answers every finding once, in order', () => {
    expect(record.findings.map((f) => f.number)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('names only sections the guide has', () => {
    const unknown = record.findings.flatMap((f) => f.sections.filter((id) => id !== 'all' && !guide.sections.has(id)).map((id) => `${f.number}: ${id}`));
    expect(unknown).toEqual([]);
  });
});
