import type { ExtensionResponse } from './extension-response';
import { answerGuideSearch } from './guide-search-extension';
import { answerQueryLink } from './link-unfurl';
import type { TurnFields } from './turn-log';

// The message extension invokes the bot answers; every other invoke keeps the adapter's
// "not implemented" answer. Both must answer within Teams' 5 seconds: they are in-memory lookups.

export const SEARCH_INVOKE = 'composeExtension/query';
export const QUERY_LINK_INVOKE = 'composeExtension/queryLink';
export const EXTENSION_INVOKES: ReadonlySet<string> = new Set([SEARCH_INVOKE, QUERY_LINK_INVOKE]);

export function answerExtensionInvoke(name: string, value: unknown, baseUrl: string): { body: ExtensionResponse; log: TurnFields } | undefined {
  if (name === SEARCH_INVOKE) return answerGuideSearch(value, baseUrl);
  if (name === QUERY_LINK_INVOKE) return answerQueryLink(value, baseUrl);
  return undefined;
}
