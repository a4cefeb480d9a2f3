import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEBCHAT_APP_JS, WEBCHAT_APP_VERSION } from '../web/webchat-page';
import { failureResponse } from './http-errors';

// GET /webchat/webchat.js (Bot Framework Web Chat's browser bundle, from the botframework-webchat
// package), its licence notice, and /webchat/app.js (the page's own script). Served by the app
// itself so the page needs no CDN.

interface Asset {
  bytes: Buffer;
  gzip?: Buffer;
  etag: string;
  version: string;
  contentType: string;
}

const BUNDLE = 'webchat.js';
const LICENSE = 'webchat.js.LICENSE.txt';
const JS = 'text/javascript; charset=utf-8';

/**
 * Where the bundle is: dist/webchat/ (copied there by `npm run build`, for a deployment that ships
 * no node_modules, e.g. a bundle), else the package in the nearest node_modules. Found by walking
 * up from this file rather than by require.resolve, which a bundler would have to follow.
 */
export function findWebchatFile(name: string, from = __dirname): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'webchat', name), join(dir, 'node_modules', 'botframework-webchat', 'dist', name)]) {
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

const assets = new Map<string, Asset | null>();

function load(name: string): Asset | undefined {
  if (!assets.has(name)) {
    let asset: Asset | null = null;
    if (name === 'app.js') {
      asset = { bytes: Buffer.from(WEBCHAT_APP_JS), etag: `"${WEBCHAT_APP_VERSION}"`, version: WEBCHAT_APP_VERSION, contentType: JS };
    } else if (name === BUNDLE || name === LICENSE) {
      const path = findWebchatFile(name);
      if (path) {
        const bytes = readFileSync(path);
        const version = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
        asset = { bytes, etag: `"${version}"`, version, contentType: name === BUNDLE ? JS : 'text/plain; charset=utf-8' };
      }
    }
    assets.set(name, asset);
  }
  return assets.get(name) ?? undefined;
}

/** The content hash of Web Chat's bundle, for the page's cache-busting ?v=; "missing" if absent. */
export function webchatBundleVersion(): string {
  return load(BUNDLE)?.version ?? 'missing';
}

export async function webchatAssetHandler(request: HttpRequest): Promise<HttpResponseInit> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return failureResponse({ kind: 'method-not-allowed', allow: ['GET', 'HEAD'] });
  const name = request.params.file ?? '';
  const asset = load(name);
  if (!asset) {
    // The page's script exists always; only the package's bundle can be missing (not installed, not built).
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
