import { decide } from '../../core/decide';
import type { Verdict } from '../../core/types';

// Table-driven cases, each derived from one sentence of a source document (quoted beside it,
// abridged). `requirement` is a phrase the answer's requirements (or summary) must contain.

interface Case {
  facts: Record<string, string>;
  verdict: Verdict;
  requirement?: RegExp;
  recommended?: string[];
  source: string;
}

const cases: Record<string, Record<string, Case>> = {
  'refurbished-pc': {
    'original board, COA, original media': {
      facts: { motherboard: 'original', coa: 'yes', recovery: 'original-media' }, verdict: 'permitted', requirement: /version named on the COA/,
      source: '001: "A new Windows license is not required for a refurbished PC that has: a COA ... and the original recovery media or hard-disk-based recovery image"',
    },
    'same-model board, COA, disk image': {
      facts: { motherboard: 'replaced-same-model', coa: 'yes', recovery: 'recovery-image' }, verdict: 'permitted', requirement: /recovery image/,
      source: '001: "replace a defective motherboard with one of exactly the same make, model, and specification"',
    },
    'media from the original maker': {
      facts: { motherboard: 'original', coa: 'yes', recovery: 'manufacturer-media' }, verdict: 'conditional', requirement: /original manufacturer/,
      source: '001: "the refurbisher may be able to obtain recovery media from the PC\'s original manufacturer"',
    },
    'no recovery at all': {
      facts: { motherboard: 'original', coa: 'yes', recovery: 'none' }, verdict: 'not-permitted', requirement: /new Windows license/,
      source: '001: "A new Windows license is required ... the refurbisher must purchase a new license" (read as: when neither media nor image is available)',
    },
    'no COA': {
      facts: { motherboard: 'original', coa: 'no', recovery: 'original-media' }, verdict: 'not-permitted', requirement: /new Windows license/,
      source: '001: "The COA constitutes proof that the PC is licensed"',
    },
    'upgraded motherboard': {
      facts: { motherboard: 'upgraded' }, verdict: 'not-permitted', requirement: /new Windows license/,
      source: '001: "If the motherboard is upgraded or replaced, for reasons other than a defect, then a new computer has been created"',
    },
    'defective board replaced by another model': {
      facts: { motherboard: 'replaced-different' }, verdict: 'not-permitted', requirement: /new Windows license/,
      source: '001: "The replacement motherboard must be the same make/model or the same manufacturer\'s replacement/equivalent"',
    },
    'warranty-equivalent board (the source disagrees with itself)': {
      facts: { motherboard: 'replaced-equivalent', coa: 'yes', recovery: 'original-media' }, verdict: 'conditional', requirement: /Confirm/,
      source: '001: definition "exactly the same make, model, and specification" vs motherboard section "replacement/equivalent, as defined by that manufacturer\'s warranty"',
    },
  },
  'used-pc': {
    'whole PC with media, manuals and COA': {
      facts: { transfer: 'whole-pc', with_media_and_coa: 'yes' }, verdict: 'permitted', requirement: /media, the manuals and the Certificate of Authenticity/,
      source: '001: "the entire used PC, including the software media, manuals, and Certificate of Authenticity, may be transferred"',
    },
    'license moved to another PC': {
      facts: { transfer: 'license-only' }, verdict: 'not-permitted',
      source: '001: "The license for OEM software on a used PC may not be transferred to a new or different PC"',
    },
    'whole PC without its COA': {
      facts: { transfer: 'whole-pc', with_media_and_coa: 'no' }, verdict: 'not-permitted', requirement: /Hand over/,
      source: '001: the transfer right covers the PC "including the software media, manuals, and Certificate of Authenticity"',
    },
  },
  'upgrade-imaging': {
    'all PCs have a COA, form returned': {
      facts: { base_coa: 'all', verification_form: 'returned' }, verdict: 'permitted', requirement: /collect the signed form/,
      source: '002/003: "OEMs and LSPs are required to directly collect this certification from their customers before they install images"',
    },
    'form not yet returned': {
      facts: { base_coa: 'all', verification_form: 'not-yet' }, verdict: 'not-permitted', requirement: /return it to the OEM\/LSP/,
      source: '002/003: "Volume Licensing software cannot be installed until the customer provides this verification in writing"',
    },
    'no PC has a qualifying COA': {
      facts: { base_coa: 'none', role: 'oem-or-lsp' }, verdict: 'not-permitted', requirement: /qualifying base Windows license/,
      source: '002/003: "can be placed only on computers that have an appropriate Certificate of Authenticity (COA) for a qualifying Windows base license"',
    },
    'only some PCs have a qualifying COA': {
      facts: { base_coa: 'some', verification_form: 'returned', role: 'customer' }, verdict: 'conditional', requirement: /Image only the PCs/,
      source: '002/003: "OEMs and LSPs must verify with customers that each computer ... has a COA for the appropriate qualifying Windows license"',
    },
  },
  'prior-versions': {
    'VL customer downloading from the VLSC': {
      facts: { channel: 'volume-licensing', media: 'vlsc' }, verdict: 'permitted', requirement: /registered user/,
      source: '003: "eligible to use prior versions of the software edition that they have licensed. This is known as a downgrade right"',
    },
    'VL customer with past VL media': {
      facts: { channel: 'volume-licensing', media: 'past-vl-media' }, verdict: 'permitted', requirement: /past VL shipments/,
      source: '003: "may install prior versions ... from any past shipments of physical Volume Licensing media"',
    },
    'VL customer with reseller stock': {
      facts: { channel: 'volume-licensing', media: 'reseller-media' }, verdict: 'permitted', requirement: /Reseller/,
      source: '003: "your Microsoft Reseller may still have CD/DVD media inventory"',
    },
    'VL customer with other legal media': {
      facts: { channel: 'volume-licensing', media: 'other-legal-media' }, verdict: 'permitted', requirement: /legally obtained/,
      source: '003: "If you have legally obtained physical media ... you can use these prior software versions at your discretion"',
    },
    'OEM or retail Windows': {
      facts: { channel: 'oem-or-retail' }, verdict: 'refer', requirement: /license terms/,
      source: '003 speaks of Volume Licensing customers only; 004: "review the license terms that accompany those products"',
    },
  },
  'virtual-machines': {
    'VDI on own dedicated servers, VDA per device (scenario VDI)': {
      facts: { where: 'own-datacenter', license: 'vda-per-device', instances: '1-4' }, verdict: 'permitted', requirement: /dedicated/,
      source: '004 VDI scenario: "devices or users would need active Windows Software Assurance, Windows VDA subscription, or Windows E3/E5 licenses"',
    },
    'Session host (scenario RDSH)': {
      facts: { where: 'session-host' }, verdict: 'conditional', requirement: /RDS\) CAL/,
      source: '004 RDSH scenario: "they do not need any additional licensing for the Windows desktop operating system. However, ... Windows Server CALs and Remote Desktop Services [RDS] CALs"',
    },
    'Local VMs on a Windows 10 Pro PC with Enterprise E3 (scenario local VMs)': {
      facts: { where: 'local', license: 'enterprise-per-user', device_os: 'pro-or-enterprise', instances: '1-4' }, verdict: 'permitted', requirement: /four/,
      source: '004 local VM scenario: "Windows 10 Enterprise E3/E5 subscription, which permits running up to four virtual machines concurrently"',
    },
    'Five local VMs': {
      facts: { where: 'local', license: 'enterprise-per-device', instances: 'more-than-4' }, verdict: 'not-permitted',
      source: '004: "Customer may run up to four Instances in Virtual OSEs and one Instance in the Physical OSE locally"',
    },
    'Roaming user on VDA per user': {
      facts: { where: 'own-datacenter', license: 'vda-per-user', instances: '1-4' }, verdict: 'permitted',
      source: '004 roaming scenario: "Windows VDA per User license— to allow access to up to four concurrent Windows virtual machines"',
    },
    'OEM Windows reaching a data center VM': {
      facts: { where: 'own-datacenter', license: 'oem-or-retail' }, verdict: 'not-permitted', requirement: /Enterprise E3\/E5, Windows VDA/,
      source: '004: "OEM licenses do not permit remote access to a Windows virtual machine running in a data center"',
    },
    'OEM Windows in a local VM': {
      facts: { where: 'local', license: 'oem-or-retail' }, verdict: 'conditional', requirement: /license terms/,
      source: '004: OEM terms "provide use rights to run Windows locally on the licensed device in a virtual OSE"',
    },
    'AWS (Listed Provider) with Enterprise E3 per user': {
      facts: { where: 'listed-provider', license: 'enterprise-per-user' }, verdict: 'not-permitted',
      source: '004: "An Authorized Outsourcer is restricted from being a Listed Provider" (since October 1, 2019)',
    },
    'AWS (Listed Provider) with VDA E3 per user': {
      facts: { where: 'listed-provider', license: 'vda-per-user', instances: '1-4' }, verdict: 'permitted', requirement: /dedicated/,
      source: '004: "Customer\'s Windows VDA E3 and E5 Licensed Users may remotely access Windows software ... on any Listed Provider\'s Servers dedicated to Customer\'s use"',
    },
    'Listed Provider with VDA per device (table and text disagree)': {
      facts: { where: 'listed-provider', license: 'vda-per-device', instances: '1-4' }, verdict: 'conditional', requirement: /Confirm/,
      source: '004: the rights table ticks both VDA columns; the text names "VDA E3 and E5 Licensed Users"',
    },
    'Authorized Outsourcer with Enterprise SA per device': {
      facts: { where: 'outsourcer', license: 'enterprise-per-device', hoster: 'independent', instances: '1-4' }, verdict: 'permitted', requirement: /Authorized Outsourcer/,
      source: '004: "requires the third party to be an Authorized Outsourcer. The hosted environment must be on servers dedicated to the customer"',
    },
    'Azure with VDA per user, Windows 10 CU, AAD activation': {
      facts: { where: 'azure', license: 'vda-per-user', instances: '1-4', win10_cu: 'yes', aad_activation: 'yes' }, verdict: 'permitted', requirement: /Azure AD-based activation/,
      source: '004: "The customer may only deploy Windows 10 desktops (Creators Update or later version software) using Azure AD-based activation"',
    },
    'Azure with a per device license': {
      facts: { where: 'azure', license: 'enterprise-per-device' }, verdict: 'not-permitted',
      source: '004: "Windows 10 Multitenant Hosting rights are not provided with any device-based licenses"',
    },
    'QMTH running on a Listed Provider': {
      facts: { where: 'qmth', license: 'vda-per-user', hoster: 'uses-listed-provider' }, verdict: 'not-permitted',
      source: '004: "Rights to install and use the software with a QMTH do not apply if the QMTH is using a Listed Provider as a Data Center Provider"',
    },
    'Microsoft 365 user who is not a primary user, on Azure': {
      facts: { where: 'azure', license: 'm365', primary_user: 'no' }, verdict: 'not-permitted', requirement: /VDA E3\/E5 per user/,
      source: '004: "Microsoft 365 licenses ... are only eligible if the user is the primary user of a device with a Qualifying Operating System"',
    },
    'Microsoft 365 on WVD (eligible in all cases)': {
      facts: { where: 'wvd', license: 'm365', primary_user: 'no' }, verdict: 'permitted',
      source: '004: "Microsoft 365 licenses are eligible in all cases"',
    },
    'Local VMs on an Education device (sources disagree)': {
      facts: { where: 'local', license: 'vda-per-user', device_os: 'education', instances: '1-4' }, verdict: 'conditional', requirement: /Confirm/,
      source: '004: local rights name "Windows 10/8.1 Pro or Enterprise, or Windows 7 Professional or Enterprise"; per user requirement names "Pro, Enterprise, or Education"',
    },
  },
  'vdi-license-choice': {
    'Roaming VDI users': {
      facts: { devices: 'roaming' }, verdict: 'recommendation', recommended: ['vda-per-user'],
      source: '004 roaming scenario: "The user needs a Windows VDA per User license"',
    },
    'Bring your own companion device': {
      facts: { devices: 'companion' }, verdict: 'recommendation', recommended: ['enterprise-per-user-addon', 'vda-per-user-addon'],
      source: '004 BYOCD scenario: "the company can acquire a Windows Software Assurance per User Add-on for the user"',
    },
    'Bring your own device': {
      facts: { devices: 'byod-no-qualifying' }, verdict: 'recommendation', recommended: ['vda-per-user'],
      source: '004 BYOD scenario: "The Windows VDA per User license would allow the user to access the VDI desktops from any device"',
    },
    'Contractor PCs': {
      facts: { devices: 'contractor' }, verdict: 'recommendation', recommended: ['enterprise-per-device', 'vda-per-device', 'enterprise-per-user', 'vda-per-user'],
      source: '004 contractor scenario: "license devices ... with either Windows Enterprise per device with Software Assurance or Windows VDA per device ... or license the users"',
    },
    'Thin clients': {
      facts: { devices: 'thin-clients' }, verdict: 'recommendation', recommended: ['vda-per-device', 'vda-per-user'],
      source: '004: "license users or devices that do not have or are not eligible for Windows licenses (such as thin clients) with a Windows VDA subscription"',
    },
    'Company PCs with a qualifying OS (VDI scenario)': {
      facts: { devices: 'company-qualifying' }, verdict: 'recommendation', recommended: ['enterprise-per-device', 'enterprise-per-user'],
      source: '004 VDI scenario: "active Windows Software Assurance, Windows VDA subscription, or Windows E3/E5 licenses"',
    },
  },
};

describe.each(Object.entries(cases))('%s scenarios', (topic, table) => {
  it.each(Object.entries(table))('%s', (_name, { facts, verdict, requirement, recommended }) => {
    const decision = decide(topic, facts);
    expect(decision.verdict).toBe(verdict);
    if (requirement) expect([decision.summary, ...decision.requirements].join('\n')).toMatch(requirement);
    if (recommended) expect(decision.recommended).toEqual(recommended);
  });
});
