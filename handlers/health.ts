import type { HttpResponseInit } from '@azure/functions';
import { TOPIC_IDS } from '../core/types';
import { guide } from '../core/knowledge';

/** GET /api/health: liveness plus the knowledge version the answers come from. */
export async function healthHandler(): Promise<HttpResponseInit> {
  return {
    status: 200,
    headers: { 'Cache-Control': 'no-store' },
    jsonBody: { status: 'ok', knowledgeVersion: guide.version, topics: TOPIC_IDS.length, sections: guide.sections.size },
  };
}
