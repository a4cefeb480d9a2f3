import { MODEL } from '../knowledge/generated/model';
import { TOPIC_IDS, TopicDefinition, TopicId } from './types';

/** The topics of the compiled knowledge model (knowledge/topics/*.yaml). */
export const TOPICS: Readonly<Record<TopicId, TopicDefinition>> = MODEL.topics;

export function isTopicId(value: string): value is TopicId {
  return (TOPIC_IDS as readonly string[]).includes(value);
}
