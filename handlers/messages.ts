import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { z } from 'zod';
import { AUTHENTICATION_UNAVAILABLE, AuthenticationOverrides, createAdapter } from '../bot/adapter';
import { processActivity } from '../bot/http-shim';
import { LicensingBot } from '../bot/licensing-bot';
import { refuseOtherTenant } from '../bot/tenant-gate';
import { TURN_LOGGER, TurnLogger } from '../bot/turn-log';
import { Config, config as loadConfig } from '../config/config';
import { applicationInsights, Telemetry } from '../telemetry/app-insights';
import { jsonError, MAX_ACTIVITY_BYTES } from './http-errors';
import { isLoopbackUrl } from './loopback';

// Just enough shape to hand the body to botbuilder, which throws instead of answering 400 when
// an activity lacks a type; the rest of the activity is the bot's business.
// The same goes for a serviceUrl that is not a string: botbuilder builds the reply connector
// from it before the bot runs, and a number there threw (a 502).
const activitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  channelId: z.string().max(64).optional(),
  serviceUrl: z.string().max(2048).optional(),
  deliveryMode: z.unknown().optional(),
  // The Bot Framework schema requires a type on every entity, and an account on every mention;
  // botbuilder's mention handling reads both unguarded.
  entities: z
    .array(
      z
        .looseObject({ type: z.string(), mentioned: z.looseObject({}).optional() })
        .refine((entity) => entity.type.toLowerCase() !== 'mention' || entity.mentioned !== undefined, 'a mention names who is mentioned'),
    )
    .optional(),
  // Lists of channel accounts, which the bot walks on conversationUpdate.
  membersAdded: z.array(z.looseObject({})).optional(),
  membersRemoved: z.array(z.looseObject({})).optional(),
});

export interface MessagesHandlerOptions {
  config?: Config;
  authentication?: AuthenticationOverrides;
  /** How long token validation may take before the request is answered 503 (default 10 s). */
  authenticationTimeoutMs?: number;
  /** Where per-turn records go besides the log; defaults to Application Insights when configured. */
  telemetry?: Telemetry;
}

export type HttpHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

export const NOT_CONFIGURED_MESSAGE = 'This bot is not configured: it has no MicrosoftAppId.';
export const LOOPBACK_ONLY_MESSAGE =
  'Without a MicrosoftAppId this bot posts replies only to a loopback serviceUrl; use deliveryMode "expectReplies" to get them in the response.';

export function createMessagesHandler(options: MessagesHandlerOptions = {}): HttpHandler {
  let runtime: { settings: Config; adapter: ReturnType<typeof createAdapter>; bot: LicensingBot; telemetry: Telemetry } | undefined;
  const getRuntime = () => {
    if (!runtime) {
      const settings = options.config ?? loadConfig();
      runtime = {
        settings,
        adapter: createAdapter(settings.bot, options.authentication, { authenticationTimeoutMs: options.authenticationTimeoutMs }),
        bot: new LicensingBot({ baseUrl: settings.publicBaseUrl }),
        telemetry: options.telemetry ?? applicationInsights(settings.applicationInsightsConnectionString),
      };
    }
    return runtime;
  };
  let saidNotConfigured = false;

  return async (request, context) => {
    if (request.method !== 'POST') return jsonError(405, 'Only POST is accepted here.', { Allow: 'POST' });
    const { settings } = getRuntime();
    const unauthenticated = !settings.bot.appId;
    // With no app id botbuilder checks no token at all: right for the Emulator on a laptop, wrong
    // on a public host name, so a deployment refuses until it is configured (or says it is a test).
    if (unauthenticated && settings.azure.detected && !settings.allowUnauthenticated) {
      if (!saidNotConfigured) {
        saidNotConfigured = true;
        context.error(
          `messages: refusing every request: MicrosoftAppId is not set on this Azure deployment (${settings.azure.signal} is set). Set MicrosoftAppId (and MicrosoftAppType, MicrosoftAppTenantId), or ALLOW_UNAUTHENTICATED=true for a throwaway test.`,
        );
      }
      return jsonError(503, NOT_CONFIGURED_MESSAGE);
    }
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
    // Unauthenticated, whoever can reach this endpoint chooses where the replies are posted: keep
    // that to this machine, so the bot cannot be made to send requests anywhere else. Replies in
    // the response body (expectReplies) go nowhere. With an app id, the token binds the serviceUrl.
    if (unauthenticated && activity.data.deliveryMode !== 'expectReplies' && !isLoopbackUrl(activity.data.serviceUrl)) {
      context.warn('activity refused: no MicrosoftAppId and a serviceUrl that is not loopback');
      return jsonError(400, LOOPBACK_ONLY_MESSAGE);
    }

    const started = performance.now();
    const { adapter, bot, telemetry } = getRuntime();
    const turnLog: Record<string, unknown> = {};
    const logger: TurnLogger = { log: (entry) => Object.assign(turnLog, entry) };
    try {
      const result = await processActivity(adapter, plainHeaders(request), activity.data, async (turn) => {
        // After authentication (the adapter calls this only then), before any bot code. Never
        // log the tenant id itself: it identifies an organization that is not ours.
        if (await refuseOtherTenant(turn, settings.allowedTenantIds)) {
          Object.assign(turnLog, { type: turn.activity.type, tenant: 'other', outcome: 'refused' });
          return;
        }
        // An expectReplies turn with such a serviceUrl got this far, and its replies stay in the
        // body; editing or deleting a sent card (Teams) would still be a request to that URL.
        if (unauthenticated && !isLoopbackUrl(turn.activity.serviceUrl)) {
          const refuse = async (): Promise<never> => {
            throw Object.assign(new Error('no request to a serviceUrl that is not loopback without a MicrosoftAppId'), { name: 'NotLoopbackError' });
          };
          turn.onUpdateActivity(refuse);
          turn.onDeleteActivity(refuse);
        }
        turn.turnState.set(TURN_LOGGER, logger);
        await bot.run(turn);
      });
      const response = toHttpResponse(result.status, result.body);
      const entry = {
        event: 'turn',
        activityType: activity.data.type,
        channel: activity.data.channelId,
        // What the caller got (a 503 for an authentication outage, which botbuilder calls a 500).
        status: response.status ?? 200,
        latencyMs: Math.round((performance.now() - started) * 10) / 10,
        ...turnLog,
      };
      context.log(JSON.stringify(entry));
      telemetry.turn(entry);
      return response;
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
  // The token could not be checked because Bot Framework's keys could not be fetched: our
  // dependency failed, not the caller, so "try again" rather than a 5xx of our own making.
  if (body === AUTHENTICATION_UNAVAILABLE) {
    return jsonError(503, 'The request could not be authenticated right now. Try again later.', { 'Retry-After': '30' });
  }
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
