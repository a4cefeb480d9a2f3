import { cardText as visibleText } from '../cards/card-checks';
import { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

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

let sequence = 0;
/** A minimal activity as Emulator or Teams would post it, asking for the replies in the response body. */
export function activity(fields: Record<string, unknown>): Record<string, unknown> {
  sequence += 1;
  return {
    type: 'message',
    id: `activity-${sequence}`,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: 'user-1', name: 'Test User' },
    recipient: { id: 'bot-1', name: 'Licensing Assistant' },
    conversation: { id: 'conversation-1' },
    deliveryMode: 'expectReplies',
    ...fields,
  };
}

export interface Reply {
  type: string;
  text?: string;
  attachments?: { contentType: string; content: Record<string, unknown> }[];
}

export function repliesOf(response: HttpResponseInit): Reply[] {
  const body = response.jsonBody as { activities?: Reply[] } | undefined;
  return body?.activities ?? [];
}

export const cardsOf = (replies: Reply[]) =>
  replies
    .flatMap((reply) => reply.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content);

/** All text a card shows (given the card content itself), for assertions about what a user would read. */
export const cardText = (content: unknown): string => visibleText({ content });
