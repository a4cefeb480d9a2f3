import { decide } from '../../core/decide';
import type { Verdict } from '../../core/types';

// Table-driven cases, each derived from one sentence of a source document (quoted beside it,
// abridged). `requirement` is a phrase the answer's summary or requirements must contain;
// `absent` one the requirements must not (a remedy the facts rule out, a to-do already done).

interface Case {
  facts: Record<string, string>;
  verdict: Verdict;
  requirement?: RegExp;
  absent?: RegExp;
  recommended?: string[];
  source: string;
}

const cases: Record<string, Record<string, Case>> = {
  'refurbished-pc': {
    'original board, COA, original media': {
      facts: { motherboard: 'original', coa: 'yes', recovery: 'original-media' },
      verdict: 'permitted',
      requirement: /version named on the COA/,
      source:
        '001: "A new Windows license is not required for a refurbished PC that has: a COA ... and the original recovery media or hard-disk-based recovery image"',
    },
    'same-model board, COA, disk image': {
      facts: { motherboard: 'replaced-same-model', coa: 'yes', recovery: 'recovery-image' },
      verdict: 'permitted',
      requirement: /recovery image/,
      source: '001: "replace a defective motherboard with one of exactly the same make, model, and specification"',
    },
    'media from the original maker': {
      facts: { motherboard: 'original', coa: 'yes', recovery: 'manufacturer-media' },
      verdict: 'conditional',
      requirement: /original manufacturer/,
      source: '001: "the refurbisher may be able to obtain recovery media from the PC\'s original manufacturer"',
    },
    'no recovery at all': {
      facts: { motherboard: 'original', coa: 'yes', recovery: 'none' },
      verdict: 'not-permitted',
      requirement: /new Windows license/,
      source: '001: "A new Windows license is required ... the refurbisher must purchase a new license" (read as: when neither media nor image is available)',
    },
    'no COA': {
      facts: { motherboard: 'original', coa: 'no', recovery: 'original-media' },
      verdict: 'not-permitted',
      requirement: /new Windows license/,
      source: '001: "The COA constitutes proof that the PC is licensed"',
    },
    'upgraded motherboard': {
      facts: { motherboard: 'upgraded' },
      verdict: 'not-permitted',
      requirement: /new Windows license/,
      source: '001: "If the motherboard is upgraded or replaced, for reasons other than a defect, then a new computer has been created"',
    },
    'defective board replaced by another model': {
      facts: { motherboard: 'replaced-different' },
      verdict: 'not-permitted',
      requirement: /new Windows license/,
      source: '001: "The replacement motherboard must be the same make/model or the same manufacturer\'s replacement/equivalent"',
    },
    'warranty-equivalent board (the source disagrees with itself)': {
      facts: { motherboard: 'replaced-equivalent', coa: 'yes', recovery: 'original-media' },
      verdict: 'conditional',
      requirement: /Confirm/,
      source:
        '001: definition "exactly the same make, model, and specification" vs motherboard section "replacement/equivalent, as defined by that manufacturer\'s warranty"',
    },
  },
  'used-pc': {
    'whole PC with media, manuals and COA': {
      facts: { transfer: 'whole-pc', with_media_and_coa: 'yes' },
      verdict: 'permitted',
      requirement: /media, the manuals and the Certificate of Authenticity/,
      source: '001: "the entire used PC, including the software media, manuals, and Certificate of Authenticity, may be transferred"',
    },
    'license moved to another PC': {
      facts: { transfer: 'license-only' },
      verdict: 'not-permitted',
      source: '001: "The license for OEM software on a used PC may not be transferred to a new or different PC"',
    },
    'whole PC without its COA': {
      facts: { transfer: 'whole-pc', with_media_and_coa: 'no' },
      verdict: 'not-permitted',
      requirement: /Hand over/,
      source: '001: the transfer right covers the PC "including the software media, manuals, and Certificate of Authenticity"',
    },
    'whole PC, COA along, media or manuals lost: the source is silent, so it does not decide': {
      facts: { transfer: 'whole-pc', with_media_and_coa: 'coa-only' },
      verdict: 'refer',
      requirement: /say nothing of a PC whose COA goes along but whose media or manuals are lost/,
      absent: /new Windows license/,
      source:
        '001: "However, the entire used PC, including the software media, manuals, and Certificate of Authenticity, may be transferred to another end user along with the software license rights."',
    },
  },
  'upgrade-imaging': {
    'all PCs have a COA, form returned': {
      facts: { base_coa: 'all', verification_form: 'returned' },
      verdict: 'permitted',
      requirement: /carries the COA for a qualifying base license/,
      absent: /download the license verification form|account manager/,
      source:
        '002/003: "OEMs and LSPs must verify with customers that each computer ... has a COA for the appropriate qualifying Windows license" (the form is already back, so it is no to-do)',
    },
    'form not yet returned': {
      facts: { base_coa: 'all', verification_form: 'not-yet' },
      verdict: 'not-permitted',
      requirement: /return it to the OEM\/LSP/,
      source: '002/003: "Volume Licensing software cannot be installed until the customer provides this verification in writing"',
    },
    'no PC has a qualifying COA, and no form either': {
      facts: { base_coa: 'none', verification_form: 'not-yet' },
      verdict: 'not-permitted',
      requirement: /qualifying base Windows license/,
      source: '002/003: "can be placed only on computers that have an appropriate Certificate of Authenticity (COA) for a qualifying Windows base license"',
    },
    'only some PCs have a qualifying COA': {
      facts: { base_coa: 'some', verification_form: 'returned', role: 'customer' },
      verdict: 'conditional',
      requirement: /Image only the PCs/,
      absent: /download the license verification form/,
      source: '002/003: "OEMs and LSPs must verify with customers that each computer ... has a COA for the appropriate qualifying Windows license"',
    },
  },
  'prior-versions': {
    'VL customer downloading from the VLSC': {
      facts: { channel: 'volume-licensing', media: 'vlsc' },
      verdict: 'permitted',
      requirement: /registered user/,
      source: '003: "eligible to use prior versions of the software edition that they have licensed. This is known as a downgrade right"',
    },
    'VL customer: which versions and editions is for the Downgrade Rights brief and the Product Terms': {
      facts: { channel: 'volume-licensing' },
      verdict: 'permitted',
      requirement: /Downgrade Rights Volume Licensing brief and the Product Terms/,
      source: '003: "More information is provided in the Downgrade Rights Volume Licensing brief, as well as in the Product Terms"',
    },
    'VL customer with past VL media': {
      facts: { channel: 'volume-licensing', media: 'past-vl-media' },
      verdict: 'permitted',
      requirement: /past VL shipments/,
      source: '003: "may install prior versions ... from any past shipments of physical Volume Licensing media"',
    },
    'VL customer with reseller stock': {
      facts: { channel: 'volume-licensing', media: 'reseller-media' },
      verdict: 'permitted',
      requirement: /Reseller/,
      source: '003: "your Microsoft Reseller may still have CD/DVD media inventory"',
    },
    'VL customer with other legal media': {
      facts: { channel: 'volume-licensing', media: 'other-legal-media' },
      verdict: 'permitted',
      requirement: /legally obtained/,
      source: '003: "If you have legally obtained physical media ... you can use these prior software versions at your discretion"',
    },
    'OEM or retail Windows': {
      facts: { channel: 'oem-or-retail' },
      verdict: 'refer',
      requirement: /license terms/,
      source: '003 speaks of Volume Licensing customers only; 004: "review the license terms that accompany those products"',
    },
  },
  'virtual-machines': {
    'VDI on own dedicated servers, VDA per device, from the licensed devices (scenario VDI)': {
      facts: { where: 'own-datacenter', license: 'vda-per-device', program: 'eligible', access_from: 'licensed-device', instances: '1-4' },
      verdict: 'permitted',
      requirement: /only from the licensed devices/,
      source:
        '004 VDI scenario: "devices or users would need active Windows Software Assurance, Windows VDA subscription, or Windows E3/E5 licenses acquired through an eligible program"',
    },
    'Session host (scenario RDSH)': {
      facts: { where: 'session-host' },
      verdict: 'conditional',
      requirement: /RDS\) CAL/,
      source:
        '004 RDSH scenario: "they do not need any additional licensing for the Windows desktop operating system. However, ... Windows Server CALs and Remote Desktop Services [RDS] CALs"',
    },
    'Local VMs on a Windows 10 Pro PC, its primary user with Enterprise E3 (scenario local VMs)': {
      facts: { where: 'local', license: 'enterprise-per-user', program: 'eligible', device_os: 'pro-or-enterprise', primary_user: 'yes', instances: '1-4' },
      verdict: 'permitted',
      requirement: /four/,
      source:
        '004 local VM scenario: "The PC or the primary user of the PC needs active ... Windows 10 Enterprise E3/E5 subscription, which permits running up to four virtual machines concurrently"',
    },
    'Five local VMs': {
      facts: { where: 'local', license: 'enterprise-per-device', instances: 'more-than-4' },
      verdict: 'not-permitted',
      absent: /license more/i,
      source: '004: "Customer may run up to four Instances in Virtual OSEs and one Instance in the Physical OSE locally"',
    },
    'Roaming user on VDA per user': {
      facts: { where: 'own-datacenter', license: 'vda-per-user', program: 'eligible', instances: '1-4' },
      verdict: 'permitted',
      source: '004 roaming scenario: "Windows VDA per User license— to allow access to up to four concurrent Windows virtual machines ... from any device"',
    },
    'AWS (Listed Provider) with Enterprise E3 per user: dated, pointed at the Product Terms, remedy VDA not SA': {
      facts: { where: 'listed-provider', license: 'enterprise-per-user' },
      verdict: 'not-permitted',
      requirement: /October 1, 2019.*Product Terms/s,
      absent: /Enterprise with (SA|Software Assurance)/,
      source:
        '004: "The license terms for Outsourcing Software Management were updated October 1, 2019 ... The use of a Listed Provider was not restricted prior ... Refer to the Product Terms"',
    },
    'Listed Provider with Enterprise SA per device: the remedy is VDA per user, not more SA': {
      facts: { where: 'listed-provider', license: 'enterprise-per-device' },
      verdict: 'not-permitted',
      requirement: /VDA E3\/E5 per user/,
      absent: /Software Assurance per device/,
      source:
        '004: "customer\'s VDA E3 and E5 Licensed Users may remotely access ... including dedicated servers provided by Listed Providers" (the Enterprise SA column is not marked)',
    },
    'AWS (Listed Provider) with VDA E3 per user': {
      facts: { where: 'listed-provider', license: 'vda-per-user', program: 'eligible', instances: '1-4' },
      verdict: 'permitted',
      requirement: /dedicated/,
      source:
        "004: \"Customer's Windows VDA E3 and E5 Licensed Users may remotely access Windows software ... on any Listed Provider's Servers dedicated to Customer's use\"",
    },
    'Listed Provider with VDA per device (table and text disagree)': {
      facts: { where: 'listed-provider', license: 'vda-per-device', program: 'eligible', access_from: 'licensed-device', instances: '1-4' },
      verdict: 'conditional',
      requirement: /Confirm/,
      source: '004: the rights table ticks both VDA columns; the text names "VDA E3 and E5 Licensed Users"',
    },
    'Authorized Outsourcer with Enterprise SA per device': {
      facts: {
        where: 'outsourcer',
        license: 'enterprise-per-device',
        device_os: 'pro-or-enterprise',
        program: 'eligible',
        access_from: 'licensed-device',
        hoster: 'independent',
        instances: '1-4',
      },
      verdict: 'permitted',
      requirement: /Authorized Outsourcer/,
      source: '004: "requires the third party to be an Authorized Outsourcer. The hosted environment must be on servers dedicated to the customer"',
    },
    'Outsourcer on a Listed Provider with Enterprise E3: refused since the October 1, 2019 change': {
      facts: { where: 'outsourcer', license: 'enterprise-per-user', hoster: 'uses-listed-provider' },
      verdict: 'not-permitted',
      requirement: /October 1, 2019.*Product Terms/s,
      source: '004: "An Authorized Outsourcer is restricted from being a Listed Provider and may not use a Listed Provider as a datacenter provider"',
    },
    'Azure with VDA per user, Windows 10 CU, AAD activation': {
      facts: { where: 'azure', license: 'vda-per-user', instances: '1-4', win10_cu: 'yes', aad_activation: 'yes' },
      verdict: 'permitted',
      requirement: /Azure AD-based activation/,
      source: '004: "The customer may only deploy Windows 10 desktops (Creators Update or later version software) using Azure AD-based activation"',
    },
    'Azure: the Student Use Benefit sentence is ambiguous, and the answer says so': {
      facts: { where: 'azure', license: 'vda-per-user', instances: '1-4', win10_cu: 'yes', aad_activation: 'yes' },
      verdict: 'permitted',
      requirement: /whether it lifts the limit or the whole right/,
      source:
        '004: "Each Licensed User may access up to four instances of the software. This does not apply to Students receiving access to software through Student Use Benefit."',
    },
    'Azure, five VMs per user: refused, with the open Student Use Benefit reading': {
      facts: { where: 'azure', license: 'vda-per-user', instances: 'more-than-4' },
      verdict: 'not-permitted',
      requirement: /Student Use Benefit/,
      source:
        '004: "Each Licensed User may access up to four instances of the software. This does not apply to Students receiving access to software through Student Use Benefit."',
    },
    'Azure with a per device license: no Azure or QMTH suggested again': {
      facts: { where: 'azure', license: 'enterprise-per-device' },
      verdict: 'not-permitted',
      requirement: /per user/,
      absent: /QMTH partner/,
      source: '004: "Windows 10 Multitenant Hosting rights are not provided with any device-based licenses"',
    },
    'QMTH running on a Listed Provider': {
      facts: { where: 'qmth', license: 'vda-per-user', hoster: 'uses-listed-provider' },
      verdict: 'not-permitted',
      source: '004: "Rights to install and use the software with a QMTH do not apply if the QMTH is using a Listed Provider as a Data Center Provider"',
    },
    'Microsoft 365 user who is not a primary user, on Azure': {
      facts: { where: 'azure', license: 'm365', primary_user: 'no' },
      verdict: 'not-permitted',
      requirement: /VDA E3\/E5 per user/,
      source:
        '004: "Microsoft 365 licenses that include Windows 10 Enterprise E3/E5 are only eligible if the user is the primary user of a device with a Qualifying Operating System"',
    },
    'Microsoft 365 on WVD (eligible in all cases)': {
      facts: { where: 'wvd', license: 'm365', primary_user: 'no', device_os: 'other' },
      verdict: 'permitted',
      source: '004: "Microsoft 365 licenses are eligible in all cases"',
    },
    'Local VMs on an Education device (sources disagree)': {
      facts: { where: 'local', license: 'vda-per-user', program: 'eligible', device_os: 'education', instances: '1-4' },
      verdict: 'conditional',
      requirement: /Confirm/,
      source:
        '004: local rights name "Windows 10/8.1 Pro or Enterprise, or Windows 7 Professional or Enterprise"; per user requirement names "Pro, Enterprise, or Education"',
    },

    // Class 1: the primary-user requirements apply to local VMs too.
    'Local VMs, Microsoft 365, not the primary user': {
      facts: { where: 'local', license: 'm365', device_os: 'pro-or-enterprise', instances: '1-4', primary_user: 'no' },
      verdict: 'not-permitted',
      source:
        '004, with the Windows Virtualization rights (local and remote): "Microsoft 365 licenses that include Windows 10 Enterprise E3/E5 are only eligible if the user is the primary user of a device with a Qualifying Operating System"',
    },
    'Local VMs, Enterprise E3 per user, not the primary user': {
      facts: { where: 'local', license: 'enterprise-per-user', program: 'eligible', device_os: 'pro-or-enterprise', instances: '1-4', primary_user: 'no' },
      verdict: 'not-permitted',
      requirement: /VDA E3\/E5 per user/,
      source: '004 per user requirements: "Primary user\'s primary work device must be licensed for Windows 7/8/8.1/10 Pro, Enterprise, or Education"',
    },
    // Class 2: no requirement that the facts already break.
    'Own servers, Enterprise E3 per user, primary work device not qualifying': {
      facts: { where: 'own-datacenter', license: 'enterprise-per-user', primary_user: 'yes', device_os: 'other', instances: '1-4' },
      verdict: 'not-permitted',
      absent: /^Each licensed user is the primary user/m,
      source: '004 per user requirements: "Primary user\'s primary work device must be licensed for Windows 7/8/8.1/10 Pro, Enterprise, or Education"',
    },
    // Class 3: per device licenses reach remote VMs from the licensed device only.
    'Own servers, VDA per device, users also on home PCs': {
      facts: { where: 'own-datacenter', license: 'vda-per-device', program: 'eligible', access_from: 'other-devices', instances: '1-4' },
      verdict: 'not-permitted',
      requirement: /licensed device only/,
      source: '004 overview table, remote access via VDI, per device columns: "Any Licensed Device"; per user: "Any device"',
    },
    'VDA per device, users also on personal tablets: the VDA Add-on is offered, not the Enterprise one': {
      facts: { where: 'own-datacenter', license: 'vda-per-device', program: 'eligible', access_from: 'other-devices', instances: '1-4' },
      verdict: 'not-permitted',
      requirement: /Windows VDA E3\/E5 per User Add-on/,
      absent: /Enterprise E3\/E5 per User Add-on/,
      source:
        '004 BYOCD: "Because the primary work device is licensed for Software Assurance for Windows or Windows VDA subscription, the company can acquire a Windows Software Assurance per User Add-on for the user, which allows that user to access a corporate VDI at work from any device."',
    },
    'Enterprise SA per device, users also on personal tablets: the Enterprise Add-on is offered': {
      facts: { where: 'own-datacenter', license: 'enterprise-per-device', program: 'eligible', access_from: 'other-devices', instances: '1-4' },
      verdict: 'not-permitted',
      requirement: /Windows Enterprise E3\/E5 per User Add-on/,
      absent: /VDA E3\/E5 per User Add-on/,
      source:
        '004 per user requirements, Add-on "When added to Windows 10 Enterprise per Device": "Primary user\'s primary work device must already be covered by Windows 10 Enterprise per Device"',
    },
    'Own servers, Enterprise SA per device, reached from the licensed PCs': {
      facts: {
        where: 'own-datacenter',
        license: 'enterprise-per-device',
        program: 'eligible',
        access_from: 'licensed-device',
        device_os: 'pro-or-enterprise',
        instances: '1-4',
      },
      verdict: 'permitted',
      requirement: /only from the licensed devices/,
      source:
        '004 detailed rights: "Any user of a Licensed Device ... may remotely access up to four Instances ... on (a) device(s) dedicated to Customer\'s use"',
    },
    // Class 4: eligible programs.
    'Own servers, VDA per user bought through another program (CSP)': {
      facts: { where: 'own-datacenter', license: 'vda-per-user', program: 'other', instances: '1-4' },
      verdict: 'refer',
      requirement: /Product Terms/,
      source:
        '004: "License users with ... Windows VDA E3/E5 subscription on a per user basis via one of the following programs: Open License, Select/Select Plus, Microsoft Products and Services Agreement, Open Value, Enterprise Agreement, or Enrollment for Education Solutions"',
    },
    'WVD with VDA per user from any program': {
      facts: { where: 'wvd', license: 'vda-per-user', program: 'other' },
      verdict: 'permitted',
      source: '004 WVD: "(Licenses acquired through all programs are eligible.)"',
    },
    // Class 5: OEM is not retail.
    'OEM Windows reaching a data center VM': {
      facts: { where: 'own-datacenter', license: 'oem' },
      verdict: 'not-permitted',
      requirement: /VDA E3\/E5 per user/,
      source: '004: "OEM licenses do not permit remote access to a Windows virtual machine running in a data center"',
    },
    'OEM Windows in a local VM': {
      facts: { where: 'local', license: 'oem' },
      verdict: 'conditional',
      requirement: /license terms/,
      source: '004: OEM terms "provide use rights to run Windows locally on the licensed device in a virtual OSE"',
    },
    'Retail Windows in a local VM': {
      facts: { where: 'local', license: 'retail' },
      verdict: 'refer',
      requirement: /license terms that came with the product/,
      source: '004: "For use rights provided with Windows ... purchased through other channels, review the license terms that accompany those products"',
    },
    'Retail Windows reaching a data center VM': {
      facts: { where: 'own-datacenter', license: 'retail' },
      verdict: 'refer',
      source: '004 states remote-access limits for the OEM channel only; for other channels it points to "the license terms that accompany those products"',
    },
    // Contract v3: "only available with" is a no for every other license, never "the sources do not decide".
    'Retail Windows on Azure: no, and nothing asked about Creators Update or activation': {
      facts: { where: 'azure', license: 'retail' },
      verdict: 'not-permitted',
      requirement: /only available with Windows Enterprise E3\/E5 and Windows VDA E3\/E5 per user/,
      absent: /Azure AD-based activation|Creators Update/,
      source:
        '004: "Windows 10 Multitenant Hosting rights are not provided with any device-based licenses and are only available with Windows Enterprise E3/E5 subscription licenses and Windows VDA E3/E5 subscription licenses on a per user basis."',
    },
    'Retail Windows with a QMTH partner, activation not by Azure AD: still the license that refuses': {
      facts: { where: 'qmth', license: 'retail', aad_activation: 'no' },
      verdict: 'not-permitted',
      requirement: /only available with/,
      absent: /Activate the Windows VMs with Azure AD/,
      source:
        '004: "Windows 10 Multitenant Hosting rights are not provided with any device-based licenses and are only available with Windows Enterprise E3/E5 subscription licenses and Windows VDA E3/E5 subscription licenses on a per user basis."',
    },
    'OEM Windows on Azure': {
      facts: { where: 'azure', license: 'oem' },
      verdict: 'not-permitted',
      source: '004: "OEM licenses do not permit remote access to a Windows virtual machine running in a data center."',
    },
    'Retail Windows in Windows Virtual Desktop': {
      facts: { where: 'wvd', license: 'retail' },
      verdict: 'not-permitted',
      requirement: /eligible per user license/,
      source:
        '004: "In addition to the eligible per user license, you only pay the base compute and storage costs in Azure. You can license users for WVD rights with Windows Enterprise E3/E5 subscription licenses, Windows VDA E3/E5 subscription licenses, or Microsoft 365 suite license on a per user basis."',
    },
    'Retail Windows on own servers: still the product terms, which the sources leave open': {
      facts: { where: 'own-datacenter', license: 'retail' },
      verdict: 'refer',
      requirement: /license terms/,
      source:
        '004: "For use rights provided with Windows preinstalled by the original equipment manufacturer (OEM) or purchased through other channels, review the license terms that accompany those products."',
    },
    // Contract v3: device_os is asked for Enterprise SA per device; a thin client gets VDA, not SA on nothing.
    'Enterprise SA per device on a thin client, VMs on own servers': {
      facts: {
        where: 'own-datacenter',
        license: 'enterprise-per-device',
        program: 'eligible',
        access_from: 'licensed-device',
        device_os: 'other',
        instances: '1-4',
      },
      verdict: 'not-permitted',
      requirement: /Windows VDA per device/,
      source:
        '004: "You can separate license users or devices that do not have or are not eligible for Windows licenses (such as thin clients) with a Windows VDA subscription to gain access to these benefits."',
    },
    'Enterprise SA per device on a Pro PC, VMs on own servers': {
      facts: {
        where: 'own-datacenter',
        license: 'enterprise-per-device',
        program: 'eligible',
        access_from: 'licensed-device',
        device_os: 'pro-or-enterprise',
        instances: '1-4',
      },
      verdict: 'permitted',
      source:
        '004 rights table: "Any user of a Licensed Device ... may remotely access up to four Instances of the Software Running in Virtual OSEs" (Windows 10 Enterprise SA per device: ticked)',
    },
    // Contract v3: the licenses a user could not state before.
    'Education E3/E5 per user on Azure, primary user of an Education device': {
      facts: {
        where: 'azure',
        license: 'education-per-user',
        device_os: 'education',
        primary_user: 'yes',
        instances: '1-4',
        win10_cu: 'yes',
        aad_activation: 'yes',
      },
      verdict: 'permitted',
      source:
        '004: the brief applies to "Windows 10 Enterprise E3/E5 ... Windows 10 Education E3/E5 ..." and refers to them as "Windows Enterprise E3/E5 subscription licenses"',
    },
    'Education E3/E5 per user, not the primary user': {
      facts: { where: 'own-datacenter', license: 'education-per-user', program: 'eligible', primary_user: 'no' },
      verdict: 'not-permitted',
      requirement: /VDA E3\/E5 per user/,
      source: '004 per user requirements: "Primary user\'s primary work device must be licensed for Windows 7/8/8.1/10 Pro, Enterprise, or Education"',
    },
    "Enterprise per User Add-on on Azure: yes, with the Add-on's condition stated": {
      facts: {
        where: 'azure',
        license: 'enterprise-per-user-addon',
        device_os: 'pro-or-enterprise',
        primary_user: 'yes',
        instances: '1-4',
        win10_cu: 'yes',
        aad_activation: 'yes',
      },
      verdict: 'permitted',
      requirement: /already covered by Windows Enterprise with Software Assurance per device/,
      source:
        '004: "If the primary user\'s primary work device is already covered for Software Assurance for the Windows desktop operating system or Windows VDA subscription on a per device basis, you can acquire a Windows Enterprise E3/E5 per User Add-on or Windows VDA E3/E5 per User Add-on, which gives you all of the benefits of Windows per User or Windows VDA per User license"',
    },
    "VDA per User Add-on on a Listed Provider: yes, with the Add-on's condition stated": {
      facts: { where: 'listed-provider', license: 'vda-per-user-addon', program: 'eligible', primary_user: 'yes', instances: '1-4' },
      verdict: 'permitted',
      requirement: /already covered by Windows VDA per device/,
      source: '004 per user requirements: "Primary user\'s primary work device must already be covered by Windows VDA"',
    },
    'Enterprise per User Add-on for a thin client: no, the device cannot carry the SA it rests on': {
      facts: { where: 'own-datacenter', license: 'enterprise-per-user-addon', program: 'eligible', device_os: 'other' },
      verdict: 'not-permitted',
      requirement: /VDA/,
      source: '004 per user requirements: "Primary user\'s primary work device must already be covered by Windows 10 Enterprise per Device"',
    },
    'A per User Add-on for someone who is not the primary user': {
      facts: { where: 'azure', license: 'vda-per-user-addon', primary_user: 'no' },
      verdict: 'not-permitted',
      requirement: /VDA E3\/E5 per user/,
      source: '004: "If the primary user\'s primary work device is already covered ... you can acquire a ... per User Add-on"',
    },
    // Contract v3: a third party's shared servers that are neither Azure nor a QMTH partner's.
    "VDA per user on a cloud's shared tenancy (not Azure, not a QMTH partner)": {
      facts: { where: 'shared-third-party', license: 'vda-per-user' },
      verdict: 'not-permitted',
      requirement: /Qualified Multitenant Hosting Partner/,
      source:
        '004: "When using a third-party shared server, the third party hoster must be a Qualified Multitenant Hosting Partner (QMTH)." and "The hosted environment must be on servers dedicated to the customer."',
    },
    "Enterprise SA per device on a third party's shared servers": {
      facts: { where: 'shared-third-party', license: 'enterprise-per-device' },
      verdict: 'not-permitted',
      absent: /Azure or with a Qualified Multitenant Hosting Partner instead/,
      source:
        '004: "Windows 10 Multitenant Hosting rights are not provided with any device-based licenses and are only available with Windows Enterprise E3/E5 subscription licenses and Windows VDA E3/E5 subscription licenses on a per user basis."',
    },
    // Requirements and summaries follow the facts given.
    'VDA per user with an independent outsourcer: no Listed Provider exception in the answer': {
      facts: { where: 'outsourcer', license: 'vda-per-user', hoster: 'independent', program: 'eligible', instances: '1-4' },
      verdict: 'permitted',
      requirement: /Authorized Outsourcer that is not a Listed Provider/,
      source:
        '004: "requires the third party to be an Authorized Outsourcer. The hosted environment must be on servers dedicated to the customer. An Authorized Outsourcer is restricted from being a Listed Provider"',
    },
    'VDA per user with an outsourcer on a Listed Provider: the exception named': {
      facts: { where: 'outsourcer', license: 'vda-per-user', hoster: 'uses-listed-provider', program: 'eligible', instances: '1-4' },
      verdict: 'permitted',
      requirement: /Listed Provider exception/,
      source:
        "004: \"Notwithstanding anything to the contrary in the Outsourcing Software Management terms, Customer's Windows VDA E3 and E5 Licensed Users may remotely access Windows software under these Remote Virtualization rights on any Listed Provider's Servers dedicated to Customer's use.\"",
    },
  },
  'vdi-license-choice': {
    'Roaming VDI users on dedicated servers': {
      facts: { devices: 'roaming', where: 'own-datacenter' },
      verdict: 'recommendation',
      recommended: ['vda-per-user'],
      source: '004 roaming scenario: "The user needs a Windows VDA per User license"',
    },
    'Bring your own companion device, without pairing an Add-on to one per device license': {
      facts: { devices: 'companion', where: 'own-datacenter' },
      verdict: 'recommendation',
      recommended: ['enterprise-per-user-addon', 'vda-per-user-addon'],
      requirement: /names it three ways/,
      absent: /\((?:Enterprise|VDA) Add-on\)/,
      source:
        '004: "you can acquire a Windows Enterprise E3/E5 per User Add-on or Windows VDA E3/E5 per User Add-on"; BYOCD scenario: "a Windows Software Assurance per User Add-on"',
    },
    'Bring your own device': {
      facts: { devices: 'byod-no-qualifying', where: 'outsourcer' },
      verdict: 'recommendation',
      recommended: ['vda-per-user'],
      source: '004 BYOD scenario: "The Windows VDA per User license would allow the user to access the VDI desktops from any device"',
    },
    'Contractor PCs on dedicated servers': {
      facts: { devices: 'contractor', where: 'own-datacenter' },
      verdict: 'recommendation',
      recommended: ['enterprise-per-device', 'vda-per-device', 'enterprise-per-user', 'vda-per-user'],
      source:
        '004 contractor scenario: "license devices ... with either Windows Enterprise per device with Software Assurance or Windows VDA per device ... or license the users"',
    },
    'Thin clients on dedicated servers': {
      facts: { devices: 'thin-clients', where: 'own-datacenter' },
      verdict: 'recommendation',
      recommended: ['vda-per-device', 'vda-per-user'],
      source:
        '004: "license users or devices that do not have or are not eligible for Windows licenses (such as thin clients) with a Windows VDA subscription"',
    },
    'Company PCs with a qualifying OS on dedicated servers: VDA is not dropped': {
      facts: { devices: 'company-qualifying', where: 'own-datacenter' },
      verdict: 'recommendation',
      recommended: ['enterprise-per-device', 'vda-per-device', 'enterprise-per-user', 'vda-per-user', 'm365'],
      source: '004 VDI scenario: "active Windows Software Assurance, Windows VDA subscription, or Windows E3/E5 licenses acquired through an eligible program"',
    },
    // Class 6: which license depends on where the desktops run.
    'Company PCs, desktops on a Listed Provider: VDA E3/E5 per user only': {
      facts: { devices: 'company-qualifying', where: 'listed-provider' },
      verdict: 'recommendation',
      recommended: ['vda-per-user'],
      requirement: /open point/,
      source:
        '004: "customer\'s VDA E3 and E5 Licensed Users may remotely access Windows software ... including dedicated servers provided by Listed Providers"',
    },
    'Any devices on a Listed Provider: decided without asking about the devices': {
      facts: { where: 'listed-provider' },
      verdict: 'recommendation',
      recommended: ['vda-per-user'],
      source: '004 grants the Listed Provider exception to "VDA E3 and E5 Licensed Users" whatever the access devices',
    },
    'Company PCs on Azure: per user licenses only, Microsoft 365 for primary users': {
      facts: { devices: 'company-qualifying', where: 'azure' },
      verdict: 'recommendation',
      recommended: ['enterprise-per-user', 'vda-per-user', 'm365'],
      source:
        '004: "Windows 10 Multitenant Hosting rights are not provided with any device-based licenses and are only available with Windows Enterprise E3/E5 ... and Windows VDA E3/E5 ... on a per user basis"',
    },
    'Thin clients on a QMTH partner: VDA per user, not per device': {
      facts: { devices: 'thin-clients', where: 'qmth' },
      verdict: 'recommendation',
      recommended: ['vda-per-user'],
      source: '004: "Windows 10 Multitenant Hosting rights are not provided with any device-based licenses"',
    },
    'Personal devices in WVD: VDA per user or any Microsoft 365 suite license': {
      facts: { devices: 'byod-no-qualifying', where: 'wvd' },
      verdict: 'recommendation',
      recommended: ['vda-per-user', 'm365'],
      source:
        '004 WVD: "You can license users for WVD rights with ... Windows VDA E3/E5 subscription licenses, or Microsoft 365 suite license on a per user basis"; "Microsoft 365 licenses are eligible in all cases"',
    },
  },
};

describe.each(Object.entries(cases))('%s scenarios', (topic, table) => {
  it.each(Object.entries(table))('%s', (_name, { facts, verdict, requirement, absent, recommended }) => {
    const decision = decide(topic, facts);
    expect(decision.verdict).toBe(verdict);
    const text = [decision.summary, ...decision.requirements].join('\n');
    if (requirement) expect(text).toMatch(requirement);
    if (absent) expect(decision.requirements.join('\n')).not.toMatch(absent);
    if (recommended) expect(decision.recommended).toEqual(recommended);
  });
});

// The interview asks what can change the answer, and only that.
describe('questions asked', () => {
  const next = (topic: string, facts: Record<string, string>) => decide(topic, facts).next?.fact;

  it('asks whether a Microsoft 365 user is the primary user, also for local VMs', () => {
    // 004: the Microsoft 365 eligibility note sits with the Windows Virtualization rights, which are local and remote.
    expect(next('virtual-machines', { where: 'local', license: 'm365', program: 'eligible', device_os: 'pro-or-enterprise', instances: '1-4' })).toBe(
      'primary_user',
    );
  });

  it('asks from which devices per device licensees reach dedicated servers, and never asks it of per user licenses', () => {
    // 004 overview table: per device "Any Licensed Device", per user "Any device".
    expect(next('virtual-machines', { where: 'own-datacenter', license: 'enterprise-per-device', program: 'eligible' })).toBe('access_from');
    expect(decide('virtual-machines', { where: 'own-datacenter', license: 'vda-per-user', program: 'eligible' }).missing).not.toContain('access_from');
  });

  it('asks the program for Windows Virtualization rights, never for Azure, QMTH or WVD', () => {
    // 004: Virtualization rights "via one of the following programs"; Multitenant and WVD: "Licenses acquired through all programs are eligible".
    expect(next('virtual-machines', { where: 'own-datacenter', license: 'vda-per-user' })).toBe('program');
    for (const where of ['azure', 'qmth', 'wvd']) expect(decide('virtual-machines', { where, license: 'vda-per-user' }).missing).not.toContain('program');
  });

  it('asks where the virtual desktops run before recommending a license', () => {
    expect(next('vdi-license-choice', { devices: 'company-qualifying' })).toBe('where');
  });
});

describe('fact help', () => {
  it('dates the Listed Provider restriction to the outsourcing terms, not to the QMTH rule', () => {
    // 004: "The license terms for Outsourcing Software Management were updated October 1, 2019".
    const hoster = decide('virtual-machines', {
      where: 'outsourcer',
      license: 'enterprise-per-device',
      program: 'eligible',
      access_from: 'licensed-device',
    }).next!;
    expect(hoster.fact).toBe('hoster');
    expect(hoster.help).toMatch(/outsourcing terms updated October 1, 2019/);
    expect(hoster.help).not.toMatch(/QMTH partners that are or use a Listed Provider cannot host most/);
  });
});

describe('the companion-device Add-ons', () => {
  it('are not paired one to one with per device licenses, which the brief does not do', () => {
    // 004: "you can acquire a Windows Enterprise E3/E5 per User Add-on or Windows VDA E3/E5 per User Add-on".
    const { summary } = decide('vdi-license-choice', { devices: 'companion', where: 'own-datacenter' });
    expect(summary).not.toMatch(/Add-on where the work PC has/);
    expect(summary).toMatch(/Windows Enterprise E3\/E5 per User Add-on and a Windows VDA E3\/E5 per User Add-on/);
  });
});

describe('refurbished PC with a warranty-equivalent board', () => {
  it("does not lean towards yes against the guide's own cautious reading", () => {
    // 001: definition "exactly the same make, model, and specification" vs "replacement/equivalent, as defined by that manufacturer's warranty".
    const decision = decide('refurbished-pc', { motherboard: 'replaced-equivalent', coa: 'yes', recovery: 'original-media' });
    expect(decision.summary).not.toMatch(/probably yes/i);
    expect(decision.summary).toMatch(/Not settled/);
  });
});

// Contract v3: the answers a licensing specialist corrected, each at the rule that caused it.
describe('contract v3 corrections', () => {
  it('asks the device edition of Windows Enterprise SA per device', () => {
    // 004: thin clients "do not have or are not eligible for Windows licenses" and get VDA.
    expect(decide('virtual-machines', { where: 'local', license: 'enterprise-per-device', program: 'eligible' }).missing).toContain('device_os');
  });

  it('never asks a retail user about Creators Update or activation on Azure or a QMTH partner', () => {
    // 004: multitenant rights "are only available with" Enterprise E3/E5 and VDA E3/E5 per user.
    for (const where of ['azure', 'qmth']) {
      const decision = decide('virtual-machines', { where, license: 'retail' });
      expect(decision.verdict).toBe('not-permitted');
      expect(decision.citations.map((c) => c.section)).toContain('vm-multitenant-hosting');
    }
  });

  it('gives pure Windows Enterprise E3 answers no Microsoft 365 reason, and Microsoft 365 answers theirs', () => {
    // 004: "Microsoft 365 licenses that include Windows 10 Enterprise E3/E5 are only eligible if the user is the primary user of a device with a Qualifying Operating System."
    const facts = { where: 'outsourcer', hoster: 'independent', program: 'eligible', device_os: 'pro-or-enterprise', primary_user: 'yes', instances: '1-4' };
    const enterprise = decide('virtual-machines', { ...facts, license: 'enterprise-per-user' });
    expect(enterprise.verdict).toBe('permitted');
    expect(enterprise.reasons.join('\n')).not.toMatch(/Microsoft 365/);
    expect(decide('virtual-machines', { ...facts, license: 'm365' }).reasons.join('\n')).toMatch(/Microsoft 365 plans/);
    for (const where of ['local', 'own-datacenter', 'azure', 'qmth']) {
      const answer = decide('virtual-machines', { ...facts, where, license: 'enterprise-per-user', win10_cu: 'yes', aad_activation: 'yes' });
      expect(answer.reasons.join('\n')).not.toMatch(/Microsoft 365/);
    }
  });

  it("says the Listed Providers are named by Microsoft's list, not by the sources, where it gives AWS as an example", () => {
    // 004: "A list of Listed Providers can be found at <https://aka.ms/ListedProviders>."
    for (const topic of ['virtual-machines', 'vdi-license-choice']) {
      const where = decide(topic, {}).next!.fact === 'where' ? decide(topic, {}).next! : decide(topic, { devices: 'company-qualifying' }).next!;
      const label = where.options.find((o) => o.value === 'listed-provider')!.label;
      expect(label).toMatch(/Microsoft's list/);
      expect(label).toMatch(/AWS/);
    }
  });

  it('puts no third-party requirement under servers of your own', () => {
    // 004: "If the Dedicated Servers are under the management or control of a third party, they are subject to the Outsourcing Software Management terms."
    for (const devices of ['company-qualifying', 'thin-clients', 'byod-no-qualifying', 'companion', 'roaming', 'contractor']) {
      const own = decide('vdi-license-choice', { devices, where: 'own-datacenter' });
      expect(own.requirements.join('\n')).not.toMatch(/third party|Authorized Outsourcer/);
      expect(decide('vdi-license-choice', { devices, where: 'outsourcer' }).requirements.join('\n')).toMatch(/Authorized Outsourcer/);
    }
  });
});
