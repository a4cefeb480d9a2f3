import type { TopicDefinition } from '../../core/types';

const SERVER_ACCESS_NOTE = {
  text: 'The scenarios do not list every license: Windows Server CALs and RDS CALs for Windows Server sessions, and Office licenses, may be needed too.',
  section: 'vm-scenarios-note',
};

export const vdiLicenseChoice: TopicDefinition = {
  id: 'vdi-license-choice',
  title: 'Which license for virtual desktops',
  question: 'Which license lets these users reach corporate virtual desktops?',
  facts: [
    {
      id: 'devices',
      prompt: 'Which devices will people use to reach the corporate virtual desktops?',
      help: 'The right license depends on whether the access devices already have a qualifying Windows license.',
      options: [
        { value: 'company-qualifying', label: 'Company PCs with Windows Pro/Enterprise/Education' },
        { value: 'thin-clients', label: 'Thin clients' },
        { value: 'byod-no-qualifying', label: 'Personal devices without a qualifying OS (BYOD)' },
        { value: 'companion', label: 'A covered work PC plus personal tablets' },
        { value: 'roaming', label: 'Any device: at work, at home, travelling' },
        { value: 'contractor', label: "Another organization's PCs (contractors)" },
      ],
    },
  ],
  rules: [
    {
      id: 'vdi.company-qualifying',
      when: { devices: ['company-qualifying'] },
      verdict: 'recommendation',
      recommended: ['enterprise-per-device', 'enterprise-per-user'],
      summary: 'Windows Enterprise with Software Assurance per device, or Windows Enterprise E3/E5 per user, covers VDI access from company PCs with a qualifying OS.',
      requirements: [
        'Keep the Software Assurance or E3/E5 subscription active for as long as the VDI is used.',
        'For E3/E5 per user: each user’s primary work device has a Windows 7/8/8.1/10 license in the Pro, Enterprise or Education edition.',
      ],
      reasons: [
        { text: 'VDI desktops need devices or users with active Windows SA, a VDA subscription, or E3/E5 licenses from an eligible program; VDA also works but SA or E3/E5 build on the existing Windows license.', section: 'scenario-vdi' },
        { text: 'Enterprise E3/E5 per user requires the primary user’s primary work device to run a qualifying edition.', section: 'vm-per-user-options' },
        SERVER_ACCESS_NOTE,
      ],
    },
    {
      id: 'vdi.thin-clients',
      when: { devices: ['thin-clients'] },
      verdict: 'recommendation',
      recommended: ['vda-per-device', 'vda-per-user'],
      summary: 'Windows VDA: per device for the thin clients, or per user if the users also work from other devices.',
      requirements: ['Keep the VDA subscription active for each thin client (per device) or each user (per user).'],
      reasons: [
        { text: 'Devices that have no Windows license or are not eligible for one, such as thin clients, can be licensed with a Windows VDA subscription.', section: 'vm-brief-scope' },
        { text: 'VDI access needs SA, VDA or E3/E5; thin clients do not qualify for SA or E3/E5 per user, which need a qualifying OS.', section: 'scenario-vdi' },
        SERVER_ACCESS_NOTE,
      ],
    },
    {
      id: 'vdi.byod',
      when: { devices: ['byod-no-qualifying'] },
      verdict: 'recommendation',
      recommended: ['vda-per-user'],
      summary: 'Windows VDA per user: it lets each user reach the VDI desktops from any device, even without a qualifying OS.',
      requirements: ['License every user who reaches the VDI desktops with Windows VDA E3/E5 per user.'],
      reasons: [
        { text: 'In the bring-your-own-device scenario (devices without a qualifying OS, such as Home editions, and no other devices), Windows VDA per user allows VDI access from any device.', section: 'scenario-byod' },
        { text: 'VDA per user has no device requirement.', section: 'vm-per-user-options' },
        SERVER_ACCESS_NOTE,
      ],
    },
    {
      id: 'vdi.companion',
      when: { devices: ['companion'] },
      verdict: 'recommendation',
      recommended: ['enterprise-per-user-addon', 'vda-per-user-addon'],
      summary: 'A per user Add-on: Windows Enterprise E3/E5 per User Add-on where the work PC has Enterprise SA per device, or VDA E3/E5 per User Add-on where it has VDA per device.',
      requirements: [
        'The user’s primary work device is already covered by Windows Enterprise SA per device (Enterprise Add-on) or by Windows VDA per device (VDA Add-on).',
      ],
      reasons: [
        { text: 'When the primary work device is covered by SA or VDA, a per user Add-on lets that user reach corporate VDI from any device, including personal tablets.', section: 'scenario-byocd' },
        { text: 'The Add-ons give the per user benefits at a price that recognises the existing per device investment.', section: 'vm-per-user-options' },
        SERVER_ACCESS_NOTE,
      ],
    },
    {
      id: 'vdi.roaming',
      when: { devices: ['roaming'] },
      verdict: 'recommendation',
      recommended: ['vda-per-user'],
      summary: 'Windows VDA per user: up to four concurrent Windows VMs in the data center, from any device, at work, at home or on the road.',
      requirements: ['License each roaming user with Windows VDA E3/E5 per user.'],
      reasons: [
        { text: 'For roaming VDI users (a thin client at work plus personal devices at home or travelling), VDA per user allows access to up to four concurrent Windows VMs from any device.', section: 'scenario-roaming' },
        SERVER_ACCESS_NOTE,
      ],
    },
    {
      id: 'vdi.contractor',
      when: { devices: ['contractor'] },
      verdict: 'recommendation',
      recommended: ['enterprise-per-device', 'vda-per-device', 'enterprise-per-user', 'vda-per-user'],
      summary: 'The organization that owns the VDI licenses the contractor’s devices (Enterprise SA or VDA per device) or the contractor’s users (E3/E5 or VDA E3/E5 per user).',
      requirements: [
        'The organization hosting the VDI acquires the licenses for the contractor devices or users.',
        'For E3/E5 per user: the user’s primary work device has a qualifying OS (the scenario assumes Windows 10 Pro).',
      ],
      reasons: [
        { text: 'In the contractor scenario the host organization licenses the other organization’s devices per device (SA or VDA) or its users per user (E3/E5 or VDA E3/E5).', section: 'scenario-contractor' },
        SERVER_ACCESS_NOTE,
      ],
    },
  ],
};
