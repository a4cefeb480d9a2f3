import type { TopicId } from '../core/types';

// Which guided check a guide section feeds: a search hit on the section suggests that topic.
// 'general' sections (glossary, disclaimer) explain terms for every topic and suggest none.
export type SectionTopic = TopicId | 'general';

export const SECTION_TOPICS: Readonly<Record<string, SectionTopic>> = {
  'refurbished-definition': 'refurbished-pc',
  'refurbished-license-kept': 'refurbished-pc',
  'refurbished-recovery-media': 'refurbished-pc',
  'motherboard-upgrade': 'refurbished-pc',
  'motherboard-defect-replacement': 'refurbished-pc',
  'motherboard-why': 'refurbished-pc',
  'used-pc-transfer': 'used-pc',
  'refurbished-resources': 'refurbished-pc',

  'imaging-who': 'upgrade-imaging',
  'imaging-qualifying-os': 'upgrade-imaging',
  'imaging-verification-form': 'upgrade-imaging',
  'imaging-partner-duties': 'upgrade-imaging',
  'imaging-contacts': 'upgrade-imaging',

  'downgrade-rights': 'prior-versions',
  'prior-version-media': 'prior-versions',
  'vlsc-access': 'prior-versions',
  'prior-versions-scope': 'prior-versions',

  'vm-brief-scope': 'virtual-machines',
  'vm-oem-retail': 'virtual-machines',
  'vm-three-ways': 'virtual-machines',
  'vm-virtualization-rights': 'virtual-machines',
  'vm-outsourcing': 'virtual-machines',
  'vm-listed-providers': 'virtual-machines',
  'vm-multitenant-hosting': 'virtual-machines',
  'vm-wvd': 'virtual-machines',
  'vm-per-user-options': 'virtual-machines',
  'vm-qualifying-os': 'virtual-machines',
  'vm-rights-overview': 'virtual-machines',
  'vm-rights-detail': 'virtual-machines',
  'vm-scenarios-note': 'virtual-machines',
  // Scenarios answer "which license fits these users", except the two that are about where
  // Windows runs (local VMs) or that no Windows desktop license is involved (session host).
  'scenario-vdi': 'vdi-license-choice',
  'scenario-session-host': 'virtual-machines',
  'scenario-mixed': 'vdi-license-choice',
  'scenario-roaming': 'vdi-license-choice',
  'scenario-byocd': 'vdi-license-choice',
  'scenario-byod': 'vdi-license-choice',
  'scenario-contractor': 'vdi-license-choice',
  'scenario-local-vms': 'virtual-machines',
  'vm-disclaimer': 'general',

  glossary: 'general',
};

/**
 * Ranking priors. Sections that mostly point elsewhere (further reading, disclaimer, glossary)
 * rank below the sections that answer, unless the question is about them. The general VDI
 * scenario is the default answer to a VDI question that names no special setup.
 */
export const SECTION_WEIGHTS: Readonly<Record<string, number>> = {
  'refurbished-resources': 0.6,
  'vm-disclaimer': 0.7,
  glossary: 0.5,
  'scenario-vdi': 1.2,
};

/**
 * The section that explains a fact value: when a user's text states the value, that section
 * ranks higher, since it is the one about the user's setup ("personal tablets next to a work
 * PC with SA" is the BYOCD scenario even though the user never says "companion").
 */
export interface FactSection {
  topic: TopicId;
  fact: string;
  values: readonly string[];
  section: string;
}

export const FACT_SECTIONS: readonly FactSection[] = [
  { topic: 'refurbished-pc', fact: 'motherboard', values: ['upgraded'], section: 'motherboard-upgrade' },
  {
    topic: 'refurbished-pc',
    fact: 'motherboard',
    values: ['replaced-same-model', 'replaced-equivalent', 'replaced-different'],
    section: 'motherboard-defect-replacement',
  },
  { topic: 'refurbished-pc', fact: 'coa', values: ['yes', 'no'], section: 'refurbished-license-kept' },
  { topic: 'refurbished-pc', fact: 'recovery', values: ['original-media', 'recovery-image'], section: 'refurbished-license-kept' },
  { topic: 'refurbished-pc', fact: 'recovery', values: ['manufacturer-media', 'none'], section: 'refurbished-recovery-media' },
  { topic: 'used-pc', fact: 'transfer', values: ['whole-pc', 'license-only'], section: 'used-pc-transfer' },
  { topic: 'used-pc', fact: 'with_media_and_coa', values: ['yes', 'no'], section: 'used-pc-transfer' },
  { topic: 'upgrade-imaging', fact: 'verification_form', values: ['returned', 'not-yet'], section: 'imaging-verification-form' },
  { topic: 'upgrade-imaging', fact: 'base_coa', values: ['all', 'some', 'none'], section: 'imaging-qualifying-os' },
  { topic: 'prior-versions', fact: 'channel', values: ['oem-or-retail'], section: 'prior-versions-scope' },
  { topic: 'prior-versions', fact: 'media', values: ['vlsc'], section: 'vlsc-access' },
  { topic: 'prior-versions', fact: 'media', values: ['past-vl-media', 'reseller-media', 'other-legal-media'], section: 'prior-version-media' },
  { topic: 'virtual-machines', fact: 'where', values: ['local'], section: 'scenario-local-vms' },
  { topic: 'virtual-machines', fact: 'where', values: ['outsourcer'], section: 'vm-outsourcing' },
  { topic: 'virtual-machines', fact: 'where', values: ['listed-provider'], section: 'vm-listed-providers' },
  { topic: 'virtual-machines', fact: 'where', values: ['azure', 'qmth'], section: 'vm-multitenant-hosting' },
  { topic: 'virtual-machines', fact: 'where', values: ['wvd'], section: 'vm-wvd' },
  { topic: 'virtual-machines', fact: 'where', values: ['session-host'], section: 'scenario-session-host' },
  { topic: 'virtual-machines', fact: 'license', values: ['oem-or-retail'], section: 'vm-oem-retail' },
  { topic: 'virtual-machines', fact: 'device_os', values: ['education', 'other'], section: 'vm-qualifying-os' },
  { topic: 'vdi-license-choice', fact: 'devices', values: ['company-qualifying', 'thin-clients'], section: 'scenario-vdi' },
  { topic: 'vdi-license-choice', fact: 'devices', values: ['byod-no-qualifying'], section: 'scenario-byod' },
  { topic: 'vdi-license-choice', fact: 'devices', values: ['companion'], section: 'scenario-byocd' },
  { topic: 'vdi-license-choice', fact: 'devices', values: ['roaming'], section: 'scenario-roaming' },
  { topic: 'vdi-license-choice', fact: 'devices', values: ['contractor'], section: 'scenario-contractor' },
];

/** A section the table does not know yet is searchable but suggests no topic. */
export function sectionTopic(sectionId: string): SectionTopic {
  return SECTION_TOPICS[sectionId] ?? 'general';
}
