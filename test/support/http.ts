import { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { Attachment } from './cards';

// Drives the real Functions handlers the way the host does, without the host.

export const quietContext = (functionName = 'test') => new InvocationContext({ functionName, logHandler: () => undefined });

export function httpRequest(init: {
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
}): HttpRequest {
  return new HttpRequest({
    method: init.method ?? 'POST',
    url: `http://localhost:3978${init.path ?? '/api/messages'}`,
    headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
    params: init.params,
    body: init.body === undefined ? undefined : { string: init.body },
  });
}

export interface Reply {
  type: string;
  text?: string;
  attachments?: Card[];
}

/** An attachment as replies carry it: the card's JSON, and its kind in `name`. */
export type Card = Required<Pick<Attachment, 'contentType'>> & { content: Record<string, unknown>; name?: string };

/**
 * The JSON a response carries, as the caller reads it: a failure's `jsonBody`, or the text the
 * messages handler serialised itself (so that an answer that cannot be sent fails before it is logged).
 */
export function jsonOf(response: HttpResponseInit): unknown {
  if (response.jsonBody !== undefined) return response.jsonBody;
  return typeof response.body === 'string' ? JSON.parse(response.body) : undefined;
}

export function repliesOf(response: HttpResponseInit): Reply[] {
  const body = jsonOf(response) as { activities?: Reply[] } | undefined;
  return body?.activities ?? [];
}

/** The Adaptive Card attachments of some replies, in order. */
export const cardsOf = (replies: Reply[]): Card[] =>
  replies.flatMap((reply) => reply.attachments ?? []).filter((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive');
