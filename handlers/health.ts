import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { TOPIC_IDS } from '../core/types';
import { guide } from '../core/knowledge';
import { failureResponse } from './http-errors';

/**
 * How the deployed entry (functions/main.cjs) loaded the bundle: 'hit', 'rejected', 'none' or
 * 'off'; 'not-used' where the bundle was loaded without it (npm start, tests). A deployment
 * whose host runs another Node release than the build says 'none' here: every cold start then
 * compiles the bundle from source (docs/decisions/0010-code-cache.md).
 */
function codeCacheStatus(): string {
  const status: unknown = (globalThis as Record<symbol, unknown>)[Symbol.for('wla.codeCache')];
  return typeof status === 'string' ? status : 'not-used';
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
