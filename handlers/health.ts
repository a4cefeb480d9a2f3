import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { TOPIC_IDS } from '../core/types';
import { guide } from '../core/knowledge';
import { failureResponse } from './http-errors';

/** GET /api/health: liveness plus the knowledge version the answers come from. */
export function healthHandler(request: HttpRequest): Promise<HttpResponseInit> {
  if (request.method !== 'GET') return Promise.resolve(failureResponse({ kind: 'method-not-allowed', allow: ['GET'] }));
  return Promise.resolve({
    status: 200,
    headers: { 'Cache-Control': 'no-store' },
    jsonBody: { status: 'ok', knowledgeVersion: guide.version, topics: TOPIC_IDS.length, sections: guide.sections.size },
  });
}
