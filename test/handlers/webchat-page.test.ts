import { HttpResponseInit } from '@azure/functions';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseConfig } from '../../config/config';
import { createHomeHandler } from '../../handlers/home';
import { findWebchatFile, webchatAppVersion, webchatAssetHandler, webchatBundleVersion } from '../../handlers/webchat-assets';
import { TOKEN_REFUSALS } from '../../handlers/webchat-token-refusals';
import { EMPTY_STYLE_HASH } from '../../web/webchat-page';
import { httpRequest } from '../support/http';

// The page's own script, as the repository has it (web/webchat-app.js).
const appScript = readFileSync(join(__dirname, '..', '..', 'web', 'webchat-app.js'), 'utf8');
const config = parseConfig({
  DIRECT_LINE_ENDPOINT: 'https://europe.directline.botframework.com',
  WEBCHAT_ALLOWED_ORIGINS: 'https://partners.contoso.com',
  PUBLIC_BASE_URL: 'https://licensing.contoso.com',
});
const home = createHomeHandler({ config });
const get = (path: string, headers: Record<string, string> = {}) => httpRequest({ method: 'GET', path, headers });
const header = (response: HttpResponseInit, name: string) => new Headers(response.headers).get(name);
/** The page's HTML: the home handler answers GET with a string. */
function pageOf(response: HttpResponseInit): string {
  if (typeof response.body !== 'string') throw new Error(`expected an HTML string, got ${typeof response.body}`);
  return response.body;
}
/** A served file as text: the asset handler answers GET with the file's bytes. */
function textOf(response: HttpResponseInit): string {
  if (!Buffer.isBuffer(response.body)) throw new Error(`expected a Buffer, got ${typeof response.body}`);
  return response.body.toString('utf8');
}
const asset = (file: string, query = '', headers: Record<string, string> = {}) =>
  webchatAssetHandler(httpRequest({ method: 'GET', path: `/webchat/${file}${query}`, params: { file }, headers }));

function cspOf(response: HttpResponseInit): Map<string, string[]> {
  const csp = header(response, 'content-security-policy') ?? '';
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );
}

describe('GET / : the partner-portal Web Chat page', () => {
  it('is an HTML page with a clear title, a phone viewport and the two same-origin scripts', async () => {
    const response = await home(get('/'));
    expect(response.status).toBe(200);
    expect(header(response, 'content-type')).toMatch(/^text\/html/);
    const html = pageOf(response);
    expect(html).toMatch(/<title>Windows Licensing Assistant[^<]*<\/title>/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1');
    expect(html).toContain(`<script src="/webchat/webchat.js?v=${webchatBundleVersion()}" defer></script>`);
    expect(html).toContain(`<script src="/webchat/app.js?v=${webchatAppVersion()}" defer></script>`);
    expect(webchatAppVersion()).toBe(createHash('sha256').update(appScript).digest('hex').slice(0, 16));
    // No script from anywhere else, and no inline script.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(2);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src="\/webchat\//);
      expect(body).toBe('');
    }
    expect(html).not.toMatch(/https?:\/\/(cdn|unpkg|jsdelivr)/);
    expect(html).toContain('data-token-url="/api/webchat/token"');
    expect(html).toContain('data-direct-line="https://europe.directline.botframework.com/v3/directline"');
  });

  it('has the privacy and terms sections the Teams manifest links to', async () => {
    const html = pageOf(await home(get('/')));
    expect(html).toMatch(/<section id="privacy">[\s\S]*stores nothing you type/);
    expect(html).toMatch(/<section id="terms">[\s\S]*Product Terms/);
  });

  it('has a CSP allowing only its own scripts and, for the network, itself and Direct Line (https and wss)', async () => {
    const response = await home(get('/'));
    const csp = cspOf(response);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://europe.directline.botframework.com', 'wss://europe.directline.botframework.com']);
    expect(csp.get('style-src')).toEqual(["'self'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/=]{24}'$/), `'${EMPTY_STYLE_HASH}'`]);
    // The one hash allows exactly an empty <style> element (see EMPTY_STYLE_HASH), no style text.
    expect(EMPTY_STYLE_HASH).toBe(`sha256-${createHash('sha256').update('').digest('base64')}`);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('frame-ancestors')).toEqual(["'self'", 'https://partners.contoso.com']);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(header(response, 'cache-control')).toBe('no-store');
    expect(header(response, 'x-content-type-options')).toBe('nosniff');
    expect(header(response, 'referrer-policy')).toBe('same-origin');
  });

  it('uses a fresh style nonce on every response, the one its <style> carries', async () => {
    const [a, b] = [await home(get('/')), await home(get('/'))];
    const nonce = (r: HttpResponseInit) => cspOf(r).get('style-src')![1].slice("'nonce-".length, -1);
    expect(nonce(a)).not.toBe(nonce(b));
    expect(pageOf(a)).toContain(`<style nonce="${nonce(a)}">`);
  });

  it('derives ws: for an http Direct Line endpoint (the local stand-in)', async () => {
    const local = createHomeHandler({ config: parseConfig({ DIRECT_LINE_ENDPOINT: 'http://127.0.0.1:5000' }) });
    expect(cspOf(await local(get('/'))).get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:5000', 'ws://127.0.0.1:5000']);
  });

  it('renders the same page with no secret configured; its script has a headline for every reason the token endpoint gives, and no operator detail', async () => {
    const response = await createHomeHandler({ config: parseConfig({}) })(get('/'));
    expect(response.status).toBe(200);
    for (const reason of TOKEN_REFUSALS) expect(appScript).toMatch(new RegExp(`'?${reason}'?: '`));
    expect(appScript).not.toMatch(/DIRECT_LINE_SECRET|npm run playground|response\.status ===/);
    expect(appScript).not.toMatch(/https?:\/\/(?!localhost)/);
  });

  it('answers HEAD without a body and refuses POST', async () => {
    const head = await home(httpRequest({ method: 'HEAD', path: '/' }));
    expect(head.status).toBe(200);
    expect(head.body).toBeUndefined();
    expect((await home(httpRequest({ method: 'POST', path: '/', body: '{}' }))).status).toBe(405);
  });
});

describe('GET /webchat/<file>: the Web Chat bundle and the page script, served by the app', () => {
  const bundlePath = findWebchatFile('webchat.js')!;

  it('finds the botframework-webchat browser bundle', () => {
    expect(bundlePath).toMatch(/botframework-webchat[/\\]dist[/\\]webchat\.js$/);
  });

  it('serves webchat.js as JavaScript, byte for byte the package bundle, cached for good under its hash', async () => {
    const response = await asset('webchat.js', `?v=${webchatBundleVersion()}`);
    expect(response.status).toBe(200);
    expect(header(response, 'content-type')).toBe('text/javascript; charset=utf-8');
    expect(header(response, 'cache-control')).toBe('public, max-age=31536000, immutable');
    expect(header(response, 'x-content-type-options')).toBe('nosniff');
    expect(Buffer.compare(response.body as Buffer, readFileSync(bundlePath))).toBe(0);
    expect(textOf(response)).toContain('renderWebChat');
  });

  it('caches briefly under a bare or stale URL, and answers a matching ETag with 304', async () => {
    const bare = await asset('webchat.js');
    expect(header(bare, 'cache-control')).toBe('public, max-age=300');
    expect(header(await asset('webchat.js', '?v=old'), 'cache-control')).toBe('public, max-age=300');
    const etag = header(bare, 'etag')!;
    const again = await asset('webchat.js', '', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
  });

  it('gzips for clients that accept it (about a quarter of the size)', async () => {
    const response = await asset('webchat.js', '', { 'accept-encoding': 'gzip, deflate, br' });
    expect(header(response, 'content-encoding')).toBe('gzip');
    expect(header(response, 'vary')).toBe('Accept-Encoding');
    const body = response.body as Buffer;
    expect(body.length).toBeLessThan(readFileSync(bundlePath).length / 3);
    expect(Buffer.compare(gunzipSync(body), readFileSync(bundlePath))).toBe(0);
  });

  it('serves the page script and the bundle licence notice; nothing else', async () => {
    const app = await asset('app.js', `?v=${webchatAppVersion()}`);
    expect(app.status).toBe(200);
    expect(header(app, 'content-type')).toBe('text/javascript; charset=utf-8');
    expect(header(app, 'cache-control')).toBe('public, max-age=31536000, immutable');
    expect(textOf(app)).toBe(appScript);
    const license = await asset('webchat.js.LICENSE.txt');
    expect(license.status).toBe(200);
    expect(header(license, 'content-type')).toMatch(/^text\/plain/);
    for (const file of ['index.html', '..%2Fpackage.json', '../package.json', 'webchat-app.js', '__proto__', 'constructor', 'webchat-es5.js', 'stats.json'])
      expect((await asset(file)).status).toBe(404);
  });

  it('prefers a copy next to the build (dist/webchat/) over node_modules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'webchat-copy-'));
    try {
      mkdirSync(join(dir, 'webchat'));
      mkdirSync(join(dir, 'handlers'));
      writeFileSync(join(dir, 'webchat', 'webchat.js'), '/* copy */');
      writeFileSync(join(dir, 'webchat', 'app.js'), '/* copy */');
      expect(findWebchatFile('webchat.js', join(dir, 'handlers'))).toBe(join(dir, 'webchat', 'webchat.js'));
      expect(findWebchatFile('app.js', join(dir, 'handlers'))).toBe(join(dir, 'webchat', 'app.js'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
