import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { describeSource, guide } from '../core/knowledge';
import type { GuidePages } from '../web/guide-pages';
import { PAGE_SECURITY_HEADERS } from '../web/html';
import { describeFailure } from './http-errors';

// The guide pages (and markdown-it, which renders them) load on the first page request, not with
// the Functions app: a bot turn never needs them, and a cold start should not pay for them.
let pagesModule: Promise<typeof import('../web/guide-pages')> | undefined;
const loadPagesModule = () => (pagesModule ??= import('../web/guide-pages'));
let pages: GuidePages | undefined;
const DOCUMENT_ID = /^[a-z0-9-]{1,64}$/;

/** GET /guide and /guide/<document>: the guide as HTML, one anchor per section id. */
export async function guideHandler(request: HttpRequest): Promise<HttpResponseInit> {
  const { GuidePages, notFoundPage } = await loadPagesModule();
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const { status, headers } = describeFailure({ kind: 'method-not-allowed', allow: ['GET', 'HEAD'] });
    return { status, headers: { ...PAGE_SECURITY_HEADERS, ...headers }, body: notFoundPage(guide.version) };
  }
  pages ??= new GuidePages(guide, describeSource);
  const documentId = request.params.document;
  const page = documentId === undefined || documentId === '' ? pages.indexPage() : DOCUMENT_ID.test(documentId) ? pages.documentPage(documentId) : undefined;
  const headers = { ...PAGE_SECURITY_HEADERS, 'Cache-Control': 'public, max-age=300' };
  if (!page) return { status: describeFailure({ kind: 'not-found' }).status, headers, body: notFoundPage(guide.version) };
  return { status: 200, headers, body: request.method === 'HEAD' ? undefined : page };
}
