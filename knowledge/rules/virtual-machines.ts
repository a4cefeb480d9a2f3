import type { Rule, RuleReason, TopicDefinition } from '../../core/types';

const PER_DEVICE = ['enterprise-per-device', 'vda-per-device'];
const PER_USER = ['enterprise-per-user', 'vda-per-user', 'm365'];
// Enterprise E3/E5 per user, bought alone or inside Microsoft 365, needs a primary user on a qualifying device.
const ENTERPRISE_USER = ['enterprise-per-user', 'm365'];
const COMMERCIAL = [...PER_USER, ...PER_DEVICE];
const REMOTE = ['own-datacenter', 'outsourcer', 'listed-provider', 'azure', 'qmth', 'wvd'];
const MULTITENANT = ['azure', 'qmth'];

const FOUR_INSTANCES = 'Run at most four Windows instances in virtual machines at a time for each licensed device or user.';
const DEDICATED = 'The servers are dedicated to your organization.';
const AUTHORIZED_OUTSOURCER =
  'The hoster is an Authorized Outsourcer: not a Listed Provider, and not using a Listed Provider as its data center provider.';
const PRIMARY_USER = 'Each licensed user is the main user of a device whose Windows 7/8/8.1/10 license is a Pro, Enterprise or Education edition.';
const MULTITENANT_TERMS = [
  'The virtual machines run Windows 10 Creators Update or later.',
  'They are activated with Azure AD-based activation.',
  'Each licensed user reaches at most four Windows instances (students under the Student Use Benefit are excluded).',
];

const cite = (text: string, section: string): RuleReason => ({ text, section });
const REMOTE_RIGHT = cite(
  'Licensed devices and users may remotely access up to four Windows instances in virtual OSEs (or one in a physical OSE) on devices dedicated to the customer.',
  'vm-rights-detail',
);
const PRIMARY_USER_NOTE = cite(
  'Enterprise E3/E5 per user, and Microsoft 365 plans that include it, count only for a user who is the main user of a device running a qualifying OS.',
  'vm-per-user-options',
);
const OUTSOURCING_RULE = cite(
  'A third party hosting the customer’s Windows VMs must be an Authorized Outsourcer on dedicated servers; it may not be a Listed Provider or use one (terms changed October 1, 2019).',
  'vm-outsourcing',
);
const MULTITENANT_RULE = cite(
  'Windows 10 Multitenant Hosting rights allow Azure or a QMTH partner’s shared servers, only for Enterprise E3/E5 and VDA E3/E5 per user, with Windows 10 Creators Update or later and Azure AD-based activation.',
  'vm-multitenant-hosting',
);

const permitted = (id: string, when: Rule['when'], summary: string, requirements: string[], reasons: RuleReason[]): Rule => ({
  id, when, verdict: 'permitted', summary, requirements, reasons,
});
const notPermitted = (id: string, when: Rule['when'], summary: string, requirements: string[], reasons: RuleReason[]): Rule => ({
  id, when, verdict: 'not-permitted', summary, requirements, reasons,
});

export const virtualMachines: TopicDefinition = {
  id: 'virtual-machines',
  title: 'Windows in virtual machines',
  question: 'Is this use of Windows in virtual machines covered by the license?',
  facts: [
    {
      id: 'where',
      prompt: 'Where will the Windows virtual machines run?',
      help: 'Each hosting place comes with its own rights: local, dedicated servers, outsourcers, Listed Providers, Azure, QMTH partners or session hosts.',
      options: [
        { value: 'local', label: "On the user's own device" },
        { value: 'own-datacenter', label: 'Our own dedicated servers' },
        { value: 'outsourcer', label: "A third party's servers dedicated to us" },
        { value: 'listed-provider', label: "A Listed Provider's servers dedicated to us (e.g. AWS, Google Cloud)" },
        { value: 'azure', label: 'Microsoft Azure' },
        { value: 'qmth', label: "A QMTH partner's shared servers" },
        { value: 'wvd', label: 'Windows Virtual Desktop (Azure Virtual Desktop)' },
        { value: 'session-host', label: 'Windows Server Remote Desktop Session Host' },
      ],
    },
    {
      id: 'license',
      prompt: 'Which Windows license covers the user or device?',
      help: 'Virtualization rights differ by license: per user or per device, Enterprise or VDA, or the OEM/retail license a PC came with.',
      options: [
        { value: 'enterprise-per-user', label: 'Windows Enterprise E3/E5 per user' },
        { value: 'vda-per-user', label: 'Windows VDA E3/E5 per user' },
        { value: 'enterprise-per-device', label: 'Windows Enterprise with SA, per device' },
        { value: 'vda-per-device', label: 'Windows VDA per device' },
        { value: 'm365', label: 'Microsoft 365 F3/E3/E5' },
        { value: 'oem-or-retail', label: 'Preinstalled (OEM) or retail Windows' },
      ],
    },
    {
      id: 'hoster',
      prompt: 'Is the hosting company a Listed Provider, or does it run on one?',
      help: 'Since October 1, 2019, outsourcers and QMTH partners that are or use a Listed Provider cannot host most Windows licenses.',
      options: [
        { value: 'independent', label: 'No, it is independent of Listed Providers' },
        { value: 'uses-listed-provider', label: 'Yes, it is or runs on a Listed Provider' },
      ],
    },
    {
      id: 'device_os',
      prompt: 'Which Windows edition is the licensed (or primary work) device licensed for?',
      help: 'Local virtual machine rights need a device licensed for Windows Pro or Enterprise.',
      options: [
        { value: 'pro-or-enterprise', label: 'Windows 7/8/8.1/10 Pro or Enterprise' },
        { value: 'education', label: 'Windows Education' },
        { value: 'other', label: 'Home, thin client, or no Windows license' },
      ],
    },
    {
      id: 'primary_user',
      prompt: 'Is each user the primary user of a device with a qualifying OS (Windows Pro, Enterprise or Education)?',
      help: 'Windows Enterprise E3/E5 per user, alone or in Microsoft 365, counts only for the primary user of such a device.',
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ],
    },
    {
      id: 'instances',
      prompt: 'How many Windows virtual machines run at the same time for one device or user?',
      help: 'The rights allow up to four Windows instances in virtual machines at a time.',
      options: [
        { value: '1-4', label: 'One to four' },
        { value: 'more-than-4', label: 'More than four' },
      ],
    },
    {
      id: 'win10_cu',
      prompt: 'Do the virtual machines run Windows 10 Creators Update or later?',
      help: 'Multitenant hosting on Azure or with a QMTH partner covers only Windows 10 Creators Update or later.',
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No (older Windows)' },
      ],
    },
    {
      id: 'aad_activation',
      prompt: 'Are the virtual machines activated with Azure AD-based activation?',
      help: 'Multitenant hosting rights require Azure AD-based activation.',
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ],
    },
  ],
  rules: [
    {
      id: 'vm.session-host',
      when: { where: ['session-host'] },
      verdict: 'conditional',
      summary: 'No Windows desktop license is involved: sessions on Windows Server need Windows Server CALs and RDS CALs instead.',
      requirements: [
        'License every user or device reaching the sessions with a Windows Server CAL and a Remote Desktop Services (RDS) CAL.',
        'License Office for the devices reaching the sessions if the session host runs Office.',
        'If the same users also reach Windows desktop VMs (VDI), they need an eligible Windows license as well.',
      ],
      reasons: [
        cite('Devices reaching only a Windows Server operating system through Remote Desktop Session Host need no Windows desktop license, but do need the session technology licenses.', 'scenario-session-host'),
        cite('Users or devices reaching both VDI and session desktops need an eligible Windows license and Windows Server access licenses.', 'scenario-mixed'),
      ],
    },
    notPermitted('vm.oem-remote', { license: ['oem-or-retail'], where: REMOTE },
      'No: OEM and retail Windows licenses give no right to reach Windows running remotely in a virtual machine.',
      ['License the users or devices with Windows Enterprise E3/E5, Windows VDA, or Enterprise with Software Assurance.'],
      [cite('OEM license terms allow local virtual OSEs on the licensed device, but not remote access to a Windows VM, for example in a data center.', 'vm-oem-retail')]),
    {
      id: 'vm.oem-local',
      when: { license: ['oem-or-retail'], where: ['local'] },
      verdict: 'conditional',
      summary: 'Yes on the licensed device itself, within the limits of the license terms that came with that Windows; the brief does not state those limits.',
      requirements: [
        'Run the virtual machines only on the device the OEM or retail license belongs to.',
        'Check the number of virtual instances and other limits in the license terms that came with the product.',
      ],
      reasons: [
        cite('OEM license terms give the right to run Windows locally in a virtual OSE on the licensed device; the brief leaves the details to those terms.', 'vm-oem-retail'),
        cite('For Windows preinstalled by the maker or bought through other channels, the accompanying license terms govern.', 'vm-brief-scope'),
      ],
    },
    ...([
      ['vm.too-many-instances-local', { license: COMMERCIAL, where: ['local'], instances: ['more-than-4'] }],
      ['vm.too-many-instances-remote', { where: ['own-datacenter', 'outsourcer', 'listed-provider', 'azure', 'qmth'], instances: ['more-than-4'] }],
    ] as const).map(([id, when]) => notPermitted(id, when,
      'No: the rights cover at most four Windows instances in virtual machines at a time per licensed device or user.',
      ['Reduce to four concurrent Windows VMs per device or user, or license more devices or users.'],
      [cite('Local and remote virtualization rights, and multitenant hosting, each stop at four Windows instances in virtual OSEs per licensed device or user.', 'vm-rights-detail')])),

    // Local virtual machines.
    permitted('vm.local-enterprise-device', { license: ['enterprise-per-device'], where: ['local'], instances: ['1-4'] },
      'Yes: Windows Enterprise with SA per device allows up to four Windows VMs plus the physical install on the licensed device.',
      ['Run the VMs on the licensed device only.', FOUR_INSTANCES, 'When all four VMs run, use the physical Windows install only to host and manage them.'],
      [cite('Per device licenses allow up to four instances in virtual OSEs and one in the physical OSE locally on the licensed device.', 'vm-rights-detail'),
        cite('Developers testing in local VMs on Windows 10 Pro PCs are covered when the PC or its primary user has Enterprise with SA or E3/E5.', 'scenario-local-vms')]),
    notPermitted('vm.local-unqualified-device', { license: ['vda-per-device', ...PER_USER], where: ['local'], device_os: ['other'] },
      'No: local virtual machine rights under this license need a device licensed for Windows Pro or Enterprise.',
      ['Run the VMs on a device whose Windows 7/8/8.1/10 license is a Pro or Enterprise edition, or reach them remotely instead.'],
      [cite('The local right needs a device with a Pro or Enterprise license of Windows 10 or 8.1, or a Windows 7 Professional or Enterprise license; Home editions and thin clients do not qualify.', 'vm-qualifying-os'),
        cite('The brief separately lets per user licensees install Windows on Windows devices with integrated screens of 10.1 inches or less; it does not tie that install right to local VMs.', 'vm-rights-overview')]),
    permitted('vm.local-qualified-device', { license: ['vda-per-device', ...PER_USER], where: ['local'], device_os: ['pro-or-enterprise'], instances: ['1-4'] },
      'Yes: up to four Windows VMs may run locally on a device licensed for Windows Pro or Enterprise.',
      [
        FOUR_INSTANCES,
        'When all four VMs run, use the physical Windows install only to host and manage them.',
        'If the device’s license is for Windows 8 (not 8.1), confirm first: the detailed local right lists Windows 10, 8.1 and 7 only.',
      ],
      [cite('Per user licenses, and VDA per device on a device also licensed for Pro or Enterprise, allow four virtual and one physical instance locally.', 'vm-rights-detail'),
        cite('Local use rights by license type are summarised in the first comparison table.', 'vm-rights-overview')]),
    {
      id: 'vm.local-education-open',
      when: { license: ['vda-per-device', ...PER_USER], where: ['local'], device_os: ['education'], instances: ['1-4'] },
      verdict: 'conditional',
      summary: 'Unclear for Education devices: the brief’s local VM rights name only Pro and Enterprise, while its summary table and per user requirement include Education.',
      requirements: [
        'Confirm with your Microsoft licensing contact or the current Product Terms before relying on local VMs on an Education device.',
        FOUR_INSTANCES,
      ],
      reasons: [
        cite('The detailed local right lists Pro and Enterprise licenses of Windows 10 and 8.1 and Windows 7 Professional or Enterprise; Education is not on that list.', 'vm-rights-detail'),
        cite('The summary table and the per user requirement list Pro, Enterprise or Education; the brief never reconciles the two.', 'vm-qualifying-os'),
      ],
    },

    // Enterprise E3/E5 per user, alone or in Microsoft 365, outside the user's own device.
    notPermitted('vm.enterprise-user-not-primary', { license: ENTERPRISE_USER, where: ['own-datacenter', 'outsourcer', 'azure', 'qmth'], primary_user: ['no'] },
      'No: Windows Enterprise E3/E5 per user (alone or in Microsoft 365) counts only for the primary user of a device with a qualifying OS.',
      ['License these users with Windows VDA E3/E5 per user, which has no device requirement.'],
      [PRIMARY_USER_NOTE, cite('VDA per user can be assigned to any user, with no device requirement.', 'vm-per-user-options')]),
    notPermitted('vm.wvd-enterprise-not-primary', { license: ['enterprise-per-user'], where: ['wvd'], primary_user: ['no'] },
      'No: a stand-alone Windows Enterprise E3/E5 per user license needs a primary user on a qualifying device, even for WVD.',
      ['Use Windows VDA E3/E5 per user or a Microsoft 365 license for these users.'],
      [PRIMARY_USER_NOTE, cite('Microsoft 365 licenses are eligible for WVD in all cases.', 'vm-wvd')]),

    // Servers dedicated to the customer.
    permitted('vm.own-datacenter', { license: ['enterprise-per-device', 'vda-per-device', 'vda-per-user'], where: ['own-datacenter'], instances: ['1-4'] },
      'Yes: licensed devices or users may remotely reach up to four Windows VMs on servers dedicated to your organization.',
      [DEDICATED, FOUR_INSTANCES],
      [REMOTE_RIGHT, cite('VDI desktops on dedicated servers need active SA, VDA or E3/E5 for the devices or users.', 'scenario-vdi')]),
    permitted('vm.own-datacenter-enterprise-user', { license: ENTERPRISE_USER, where: ['own-datacenter'], primary_user: ['yes'], instances: ['1-4'] },
      'Yes: the licensed users may remotely reach up to four Windows VMs on servers dedicated to your organization.',
      [DEDICATED, PRIMARY_USER, FOUR_INSTANCES],
      [REMOTE_RIGHT, PRIMARY_USER_NOTE]),
    permitted('vm.outsourcer', { license: ['enterprise-per-device', 'vda-per-device'], where: ['outsourcer'], hoster: ['independent'], instances: ['1-4'] },
      'Yes: an Authorized Outsourcer may host the Windows VMs on servers dedicated to your organization.',
      [AUTHORIZED_OUTSOURCER, DEDICATED, FOUR_INSTANCES],
      [OUTSOURCING_RULE, REMOTE_RIGHT]),
    permitted('vm.outsourcer-enterprise-user', { license: ENTERPRISE_USER, where: ['outsourcer'], hoster: ['independent'], primary_user: ['yes'], instances: ['1-4'] },
      'Yes: an Authorized Outsourcer may host the Windows VMs for these licensed users on servers dedicated to your organization.',
      [AUTHORIZED_OUTSOURCER, DEDICATED, PRIMARY_USER, FOUR_INSTANCES],
      [OUTSOURCING_RULE, REMOTE_RIGHT, PRIMARY_USER_NOTE]),

    // Listed Providers, directly or behind an outsourcer.
    notPermitted('vm.listed-provider-enterprise', { license: ['enterprise-per-device', ...ENTERPRISE_USER], where: ['listed-provider'] },
      'No: since October 1, 2019 Windows Enterprise licenses give no right to run your Windows VMs on a Listed Provider’s servers; only VDA E3/E5 users have that exception.',
      ['Host the VMs on your own or an Authorized Outsourcer’s dedicated servers, on Azure, or with a QMTH partner, or license the users with Windows VDA E3/E5.'],
      [OUTSOURCING_RULE, cite('Only Windows VDA E3/E5 licensed users may reach Windows on a Listed Provider’s servers dedicated to the customer.', 'vm-listed-providers')]),
    notPermitted('vm.outsourcer-on-listed-provider-enterprise', { license: ['enterprise-per-device', ...ENTERPRISE_USER], where: ['outsourcer'], hoster: ['uses-listed-provider'] },
      'No: an outsourcer that is or uses a Listed Provider is not an Authorized Outsourcer for Windows Enterprise licenses.',
      ['Choose an outsourcer independent of Listed Providers, or license the users with Windows VDA E3/E5.'],
      [OUTSOURCING_RULE, cite('Only Windows VDA E3/E5 licensed users may reach Windows on a Listed Provider’s servers dedicated to the customer.', 'vm-listed-providers')]),
    permitted('vm.listed-provider-vda-user', { license: ['vda-per-user'], where: ['listed-provider'], instances: ['1-4'] },
      'Yes: Windows VDA E3/E5 licensed users may reach Windows VMs on a Listed Provider’s servers dedicated to your organization.',
      [DEDICATED, FOUR_INSTANCES],
      [cite('Notwithstanding the outsourcing terms, VDA E3/E5 licensed users may remotely access Windows on Listed Provider servers dedicated to the customer.', 'vm-listed-providers'), REMOTE_RIGHT]),
    permitted('vm.outsourcer-vda-user', { license: ['vda-per-user'], where: ['outsourcer'], instances: ['1-4'] },
      'Yes: a third party may host the Windows VMs of VDA E3/E5 licensed users on servers dedicated to your organization, even where it is or runs on a Listed Provider.',
      [DEDICATED, 'An outsourcer independent of Listed Providers must be an Authorized Outsourcer; one that is or uses a Listed Provider is covered only through the VDA E3/E5 exception.', FOUR_INSTANCES],
      [OUTSOURCING_RULE, cite('Notwithstanding the outsourcing terms, VDA E3/E5 licensed users may remotely access Windows on Listed Provider servers dedicated to the customer.', 'vm-listed-providers'), REMOTE_RIGHT]),
    ...(['listed-provider', 'outsourcer'] as const).map((where): Rule => ({
      id: where === 'listed-provider' ? 'vm.listed-provider-vda-device-open' : 'vm.outsourcer-on-listed-provider-vda-device-open',
      when: where === 'listed-provider'
        ? { license: ['vda-per-device'], where: [where], instances: ['1-4'] }
        : { license: ['vda-per-device'], where: [where], hoster: ['uses-listed-provider'], instances: ['1-4'] },
      verdict: 'conditional',
      summary: 'Unclear for VDA per device: the brief’s rights table allows Listed Provider hosting for both VDA columns, but its text grants it to VDA E3/E5 licensed users only.',
      requirements: [
        'Confirm with your Microsoft licensing contact or the current Product Terms before hosting VDA per device VMs with a Listed Provider; licensing the users with VDA E3/E5 per user avoids the question.',
        DEDICATED,
        FOUR_INSTANCES,
      ],
      reasons: [
        cite('The rights table marks both Windows VDA columns, per device and per user, for access on Listed Provider servers dedicated to the customer.', 'vm-rights-detail'),
        cite('The brief’s text grants that exception to Windows VDA E3/E5 licensed users; the two are not reconciled.', 'vm-listed-providers'),
      ],
    })),

    // Multitenant hosting: Azure and QMTH partners.
    notPermitted('vm.multitenant-device-license', { license: PER_DEVICE, where: MULTITENANT },
      'No: Windows 10 Multitenant Hosting rights (Azure or a QMTH partner) come with no device-based license.',
      ['License the users with Windows Enterprise E3/E5 or Windows VDA E3/E5 per user.'],
      [MULTITENANT_RULE]),
    notPermitted('vm.multitenant-old-windows', { where: MULTITENANT, win10_cu: ['no'] },
      'No: multitenant hosting on Azure or with a QMTH partner covers only Windows 10 Creators Update or later.',
      ['Deploy Windows 10 Creators Update or later in the VMs (Windows 7 VMs are available through Windows Virtual Desktop).'],
      [MULTITENANT_RULE, cite('WVD gives licensed users Windows 7 and Windows 10 virtual machines.', 'vm-wvd')]),
    notPermitted('vm.multitenant-no-aad', { where: MULTITENANT, aad_activation: ['no'] },
      'No: multitenant hosting on Azure or with a QMTH partner requires Azure AD-based activation.',
      ['Activate the Windows VMs with Azure AD-based activation.'],
      [MULTITENANT_RULE]),
    notPermitted('vm.qmth-on-listed-provider', { where: ['qmth'], hoster: ['uses-listed-provider'] },
      'No: multitenant hosting rights do not apply when the QMTH partner uses a Listed Provider as its data center provider.',
      ['Choose a QMTH partner that does not run on a Listed Provider, or use Azure.'],
      [cite('The right to use Windows with a QMTH partner does not apply if that partner uses a Listed Provider as data center provider.', 'vm-multitenant-hosting')]),
    permitted('vm.azure-vda-user', { license: ['vda-per-user'], where: ['azure'], instances: ['1-4'], win10_cu: ['yes'], aad_activation: ['yes'] },
      'Yes: Windows 10 Multitenant Hosting rights let VDA E3/E5 licensed users run Windows 10 VMs on Azure.',
      MULTITENANT_TERMS,
      [MULTITENANT_RULE]),
    permitted('vm.azure-enterprise-user', { license: ENTERPRISE_USER, where: ['azure'], primary_user: ['yes'], instances: ['1-4'], win10_cu: ['yes'], aad_activation: ['yes'] },
      'Yes: Windows 10 Multitenant Hosting rights let these licensed users run Windows 10 VMs on Azure.',
      [PRIMARY_USER, ...MULTITENANT_TERMS],
      [MULTITENANT_RULE, PRIMARY_USER_NOTE]),
    permitted('vm.qmth-vda-user', { license: ['vda-per-user'], where: ['qmth'], hoster: ['independent'], instances: ['1-4'], win10_cu: ['yes'], aad_activation: ['yes'] },
      'Yes: a Qualified Multitenant Hosting Partner may host Windows 10 VMs on shared servers for VDA E3/E5 licensed users.',
      ['The hoster is on Microsoft’s list of Qualified Multitenant Hosting Partners and does not use a Listed Provider as its data center provider.', ...MULTITENANT_TERMS],
      [MULTITENANT_RULE]),
    permitted('vm.qmth-enterprise-user', { license: ENTERPRISE_USER, where: ['qmth'], hoster: ['independent'], primary_user: ['yes'], instances: ['1-4'], win10_cu: ['yes'], aad_activation: ['yes'] },
      'Yes: a Qualified Multitenant Hosting Partner may host Windows 10 VMs on shared servers for these licensed users.',
      ['The hoster is on Microsoft’s list of Qualified Multitenant Hosting Partners and does not use a Listed Provider as its data center provider.', PRIMARY_USER, ...MULTITENANT_TERMS],
      [MULTITENANT_RULE, PRIMARY_USER_NOTE]),

    // Windows Virtual Desktop.
    notPermitted('vm.wvd-device-license', { license: PER_DEVICE, where: ['wvd'] },
      'No: Windows Virtual Desktop is licensed per user (Enterprise E3/E5, VDA E3/E5 or Microsoft 365), not per device.',
      ['License the users with Windows Enterprise E3/E5, Windows VDA E3/E5 or a Microsoft 365 suite license.'],
      [cite('Users are licensed for WVD with Enterprise E3/E5, VDA E3/E5 or Microsoft 365 per user licenses.', 'vm-wvd')]),
    permitted('vm.wvd', { license: ['vda-per-user', 'm365'], where: ['wvd'] },
      'Yes: the license covers Windows 7 and Windows 10 virtual machines in Windows Virtual Desktop; you pay only Azure compute and storage on top.',
      ['Pay the Azure compute and storage the WVD virtual machines use.'],
      [cite('WVD gives users licensed per user with Enterprise E3/E5, VDA E3/E5 or Microsoft 365 access to Windows 7 and Windows 10 VMs; Microsoft 365 licenses are eligible in all cases.', 'vm-wvd')]),
    permitted('vm.wvd-enterprise-user', { license: ['enterprise-per-user'], where: ['wvd'], primary_user: ['yes'] },
      'Yes: Windows Enterprise E3/E5 per user covers Windows 7 and Windows 10 virtual machines in Windows Virtual Desktop.',
      [PRIMARY_USER, 'Pay the Azure compute and storage the WVD virtual machines use.'],
      [cite('Users licensed per user with Enterprise E3/E5 may access WVD Windows 7 and Windows 10 VMs.', 'vm-wvd'), PRIMARY_USER_NOTE]),
  ],
};
