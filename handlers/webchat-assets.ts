import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { failureResponse } from './http-errors';

// GET /webchat/webchat.js (Bot Framework Web Chat's browser bundle, from the botframework-webchat
// package), its licence notice, and /webchat/app.js (the page's own script, web/webchat-app.js).
// Served by the app itself so the page needs no CDN.

interface Asset {
  bytes: Buffer;
  gzip?: Buffer;
  etag: string;
  version: string;
  contentType: string;
}

const BUNDLE = 'webchat.js';
const APP = 'app.js';
const JS = 'text/javascript; charset=utf-8';

/**
 * Every file served under /webchat/: its content type and where it is in the source tree, relative
 * to the project root. `npm run build` copies each to dist/webchat/<name> (scripts/copy-webchat.mjs
 * has the same list), for a deployment that ships neither node_modules nor the sources.
 */
const FILES: Record<string, { source: string; contentType: string }> = {
  [BUNDLE]: { source: 'node_modules/botframework-webchat/dist/webchat.js', contentType: JS },
  'webchat.js.LICENSE.txt': { source: 'node_modules/botframework-webchat/dist/webchat.js.LICENSE.txt', contentType: 'text/plain; charset=utf-8' },
  [APP]: { source: 'web/webchat-app.js', contentType: JS },
};

/**
 * Where a file is: dist/webchat/<name> (the build's copy), else its source (the package in the
 * nearest node_modules, or web/). Found by walking up from this file rather than by
 * require.resolve, which a bundler would have to follow.
 */
export function findWebchatFile(name: string, from = __dirname): string | undefined {
  const file = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
  if (!file) return undefined;
  for (let dir = from; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'webchat', name), join(dir, ...file.source.split('/'))]) {
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

const assets = new Map<string, Asset | null>();

function load(name: string): Asset | undefined {
  if (!assets.has(name)) {
    let asset: Asset | null = null;
    const path = findWebchatFile(name);
    if (path) {
      const bytes = readFileSync(path);
      const version = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
      asset = { bytes, etag: `"${version}"`, version, contentType: FILES[name].contentType };
    }
    assets.set(name, asset);
  }
  return assets.get(name) ?? undefined;
}

/** The content hash of Web Chat's bundle, for the page's cache-busting ?v=; "missing" if absent. */
export function webchatBundleVersion(): string {
  return load(BUNDLE)?.version ?? 'missing';
}

/** The content hash of the page's own script, for its ?v=; "missing" if absent. */
export function webchatAppVersion(): string {
  return load(APP)?.version ?? 'missing';
}

/** Nothing to await (the files are read once, on first use); the promise is what every HTTP handler returns. */
export function webchatAssetHandler(request: HttpRequest): Promise<HttpResponseInit> {
  return Promise.resolve(serve(request));
}

function serve(request: HttpRequest): HttpResponseInit {
  if (request.method !== 'GET' && request.method !== 'HEAD') return failureResponse({ kind: 'method-not-allowed', allow: ['GET', 'HEAD'] });
  const name = request.params.file ?? '';
  const asset = load(name);
  if (!asset) {
    // Only a broken install or build lacks one of the files: the package's bundle (not installed, not
    // built) or the page's script (a deployment built without scripts/copy-webchat.mjs).
    return failureResponse({ kind: 'not-found', message: name === BUNDLE ? 'The Web Chat bundle is not installed (botframework-webchat).' : undefined });
  }
  const versioned = new URL(request.url).searchParams.get('v') === asset.version;
  const headers: Record<string, string> = {
    'Content-Type': asset.contentType,
    // A URL carrying the content hash never changes; a bare one is rechecked (ETag) after 5 minutes.
    'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    ETag: asset.etag,
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
  };
  if ((request.headers.get('if-none-match') ?? '').split(',').some((tag) => tag.trim() === asset.etag)) return { status: 304, headers };

  let body = asset.bytes;
  if (asset.bytes.length > 1024 && /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
    asset.gzip ??= gzipSync(asset.bytes, { level: 9 });
    body = asset.gzip;
    headers['Content-Encoding'] = 'gzip';
  }
  return { status: 200, headers, body: request.method === 'HEAD' ? undefined : body };
}
