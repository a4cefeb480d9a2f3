/** Where the service serves a guide section; every citation and search hit links here. */
export const DEFAULT_BASE_URL = 'http://localhost:3978';

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
  query.append('v', version);
  return `${base}/decision/${encodeURIComponent(topic)}?${query.toString()}`;
}
