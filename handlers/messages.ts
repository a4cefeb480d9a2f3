import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { z } from 'zod';
import { AuthenticationOverrides, createAdapter } from '../bot/adapter';
import { processActivity } from '../bot/http-shim';
import { LicensingBot } from '../bot/licensing-bot';
import { TURN_LOGGER, TurnLogger } from '../bot/turn-log';
import { Config, config as loadConfig } from '../config/config';
import { jsonError, MAX_ACTIVITY_BYTES } from './http-errors';

// Just enough shape to hand the body to botbuilder, which throws instead of answering 400 when
// an activity lacks a type; the rest of the activity is the bot's business.
const activitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  channelId: z.string().max(64).optional(),
});

export interface MessagesHandlerOptions {
  config?: Config;
  authentication?: AuthenticationOverrides;
}

export type HttpHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

export function createMessagesHandler(options: MessagesHandlerOptions = {}): HttpHandler {
  let runtime: { adapter: ReturnType<typeof createAdapter>; bot: LicensingBot } | undefined;
  const getRuntime = () => {
    if (!runtime) {
      const settings = options.config ?? loadConfig();
      runtime = { adapter: createAdapter(settings.bot, options.authentication), bot: new LicensingBot({ baseUrl: settings.publicBaseUrl }) };
    }
    return runtime;
  };

  return async (request, context) => {
    if (request.method !== 'POST') return jsonError(405, 'Only POST is accepted here.', { Allow: 'POST' });
    const declaredLength = Number(request.headers.get('content-length') ?? 0);
    if (declaredLength > MAX_ACTIVITY_BYTES) return jsonError(413, 'The activity is too large.');

    let text: string;
    try {
      text = await request.text();
    } catch {
      return jsonError(400, 'The request body could not be read.');
    }
    if (Buffer.byteLength(text) > MAX_ACTIVITY_BYTES) return jsonError(413, 'The activity is too large.');

    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return jsonError(400, 'The body is not valid JSON.');
    }
    const activity = activitySchema.safeParse(parsed);
    if (!activity.success) return jsonError(400, 'The body is not a Bot Framework activity (an object with a "type").');

    const started = performance.now();
    const { adapter, bot } = getRuntime();
    const turnLog: Record<string, unknown> = {};
    const logger: TurnLogger = { log: (entry) => Object.assign(turnLog, entry) };
    try {
      const result = await processActivity(adapter, plainHeaders(request), activity.data, async (turn) => {
        turn.turnState.set(TURN_LOGGER, logger);
        await bot.run(turn);
      });
      context.log(JSON.stringify({
        event: 'turn',
        activityType: activity.data.type,
        channel: activity.data.channelId,
        status: result.status,
        latencyMs: Math.round((performance.now() - started) * 10) / 10,
        ...turnLog,
      }));
      return toHttpResponse(result.status, result.body);
    } catch (error) {
      // botbuilder rejects activities it cannot validate by throwing: that is bad input, not our fault.
      context.warn(`activity rejected: ${(error as Error).name}`);
      return jsonError(400, 'The activity could not be processed.');
    }
  };
}

function plainHeaders(request: HttpRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return headers;
}

function toHttpResponse(status: number, body: unknown): HttpResponseInit {
  if (status === 401) return jsonError(401, 'The request is not authorized for this bot.');
  if (status >= 500) return jsonError(502, 'The bot could not reach the channel to reply.');
  if (body === undefined || body === null || body === '') return { status };
  if (typeof body === 'object') return { status, jsonBody: body };
  return jsonError(status, status >= 400 ? 'The activity could not be processed.' : String(body));
}

let defaultHandler: HttpHandler | undefined;
/** The handler the Functions host and the local server share, configured from the environment. */
export const messagesHandler: HttpHandler = (request, context) => {
  defaultHandler ??= createMessagesHandler();
  return defaultHandler(request, context);
};
