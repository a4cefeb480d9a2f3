import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { TOPIC_IDS } from '../core/types';
import { guide } from '../core/knowledge';
import { failureResponse } from './http-errors';

/**
 * Every value `codeCache` can take in GET /api/health, and what it means: the one list the
 * operator docs' table (docs/operations.md, Health) is checked against. The first four are set by the deployed
 * entry (functions/main.cjs), docs/decisions/0010-code-cache.md.
 */
export const CODE_CACHE_STATES = {
  hit: 'the deployed entry loaded the bundle with its V8 code cache: the fast cold start',
  rejected: 'a cache file for this Node release was there, but V8 refused it; the bundle was compiled from source',
  none: 'no cache for the Node release the host runs (another release than the build): every cold start compiles the bundle; build with that release',
  off: 'the cache was turned off (WLA_CODE_CACHE=off)',
  'not-used': 'the bundle was loaded without the deployed entry (npm start, tests): there is no cache to use',
} as const;

export type CodeCacheState = keyof typeof CODE_CACHE_STATES;

const isCodeCacheState = (value: unknown): value is CodeCacheState => typeof value === 'string' && Object.hasOwn(CODE_CACHE_STATES, value);

function codeCacheStatus(): CodeCacheState {
  const status: unknown = (globalThis as Record<symbol, unknown>)[Symbol.for('wla.codeCache')];
  // The entry sets only listed values; anything else means it was not the entry that loaded us.
  return isCodeCacheState(status) ? status : 'not-used';
}

/** GET /api/health: liveness, the knowledge version the answers come from, and whether the code cache was used. */
export function healthHandler(request: HttpRequest): Promise<HttpResponseInit> {
  if (request.method !== 'GET') return Promise.resolve(failureResponse({ kind: 'method-not-allowed', allow: ['GET'] }));
  return Promise.resolve({
    status: 200,
    headers: { 'Cache-Control': 'no-store' },
    jsonBody: { status: 'ok', knowledgeVersion: guide.version, topics: TOPIC_IDS.length, sections: guide.sections.size, codeCache: codeCacheStatus() },
  });
}
