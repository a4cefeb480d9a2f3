import type { TopicDefinition } from '../../core/types';

export const priorVersions: TopicDefinition = {
  id: 'prior-versions',
  title: 'Prior versions (downgrade rights)',
  question: 'May the organization run a prior version of the Windows product it licensed?',
  facts: [
    {
      id: 'channel',
      prompt: 'How did the organization license the Windows product?',
      help: 'The sources describe prior-version (downgrade) rights for Volume Licensing only; other channels follow their own license terms.',
      options: [
        { value: 'volume-licensing', label: 'Through a Volume Licensing program' },
        { value: 'oem-or-retail', label: 'Preinstalled by the PC maker (OEM) or bought at retail' },
      ],
    },
    {
      id: 'media',
      prompt: 'Where will the installation media for the prior version come from?',
      help: 'Any of these sources is allowed for a Volume Licensing customer; the answer only tailors the advice.',
      options: [
        { value: 'vlsc', label: 'Download from the Volume Licensing Service Center (VLSC)' },
        { value: 'past-vl-media', label: 'Physical VL media from past shipments' },
        { value: 'reseller-media', label: 'CD/DVD media from our Microsoft Reseller' },
        { value: 'other-legal-media', label: 'Other legally obtained physical media' },
      ],
    },
  ],
  rules: [
    {
      id: 'prior.volume-licensing',
      when: { channel: ['volume-licensing'] },
      verdict: 'permitted',
      summary: 'Yes: Volume Licensing customers may use prior versions of the edition they licensed (their downgrade right).',
      requirements: [
        'Run a prior version of the same edition the organization is currently licensed for through Volume Licensing.',
        'Install it from the VLSC, from past shipments of physical VL media, from a Microsoft Reseller’s remaining media, or from other legally obtained physical media.',
      ],
      reasons: [
        { text: 'Customers who licensed software through a Microsoft Volume Licensing program may use prior versions of the licensed edition; this is the downgrade right.', section: 'downgrade-rights' },
        { text: 'Prior versions can be installed from VLSC downloads, past VL media shipments, reseller stock or other legally obtained physical media.', section: 'prior-version-media' },
      ],
    },
    {
      id: 'prior.oem-or-retail',
      when: { channel: ['oem-or-retail'] },
      verdict: 'refer',
      summary: 'These sources do not decide it: prior-version rights for OEM or retail Windows are set by the license terms that came with the product.',
      requirements: ['Read the license terms that accompany the OEM or retail product, or ask the PC maker or your Microsoft licensing contact.'],
      reasons: [
        { text: 'The prior-version guidance speaks only about software licensed through Volume Licensing.', section: 'prior-versions-scope' },
        { text: 'For Windows preinstalled by the maker or bought through other channels, the license terms accompanying the product govern its use rights.', section: 'vm-oem-retail' },
      ],
    },
    {
      id: 'prior.media-vlsc',
      kind: 'note',
      when: { channel: ['volume-licensing'], media: ['vlsc'] },
      requirements: ['Sign in to the VLSC as a registered user with access to the agreement data, then use Downloads; if the version is no longer offered there, use past VL media or ask your reseller.'],
      reasons: [{ text: 'VLSC downloads need a registered user with access to the agreement; the Support Center helps with access.', section: 'vlsc-access' }],
    },
    {
      id: 'prior.media-past-shipments',
      kind: 'note',
      when: { channel: ['volume-licensing'], media: ['past-vl-media'] },
      requirements: ['Use the comprehensive or subscription kits your organization received in past VL shipments.'],
      reasons: [{ text: 'Versions no longer on the VLSC may be installed from physical VL media the organization received earlier.', section: 'prior-version-media' }],
    },
    {
      id: 'prior.media-reseller',
      kind: 'note',
      when: { channel: ['volume-licensing'], media: ['reseller-media'] },
      requirements: ['Ask your Microsoft Reseller whether it still holds CD/DVD stock of the version you need.'],
      reasons: [{ text: 'A Microsoft Reseller may still have CD/DVD inventory of older versions.', section: 'prior-version-media' }],
    },
    {
      id: 'prior.media-other-legal',
      kind: 'note',
      when: { channel: ['volume-licensing'], media: ['other-legal-media'] },
      requirements: ['Make sure the media was legally obtained and the organization is currently licensed for the product through downgrade rights.'],
      reasons: [{ text: 'Legally obtained physical media of older products the organization is currently licensed to use through downgrade rights may be used at its discretion.', section: 'prior-version-media' }],
    },
  ],
};
