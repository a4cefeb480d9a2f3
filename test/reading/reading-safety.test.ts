import { search } from '../../reading/search';

// What a free question may pre-fill, pattern by pattern, in the project's own words. Each case
// names the source sentence that makes the wrong reading harmful: a fact read wrongly is shown
// for confirmation, but it must not be read at all when the text denies it, when it comes from a
// release number, or when a look-alike name means another license. When unsure, the reading
// leaves the fact out and the interview asks it.

interface Case {
  q: string;
  /** Fact values that must not be pre-filled in any check offered. */
  never: Record<string, string>;
  /** Facts that must be read (the reading is not simply switched off). */
  reads?: Record<string, string>;
  source: string;
}

function offered(q: string): Record<string, string>[] {
  const result = search(q);
  return [result.suggested, ...result.alternatives].filter((c) => c !== null).map((c) => c.facts);
}

function check(c: Case) {
  const facts = offered(c.q);
  for (const [fact, value] of Object.entries(c.never)) {
    expect(facts.map((f) => f[fact])).not.toContain(value);
  }
  if (c.reads) expect(facts).toContainEqual(expect.objectContaining(c.reads));
}

describe('a phrase the text negates states nothing', () => {
  it.each<Case>([
    {
      q: 'We refurbish laptops: the recovery discs are gone and the recovery partition was wiped, but the COA is still on the case and the motherboard is original. Can we sell them with Windows?',
      never: { recovery: 'original-media' },
      reads: { coa: 'yes', motherboard: 'original' },
      source:
        '001: "A new Windows license is required for a refurbished PC if: The refurbisher cannot obtain the original recovery media, or The PC does not have a hard-disk-based recovery image."',
    },
    {
      q: 'the recovery partition has been deleted and we never had the recovery DVD; the COA sticker is on the bottom',
      never: { recovery: 'recovery-image' },
      source: '001: "The original hard-disk-based recovery image to re-install the operating system software named on the COA."',
    },
    {
      q: 'we lost the recovery DVD for this refurbished PC, can it keep Windows?',
      never: { recovery: 'original-media' },
      source: '001: "If the original recovery media is missing, the refurbisher may be able to obtain recovery media from the PC\'s original manufacturer."',
    },
    {
      q: 'Our organisation has no VLSC agreement; where do we get media for an older Windows version?',
      never: { media: 'vlsc', channel: 'volume-licensing' },
      source: '003: "To access the VLSC, you must be a registered user on the site and have access to agreement data."',
    },
    {
      q: 'Not everyone has access to the VLSC, nor is the old release offered in the VLSC portal. Where do we get it?',
      never: { media: 'vlsc', channel: 'volume-licensing' },
      source:
        '003: "Your organization may install prior versions of products that are no longer available from the VLSC from any past shipments of physical Volume Licensing media"',
    },
    {
      q: 'We do not have Azure AD, can users run Windows 10 VMs on Azure with VDA E3?',
      never: { aad_activation: 'yes' },
      reads: { where: 'azure' },
      source: '004: Multitenant hosting on Azure requires Azure Active Directory-based activation.',
    },
  ])('$q', check);
});

describe('a number in a release name is not a count, and a release is not a fact', () => {
  it.each<Case>([
    {
      q: 'Each VDA user needs two Windows 10 1909 VMs in our own datacenter, is that covered?',
      never: { instances: 'more-than-4', win10_cu: 'yes' },
      reads: { where: 'own-datacenter' },
      source: '004: "may remotely access up to four Instances of the Software Running in Virtual OSEs"',
    },
    {
      q: 'We run Windows 10 21H2 build 19045 VMs on our own servers for users with VDA per user',
      never: { win10_cu: 'yes', instances: 'more-than-4' },
      reads: { license: 'vda-per-user' },
      source: '004: "Licensed user may install the Windows 10 Creators Update or later version software on a virtual machine running on Microsoft Azure"',
    },
    {
      q: 'Can I run Windows 7 VMs on Azure for our E3 users?',
      never: { win10_cu: 'no' },
      reads: { where: 'azure' },
      source: '004: "Licensed user may install the Windows 10 Creators Update or later version software on a virtual machine running on Microsoft Azure"',
    },
    {
      q: 'Five developers each run three local Windows 10 VMs on their Windows 10 Pro PCs',
      never: { instances: 'more-than-4' },
      reads: { where: 'local' },
      source: '004: "Customer may run up to four Instances in Virtual OSEs and one Instance in the Physical OSE locally on the Licensed Device."',
    },
  ])('$q', check);
});

describe('a look-alike name does not read as another license', () => {
  it.each<Case>([
    {
      q: 'Does Windows Virtual Desktop Access per user cover Windows VMs at a hosting company?',
      never: { where: 'wvd' },
      reads: { license: 'vda-per-user' },
      source: '004: "Windows VDA E3/E5" is a per user license; WVD is "a desktop and app virtualization service running in Azure".',
    },
    {
      q: 'Our school has Windows 10 Education A5 licenses, can students reach Windows VMs on Azure?',
      never: { device_os: 'education', license: 'enterprise-per-user' },
      source:
        '004: "Primary user\'s primary work device must be licensed for Windows 7/8/8.1/10 Pro, Enterprise, or Education" is about the device, not a license held.',
    },
    {
      q: 'We have Windows Server Standard with Software Assurance; may we run it in Azure?',
      never: { license: 'enterprise-per-device', where: 'azure' },
      source: '004: the Software Assurance of Windows virtualization rights is "Software Assurance for the Windows desktop operating system", not a server\'s.',
    },
  ])('$q', check);

  test('a developer\'s own PC ("dev box") is not Microsoft Dev Box: the local-VM section comes first', () => {
    expect(search('Can I run a few Windows VMs on my dev box for testing?').results[0]?.section).toBe('scenario-local-vms');
  });
});

describe('contract version 3 values are read from their own names', () => {
  it.each<Case>([
    {
      q: 'Our teachers have Windows 10 Education E5 per user; can they run Windows VMs on Azure?',
      never: { license: 'enterprise-per-user', device_os: 'education' },
      reads: { license: 'education-per-user', where: 'azure' },
      source:
        '004: the brief covers "Windows 10 Education E3/E5" as a license of its own, apart from the device requirement "licensed for Windows 7/8/8.1/10 Pro, Enterprise, or Education".',
    },
    {
      q: 'We hold the Windows VDA E3 per User Add-on for our staff; can they use Windows VMs on Azure?',
      never: { license: 'vda-per-user' },
      reads: { license: 'vda-per-user-addon' },
      source: '004: the Add-on needs the "Primary user\'s primary work device must already be covered" per device, unlike VDA E3/E5 per user.',
    },
    {
      q: 'Can a hosting company run our Windows 10 desktops on its shared servers, not Azure?',
      never: { where: 'qmth' },
      source: '004: "When using a third-party shared server, the provider must be a Qualified Multitenant Hoster (QMTH)."',
    },
    {
      q: 'We are selling a used PC that still has its COA sticker but the install discs and manuals are lost',
      never: { with_media_and_coa: 'no', with_media_and_coa_: 'yes' },
      reads: { transfer: 'whole-pc', with_media_and_coa: 'coa-only' },
      source: '001: "the entire used PC, including the software media, manuals, and Certificate of Authenticity, may be transferred to another end user"',
    },
    {
      q: 'Can I sell my old laptop without the recovery discs?',
      never: { with_media_and_coa: 'no' },
      source: '001: the COA is the proof of license; media missing says nothing of whether the COA goes along.',
    },
  ])('$q', check);
});

describe('a transfer is read as what changes hands', () => {
  it.each<Case>([
    {
      q: 'I am selling my old laptop but want to keep its Windows license for my new self-built PC',
      never: { transfer: 'whole-pc' },
      source: '001: "The license for OEM software on a used PC may not be transferred to a new or different PC."',
    },
    {
      q: 'I bought a new computer; can I sell my old copy of Windows on its own?',
      never: { transfer: 'whole-pc' },
      reads: { transfer: 'license-only' },
      source: '001: "The license for OEM software on a used PC may not be transferred to a new or different PC."',
    },
    {
      q: 'can I give my old PC to my nephew with Windows on it?',
      never: { transfer: 'license-only' },
      reads: { transfer: 'whole-pc' },
      source:
        '001: "the entire used PC, including the software media, manuals, and Certificate of Authenticity, may be transferred to another end user along with the software license rights"',
    },
  ])('$q', check);
});

describe('topics people confuse get the right section first, or both checks', () => {
  it.each([
    { q: 'I want to give my old Windows XP computer to my nephew, is that allowed?', topics: ['used-pc'] },
    { q: 'Is an OEM Windows license ok for a VM in the cloud?', topics: ['virtual-machines'] },
    { q: 'We have an Enterprise Agreement. Can we install Windows 8.1 instead of Windows 10?', topics: ['prior-versions'] },
    { q: 'Do we have the right to reimage new Dell PCs with our own corporate Windows image?', topics: ['upgrade-imaging'] },
    // A passing mention of RDS CALs must not make it a session-host question.
    {
      q: 'Our users have RDS CALs, but we want Windows 10 VDI desktops for them on Azure: what do they need?',
      topics: ['virtual-machines', 'vdi-license-choice'],
    },
  ])('$q', ({ q, topics }) => {
    const result = search(q);
    expect(topics).toContain(result.results[0]?.topic);
    if (q.includes('RDS CALs')) expect(result.results[0]?.section).not.toBe('scenario-session-host');
  });

  test('one-word questions about the guide itself find it', () => {
    expect(search('glossary').results[0]?.section).toBe('glossary');
    expect(search('disclaimer').results[0]?.section).toBe('vm-disclaimer');
  });

  test('a definition question gets the glossary first and no check', () => {
    for (const q of ['What is a COA?', 'what does OEM mean', 'what is a QMTH']) {
      const result = search(q);
      expect(result.results.map((r) => r.section)).toContain('glossary');
      expect(result.suggested).toBeNull();
    }
  });
});
