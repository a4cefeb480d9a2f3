export { decide, firedRuleIds, topicOrThrow } from './decide';
export { DecisionInputError } from './errors';
export { TOPICS, isTopicId } from './topics';
export * from './types';
export { DEFAULT_BASE_URL, guideUrl } from './urls';
