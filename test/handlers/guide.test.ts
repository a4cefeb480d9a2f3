import type { HttpResponseInit } from '@azure/functions';
import { guideHandler } from '../../handlers/guide';
import { healthHandler } from '../../handlers/health';
import { describeSource, guide } from '../../core/knowledge';
import { escapeHtml } from '../../web/html';
import { httpRequest } from '../support/http';

const get = (document?: string, method = 'GET') =>
  guideHandler(httpRequest({ method, path: `/guide${document ? `/${document}` : ''}`, params: document === undefined ? {} : { document } }));

/** A page's HTML: the guide handler answers every GET with a string. */
function textOf(response: HttpResponseInit): string {
  if (typeof response.body !== 'string') throw new Error(`expected an HTML string, got ${typeof response.body}`);
  return response.body;
}

/** One section element of a page, from its opening tag to its closing tag; '' if the page has none. */
function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`<section id="${escapeHtml(id)}">`);
  const end = start < 0 ? -1 : html.indexOf('</section>', start);
  return end < 0 ? '' : html.slice(start, end + '</section>'.length);
}

describe('GET /guide', () => {
  it('lists every guide document', async () => {
    const response = await get();
    expect(response.status).toBe(200);
    for (const document of guide.documents) expect(response.body).toContain(`href="/guide/${document.id}"`);
  });

  it('counts each document’s sections in plain English', async () => {
    const html = textOf(await get());
    for (const document of guide.documents) {
      const count = document.sections.length;
      expect(html).toContain(count === 1 ? '(1 section)' : `(${count} sections)`);
    }
    expect(html).not.toContain('(1 sections)');
  });

  it.each(guide.documents.map((d) => [d.id]))('renders %s with one anchor per section, its title and its source', async (id) => {
    const response = await get(id);
    expect(response.status).toBe(200);
    const html = textOf(response);
    const document = guide.documents.find((d) => d.id === id)!;
    // Exactly the document's sections, each once, in the guide's order.
    expect([...html.matchAll(/<section id="([^"]*)">/g)].map((m) => m[1])).toEqual(document.sections.map((s) => escapeHtml(s.id)));
    for (const section of document.sections) {
      const part = sectionOf(html, section.id);
      expect(part).toContain(`<h2>${escapeHtml(section.title)} <a href="#${escapeHtml(section.id)}"`);
      expect(part).toContain(`<p class="source">Source: ${section.sourceIds.map((source) => escapeHtml(describeSource(source))).join('<br>')}</p>`);
      expect(part).toMatch(/Source: \[\d{3}\] /);
    }
    expect(html).toContain('<meta name="viewport"');
  });

  it('sends a Content-Security-Policy and nosniff with every page', async () => {
    for (const response of [await get(), await get('virtual-machines'), await get('nope')]) {
      const headers = response.headers as Record<string, string>;
      expect(headers['Content-Security-Policy']).toMatch(/default-src 'none'/);
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
    }
  });

  it.each([['unknown'], ['..%2F..%2Fpackage.json'], ['../../etc/passwd'], ['<script>alert(1)</script>'], ['GLOSSARY']])(
    'answers 404 for %s without echoing it',
    async (document) => {
      const response = await get(document);
      expect(response.status).toBe(404);
      expect(textOf(response)).not.toContain(document);
    },
  );

  it('renders markdown without letting raw HTML through', async () => {
    const html = textOf(await get('glossary'));
    expect(html).not.toMatch(/<script/i);
  });
});

describe('GET /api/health', () => {
  it('reports ok with the knowledge version', async () => {
    const response = await healthHandler(httpRequest({ method: 'GET', path: '/api/health' }));
    expect(response.status).toBe(200);
    expect(response.jsonBody).toMatchObject({ status: 'ok', knowledgeVersion: guide.version });
  });

  it('says the code cache was not used where the bundle was not loaded through the deployed entry', async () => {
    const response = await healthHandler(httpRequest({ method: 'GET', path: '/api/health' }));
    expect(response.jsonBody).toMatchObject({ codeCache: 'not-used' });
  });

  it('answers another method with 405 (the Functions app sends it every method)', async () => {
    const response = await healthHandler(httpRequest({ method: 'POST', path: '/api/health' }));
    expect(response.status).toBe(405);
    expect(response.headers).toMatchObject({ Allow: 'GET' });
  });
});
