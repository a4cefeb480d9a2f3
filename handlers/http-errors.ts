import type { HttpResponseInit } from '@azure/functions';

/** Every error answer is a short JSON message: no stack trace, nothing the caller sent echoed back. */
export function jsonError(status: number, message: string, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, jsonBody: { error: message }, headers: { 'Cache-Control': 'no-store', ...headers } };
}

export const MAX_ACTIVITY_BYTES = 256 * 1024;
