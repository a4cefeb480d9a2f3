import type { TopicDefinition } from '../../core/types';

const BOTH_SIDES_DUTIES = [
  'Customer: download the license verification form, complete, sign and date it, and return it to the OEM/LSP as they instruct (never to Microsoft).',
  'OEM/LSP: collect the signed form before installing any image, check that every PC has the COA for a qualifying base license, and cooperate with any mis-licensing investigation.',
];

export const upgradeImaging: TopicDefinition = {
  id: 'upgrade-imaging',
  title: 'Upgrade imaging by an OEM or LSP',
  question: 'May an OEM or LSP image these PCs with a Volume Licensing Windows Upgrade?',
  facts: [
    {
      id: 'base_coa',
      prompt: 'Do the PCs carry a COA for a qualifying base Windows license (for example Windows Pro)?',
      help: 'A Volume Licensing Windows Upgrade may only go on PCs that already have a qualifying base license with its COA affixed.',
      options: [
        { value: 'all', label: 'All of them' },
        { value: 'some', label: 'Some of them' },
        { value: 'none', label: 'None of them' },
      ],
    },
    {
      id: 'verification_form',
      prompt: 'Has the customer’s signed and dated license verification form reached the OEM/LSP?',
      help: 'No Volume Licensing image may be installed until the customer has certified the base licenses in writing.',
      options: [
        { value: 'returned', label: 'Yes, the OEM/LSP has it' },
        { value: 'not-yet', label: 'Not yet' },
      ],
    },
    {
      id: 'role',
      prompt: 'Are you the customer or the OEM/LSP doing the imaging?',
      help: 'Both sides have duties; the answer does not change whether imaging may go ahead.',
      options: [
        { value: 'customer', label: 'The customer' },
        { value: 'oem-or-lsp', label: 'The OEM or LSP' },
      ],
    },
  ],
  rules: [
    {
      id: 'imaging.no-base-license',
      when: { base_coa: ['none'] },
      verdict: 'not-permitted',
      summary: 'No: a Volume Licensing Windows Upgrade may only be imaged onto PCs that carry a COA for a qualifying base Windows license.',
      requirements: ['Buy a qualifying base Windows license (such as Windows Pro) for each PC and have its COA affixed before imaging.'],
      reasons: [
        { text: 'VL Windows Upgrade software may be placed only on computers with a COA for a qualifying base Windows license.', section: 'imaging-qualifying-os' },
        { text: 'The customer must certify that a qualifying base license was bought for the PCs being imaged.', section: 'imaging-who' },
      ],
    },
    {
      id: 'imaging.form-missing',
      when: { verification_form: ['not-yet'] },
      verdict: 'not-permitted',
      summary: 'Not yet: no Volume Licensing image may be installed until the customer’s signed verification form has reached the OEM/LSP.',
      requirements: BOTH_SIDES_DUTIES,
      reasons: [
        { text: 'VL software cannot be installed until the customer has provided the verification in writing; OEMs and LSPs must collect it before imaging.', section: 'imaging-who' },
        { text: 'The form has to be completed, signed, dated and returned to the OEM or LSP before any image is installed.', section: 'imaging-verification-form' },
      ],
    },
    {
      id: 'imaging.all-verified',
      when: { base_coa: ['all'], verification_form: ['returned'] },
      verdict: 'permitted',
      summary: 'Yes: every PC has a qualifying base license with its COA and the signed verification form is with the OEM/LSP, so imaging may proceed.',
      requirements: BOTH_SIDES_DUTIES,
      reasons: [
        { text: 'Each PC carries the COA for a qualifying base Windows license, which the VL Upgrade requires.', section: 'imaging-qualifying-os' },
        { text: 'The customer’s written certification has reached the OEM/LSP, as required before imaging.', section: 'imaging-verification-form' },
        { text: 'OEMs and LSPs must still check each PC for the right COA.', section: 'imaging-partner-duties' },
      ],
    },
    {
      id: 'imaging.some-verified',
      when: { base_coa: ['some'], verification_form: ['returned'] },
      verdict: 'conditional',
      summary: 'Only the PCs that carry a COA for a qualifying base license may be imaged; the others need a base license first.',
      requirements: [
        'Image only the PCs that carry a COA for a qualifying base Windows license.',
        'Buy a qualifying base license (with COA affixed) for every other PC before it is imaged.',
        ...BOTH_SIDES_DUTIES,
      ],
      reasons: [
        { text: 'VL Windows Upgrade software may go only on computers that have the COA for a qualifying base license.', section: 'imaging-qualifying-os' },
        { text: 'OEMs and LSPs must verify that each PC they ship with the upgrade has that COA.', section: 'imaging-partner-duties' },
      ],
    },
    {
      id: 'imaging.contacts',
      kind: 'note',
      when: {},
      requirements: [],
      reasons: [
        { text: 'Questions about the verification process go to the OEM or LSP; about the VL agreement, to the Microsoft Volume Licensing account manager; anything else, to Microsoft customer support.', section: 'imaging-contacts' },
      ],
    },
  ],
};
