import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { createAdapter } from '../../bot/adapter';
import { processActivity } from '../../bot/http-shim';
import { EchoBot } from './echo-bot';

// The same kind of handler as handlers/messages.ts, minus what only a real bot needs: it reads
// and parses the body, hands it to the very same shim and adapter set-up, and returns the result.
// The adapter and bot are made on the first turn, as ours are.

export type HttpHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

const error = (status: number, message: string): HttpResponseInit => ({ status, jsonBody: { error: message } });

export function createEchoMessagesHandler(): HttpHandler {
  let runtime: { adapter: ReturnType<typeof createAdapter>; bot: EchoBot } | undefined;
  return async (request) => {
    if (request.method !== 'POST') return error(405, 'Only POST is accepted here.');
    let activity: unknown;
    try {
      activity = JSON.parse(await request.text());
    } catch {
      return error(400, 'The body is not valid JSON.');
    }
    if (!activity || typeof activity !== 'object' || typeof (activity as { type?: unknown }).type !== 'string') {
      return error(400, 'The body is not a Bot Framework activity.');
    }
    runtime ??= { adapter: createAdapter({ appType: 'MultiTenant' }), bot: new EchoBot() };
    const { adapter, bot } = runtime;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    try {
      const result = await processActivity(adapter, headers, activity as Record<string, unknown>, (turn) => bot.run(turn));
      if (result.body === undefined || result.body === null || result.body === '') return { status: result.status };
      return { status: result.status, jsonBody: result.body };
    } catch {
      return error(400, 'The activity could not be processed.');
    }
  };
}
