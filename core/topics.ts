import { priorVersions } from '../knowledge/rules/prior-versions';
import { refurbishedPc } from '../knowledge/rules/refurbished-pc';
import { upgradeImaging } from '../knowledge/rules/upgrade-imaging';
import { usedPc } from '../knowledge/rules/used-pc';
import { vdiLicenseChoice } from '../knowledge/rules/vdi-license-choice';
import { virtualMachines } from '../knowledge/rules/virtual-machines';
import { TOPIC_IDS, TopicDefinition, TopicId } from './types';

export const TOPICS: Readonly<Record<TopicId, TopicDefinition>> = {
  'refurbished-pc': refurbishedPc,
  'used-pc': usedPc,
  'upgrade-imaging': upgradeImaging,
  'prior-versions': priorVersions,
  'virtual-machines': virtualMachines,
  'vdi-license-choice': vdiLicenseChoice,
};

export function isTopicId(value: string): value is TopicId {
  return (TOPIC_IDS as readonly string[]).includes(value);
}
