import { guideHandler } from '../../handlers/guide';
import { healthHandler } from '../../handlers/health';
import { guide } from '../../core/knowledge';
import { httpRequest } from '../support/http';

const get = (document?: string, method = 'GET') =>
  guideHandler(httpRequest({ method, path: `/guide${document ? `/${document}` : ''}`, params: document === undefined ? {} : { document } }));

describe('GET /guide', () => {
  it('lists every guide document', async () => {
    const response = await get();
    expect(response.status).toBe(200);
    for (const document of guide.documents) expect(response.body).toContain(`href="/guide/${document.id}"`);
  });

  it.each(guide.documents.map((d) => [d.id]))('renders %s with one anchor per section, its title and its source', async (id) => {
    const response = await get(id);
    expect(response.status).toBe(200);
    const html = String(response.body);
    const document = guide.documents.find((d) => d.id === id)!;
    for (const section of document.sections) {
      expect(html).toContain(`<section id="${section.id}">`);
      expect(html).toMatch(/Source: \[\d{3}\] /);
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
      expect(String(response.body)).not.toContain(document);
    },
  );

  it('renders markdown without letting raw HTML through', async () => {
    const html = String((await get('glossary')).body);
    expect(html).not.toMatch(/<script/i);
  });
});

describe('GET /api/health', () => {
  it('reports ok with the knowledge version', async () => {
    const response = await healthHandler(httpRequest({ method: 'GET', path: '/api/health' }));
    expect(response.status).toBe(200);
    expect(response.jsonBody).toMatchObject({ status: 'ok', knowledgeVersion: guide.version });
  });

  it('answers another method with 405 (the Functions app sends it every method)', async () => {
    const response = await healthHandler(httpRequest({ method: 'POST', path: '/api/health' }));
    expect(response.status).toBe(405);
    expect(response.headers).toMatchObject({ Allow: 'GET' });
  });
});
