/** Where the service serves a guide section; every citation and search hit links here. */
export const DEFAULT_BASE_URL = 'http://localhost:3978';

/** The decision record link's reserved parameters, beside the facts (decision record 0020). */
export const VERSION_PARAM = 'v';
export const CAVEAT_PARAM = 'caveat';
export const DATE_PARAM = 'on';
export const RESERVED_PARAMS: readonly string[] = [VERSION_PARAM, CAVEAT_PARAM, DATE_PARAM];

export function guideUrl(baseUrl: string, documentId: string, sectionId?: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}/guide/${encodeURIComponent(documentId)}${sectionId ? `#${encodeURIComponent(sectionId)}` : ''}`;
}

/**
 * The decision record page for exactly these facts (decision contract v2). Facts come in the
 * order given by `factOrder` (the topic's interview order), so one decision has one link.
 */
export function decisionUrl(baseUrl: string, topic: string, facts: Readonly<Record<string, string>>, factOrder: readonly string[], version: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  const query = new URLSearchParams();
  for (const fact of factOrder) if (facts[fact] !== undefined) query.append(fact, facts[fact]);
  query.append(VERSION_PARAM, version);
  return `${base}/decision/${encodeURIComponent(topic)}?${query.toString()}`;
}

/** What the bot knows about an answer beyond its facts: what the question named that the sources do not cover, and the day it was given. */
export interface RecordContext {
  /** Caveat ids, in the knowledge's order. */
  caveats?: readonly string[];
  /** The day the answer was given, as YYYY-MM-DD (UTC). */
  on?: string;
}

/**
 * A decision's permalink with the bot's context appended after `v`: the core's link stays as the
 * contract says, and a link without context is exactly the core's.
 */
export function withRecordContext(permalink: string, context: RecordContext): string {
  const query = new URLSearchParams();
  for (const id of context.caveats ?? []) query.append(CAVEAT_PARAM, id);
  if (context.on) query.append(DATE_PARAM, context.on);
  const extra = query.toString();
  return extra ? `${permalink}${permalink.includes('?') ? '&' : '?'}${extra}` : permalink;
}
