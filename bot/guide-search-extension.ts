import { z } from 'zod';
import { guide, sectionTopic } from '../core/knowledge';
import type { GuideSection } from '../core/guide';
import { MAX_QUERY_CHARS, search } from '../reading/search';
import { TOPIC_IDS } from '../core/types';
import { en } from '../wording/en';
import { ExtensionAttachment, ExtensionResponse, plainMessage, resultList } from './extension-response';
import { sectionAttachment } from './section-view';
import type { TurnFields } from './turn-log';

// The search message extension (composeExtension/query): the same guide search as a free
// question, answered as cards a user inserts into any chat. The manifest declares the command.

export const SEARCH_COMMAND_ID = 'searchGuide';
export const SEARCH_PARAMETER = 'query';
/** Teams asks for 25 a page; ten sections are more than anyone reads in a compose box. */
export const PAGE_SIZE = 10;
/** Past this, search has nothing above its relevance floor anyway. */
const MAX_RESULTS = 50;

export const NO_MATCH_TEXT = en.replies.searchNoMatch;
export const UNKNOWN_COMMAND_TEXT = en.replies.searchUnknownCommand;
export const UNREADABLE_TEXT = en.replies.searchUnreadable;

const count = z.coerce.number().int().min(0).max(1000);
const queryValueSchema = z.looseObject({
  commandId: z.string().max(64).optional(),
  parameters: z
    .array(z.looseObject({ name: z.string().max(64).optional(), value: z.unknown().optional() }))
    .max(10)
    .optional(),
  // Paging that cannot be read falls back to the first page rather than failing the search.
  queryOptions: z.looseObject({ skip: count.optional(), count: count.optional() }).optional().catch(undefined),
});

interface Page {
  skip: number;
  size: number;
}

export function answerGuideSearch(value: unknown, baseUrl: string): { body: ExtensionResponse; log: TurnFields } {
  const parsed = queryValueSchema.safeParse(value);
  if (!parsed.success) return { body: plainMessage(UNREADABLE_TEXT), log: { action: 'extension-search', outcome: 'invalid' } };
  const { commandId, parameters = [], queryOptions } = parsed.data;
  if (commandId !== undefined && commandId !== '' && commandId !== SEARCH_COMMAND_ID) {
    return { body: plainMessage(UNKNOWN_COMMAND_TEXT), log: { action: 'extension-search', outcome: 'invalid' } };
  }
  const page: Page = { skip: queryOptions?.skip ?? 0, size: Math.min(PAGE_SIZE, queryOptions?.count || PAGE_SIZE) };
  const initialRun = parameters.some((p) => p.name === 'initialRun' && String(p.value) === 'true');
  const typed = parameters.find((p) => p.name === SEARCH_PARAMETER) ?? parameters.find((p) => p.name !== 'initialRun');
  const text = typeof typed?.value === 'string' || typeof typed?.value === 'number' ? String(typed.value).slice(0, MAX_QUERY_CHARS).trim() : '';

  if (initialRun || !text) {
    const cards = starterSections().map((section) => sectionAttachment(section, baseUrl));
    return { body: resultList(pageOf(cards, page)), log: { action: 'extension-search', initialRun: true, results: cards.length } };
  }
  const hits = search(text, { baseUrl, limit: Math.min(MAX_RESULTS, page.skip + page.size) }).results;
  if (!hits.length && page.skip === 0) return { body: plainMessage(NO_MATCH_TEXT), log: { action: 'extension-search', results: 0 } };
  const cards = hits.slice(page.skip).map((hit): ExtensionAttachment => sectionAttachment(guide.sections.get(hit.section)!, baseUrl));
  return { body: resultList(cards), log: { action: 'extension-search', results: cards.length, skip: page.skip || undefined } };
}

/**
 * Before anything is typed: the section each topic's guidance opens with, one per topic, in the
 * topics' order, so the list reads as "what this app answers".
 */
export function starterSections(): GuideSection[] {
  const sections = [...guide.sections.values()];
  return TOPIC_IDS.flatMap((topic) => sections.find((section) => sectionTopic(section.id) === topic) ?? []);
}

const pageOf = <T>(items: T[], page: Page): T[] => items.slice(page.skip, page.skip + page.size);
