/** Where the service serves a guide section; every citation and search hit links here. */
export const DEFAULT_BASE_URL = 'http://localhost:3978';

export function guideUrl(baseUrl: string, documentId: string, sectionId?: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}/guide/${encodeURIComponent(documentId)}${sectionId ? `#${encodeURIComponent(sectionId)}` : ''}`;
}
