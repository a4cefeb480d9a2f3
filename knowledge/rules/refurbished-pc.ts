import type { TopicDefinition } from '../../core/types';

const KEEPS_PC = ['original', 'replaced-same-model', 'replaced-equivalent'];
const HAS_RECOVERY = ['original-media', 'recovery-image', 'manufacturer-media'];

export const refurbishedPc: TopicDefinition = {
  id: 'refurbished-pc',
  title: 'Refurbished PC',
  question: 'May a refurbished PC ship with Windows under its original license, with no new license?',
  facts: [
    {
      id: 'motherboard',
      prompt: 'What happened to the motherboard?',
      help: 'The motherboard is what identifies "the same PC" for an OEM Windows license: an upgraded board makes it a new PC.',
      options: [
        { value: 'original', label: 'Still the original board' },
        { value: 'replaced-same-model', label: 'Defective, replaced by the exact same make/model/spec' },
        { value: 'replaced-equivalent', label: "Defective, replaced by the maker's warranty equivalent" },
        { value: 'replaced-different', label: 'Defective, replaced by a different model' },
        { value: 'upgraded', label: 'Replaced for another reason (upgrade)' },
      ],
    },
    {
      id: 'coa',
      prompt: 'Is a Windows Certificate of Authenticity (COA) affixed to the PC?',
      help: 'The COA label is the proof that the PC is licensed for the Windows version printed on it.',
      options: [
        { value: 'yes', label: 'Yes, a COA is on the PC' },
        { value: 'no', label: 'No COA' },
      ],
    },
    {
      id: 'recovery',
      prompt: 'What can you reinstall Windows from?',
      help: 'The original license carries over only if Windows is reinstalled from that PC’s own recovery media or image.',
      options: [
        { value: 'original-media', label: 'The original recovery media' },
        { value: 'recovery-image', label: "The PC's hard-disk recovery image" },
        { value: 'manufacturer-media', label: "Media I can get from the PC's original maker" },
        { value: 'none', label: 'None of these' },
      ],
    },
  ],
  rules: [
    {
      id: 'refurb.motherboard-upgraded',
      when: { motherboard: ['upgraded'] },
      verdict: 'not-permitted',
      summary: 'No: a motherboard replaced for any reason other than a defect makes a new PC, which needs a new Windows license.',
      requirements: ['Buy a new Windows license for the PC before shipping it with Windows.'],
      reasons: [
        { text: 'Replacing or upgrading the motherboard for a reason other than a defect creates a new PC, and OEM Windows cannot move to it from the old one.', section: 'motherboard-upgrade' },
        { text: 'The motherboard is the component that stands for the original PC the license was granted for.', section: 'motherboard-why' },
      ],
    },
    {
      id: 'refurb.motherboard-different-model',
      when: { motherboard: ['replaced-different'] },
      verdict: 'not-permitted',
      summary: 'No: a defective motherboard replaced by a different model (not the same make/model or the maker’s warranty equivalent) leaves a new PC that needs a new license.',
      requirements: ['Buy a new Windows license for the PC, or fit a board of the same make/model/specification.'],
      reasons: [
        { text: 'A defect replacement keeps the license only when the new board is the same make/model or the maker’s warranty replacement/equivalent.', section: 'motherboard-defect-replacement' },
        { text: 'A refurbished PC must keep its original motherboard or an identical replacement (same make, model and specification); any other board turns it into a new PC.', section: 'refurbished-definition' },
      ],
    },
    {
      id: 'refurb.no-coa',
      when: { coa: ['no'] },
      verdict: 'not-permitted',
      summary: 'No: without a Windows COA affixed to the PC there is no proof of the original license, so a new license is needed.',
      requirements: ['Buy a new Windows license for the PC.'],
      reasons: [
        { text: 'The original license carries over only when a COA for Windows is affixed to the PC; the COA is the proof of license for the version named on it.', section: 'refurbished-license-kept' },
      ],
    },
    {
      id: 'refurb.no-recovery',
      when: { recovery: ['none'] },
      verdict: 'not-permitted',
      summary: 'No: with neither the original recovery media, the recovery image, nor media from the original maker, a new Windows license is needed.',
      requirements: ['Buy a new Windows license to ship the PC with genuine Windows.'],
      reasons: [
        { text: 'Reinstalling under the original license needs the original recovery media or the PC’s hard-disk recovery image.', section: 'refurbished-license-kept' },
        { text: 'When neither is available and the maker cannot supply the media, the refurbisher must buy a new license.', section: 'refurbished-recovery-media' },
      ],
    },
    {
      id: 'refurb.license-kept',
      when: { motherboard: ['original', 'replaced-same-model'], coa: ['yes'], recovery: ['original-media', 'recovery-image'] },
      verdict: 'permitted',
      summary: 'Yes: with the COA on the PC and its own recovery media or image, the refurbished PC ships under its original license.',
      requirements: [
        'Keep the Windows COA affixed to the PC.',
        'Reinstall only the Windows version named on the COA, from the original recovery media or the PC’s hard-disk recovery image.',
      ],
      reasons: [
        { text: 'The motherboard is original or an exact same make/model/spec replacement, so the PC is still refurbished, not new.', section: 'refurbished-definition' },
        { text: 'A COA plus the original recovery media or hard-disk recovery image means no new license is needed.', section: 'refurbished-license-kept' },
      ],
    },
    {
      id: 'refurb.media-from-maker',
      when: { motherboard: KEEPS_PC, coa: ['yes'], recovery: ['manufacturer-media'] },
      verdict: 'conditional',
      summary: 'Yes, once you have obtained the PC’s recovery media from its original maker; without it a new license is needed.',
      requirements: [
        'Obtain the recovery media for this PC from its original manufacturer before reinstalling.',
        'Keep the COA affixed and reinstall only the Windows version named on it.',
      ],
      reasons: [
        { text: 'When the original recovery media is missing, the refurbisher may get recovery media from the PC’s original maker.', section: 'refurbished-recovery-media' },
        { text: 'If that media cannot be obtained and there is no recovery image, a new license must be bought.', section: 'refurbished-recovery-media' },
      ],
    },
    {
      id: 'refurb.warranty-equivalent-open',
      when: { motherboard: ['replaced-equivalent'], coa: ['yes'], recovery: HAS_RECOVERY },
      verdict: 'conditional',
      summary: 'Probably yes, but the source is not consistent about warranty-equivalent motherboards: confirm before relying on the original license.',
      requirements: [
        'Keep a record that the board replaced a defective one and is the maker’s warranty replacement/equivalent.',
        'Confirm with your Microsoft licensing contact (for example through the Authorized Refurbisher Program) that the PC still counts as refurbished.',
        'Keep the COA affixed and reinstall only the Windows version named on it.',
      ],
      reasons: [
        { text: 'The motherboard section accepts the maker’s warranty replacement/equivalent for a defective board without a new license.', section: 'motherboard-defect-replacement' },
        { text: 'But the same source’s definition of a refurbished PC allows only the original board or an identical one (make, model and specification all equal); a merely equivalent board is left open.', section: 'refurbished-definition' },
        { text: 'With the COA and recovery media or image in place, nothing else stands in the way.', section: 'refurbished-license-kept' },
      ],
    },
  ],
};
