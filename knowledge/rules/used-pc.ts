import type { TopicDefinition } from '../../core/types';

export const usedPc: TopicDefinition = {
  id: 'used-pc',
  title: 'Used PC',
  question: 'May the Windows license that came with a PC go to a new owner?',
  facts: [
    {
      id: 'transfer',
      prompt: 'What changes hands?',
      help: 'An OEM license belongs to the PC it shipped with: it can travel with that PC, never to another one.',
      options: [
        { value: 'whole-pc', label: 'The PC itself goes to the new owner' },
        { value: 'license-only', label: 'Only the license, moved to a different PC' },
      ],
    },
    {
      id: 'with_media_and_coa',
      prompt: 'Do the software media, manuals and COA go along with the PC?',
      help: 'The transfer right covers the whole PC together with its media, manuals and Certificate of Authenticity.',
      options: [
        { value: 'yes', label: 'Yes, all of them go along' },
        { value: 'no', label: 'No, some stay behind' },
      ],
    },
  ],
  rules: [
    {
      id: 'used.license-only',
      when: { transfer: ['license-only'] },
      verdict: 'not-permitted',
      summary: 'No: an OEM Windows license cannot be moved to a new or different PC; it stays with the PC it came with.',
      requirements: ['License the other PC separately; the original license can only go along with its own PC.'],
      reasons: [
        { text: 'An OEM license on a used PC cannot be moved onto any other PC, new or old.', section: 'used-pc-transfer' },
        { text: 'The license terms come from the PC maker and cover the software only as installed on that particular PC.', section: 'motherboard-why' },
      ],
    },
    {
      id: 'used.whole-pc-complete',
      when: { transfer: ['whole-pc'], with_media_and_coa: ['yes'] },
      verdict: 'permitted',
      summary: 'Yes: the whole used PC may go to another end user with its Windows license rights, together with its media, manuals and COA.',
      requirements: [
        'Hand over the software media, the manuals and the Certificate of Authenticity with the PC.',
        'The PC has had few or no hardware changes (a motherboard upgrade makes it a new PC).',
      ],
      reasons: [
        { text: 'The whole used PC may change hands, and its license rights go with it when the media, manuals and COA are handed over too.', section: 'used-pc-transfer' },
      ],
    },
    {
      id: 'used.whole-pc-incomplete',
      when: { with_media_and_coa: ['no'] },
      verdict: 'not-permitted',
      summary: 'Not as planned: the license rights go to the new owner only together with the PC’s media, manuals and COA.',
      requirements: ['Hand over the software media, manuals and Certificate of Authenticity with the PC; then the license goes along.'],
      reasons: [
        { text: 'The transfer the source allows is of the entire used PC, including its software media, manuals and COA, with the license rights.', section: 'used-pc-transfer' },
        { text: 'The COA is the proof that the PC is licensed; without it the new owner has no proof of license.', section: 'refurbished-license-kept' },
      ],
    },
  ],
};
