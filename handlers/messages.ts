import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { z } from 'zod';
import { AuthenticationOverrides, AuthenticationUnavailableError, createAdapter, InvalidActivityError, UnauthorizedError } from '../bot/adapter';
import { isDeliveryFailure, TurnDelivery, withDelivery } from '../bot/delivery';
import { processActivity } from '../bot/http-shim';
import { LicensingBot } from '../bot/licensing-bot';
import { Desk } from '../desk/desk';
import { refuseOtherTenant } from '../bot/tenant-gate';
import { RequestLine, TURN_LOGGER, TurnEntry, TurnLogger } from '../bot/turn-log';
import { Config, config as loadConfig } from '../config/config';
import { applicationInsights, Telemetry } from '../telemetry/app-insights';
import { failureReason, failureResponse, HttpFailure, MAX_ACTIVITY_BYTES } from './http-errors';
import { depthWithin, MAX_RESPONSE_BYTES, MAX_RESPONSE_DEPTH, serialiseBounded } from './json-bounds';
import { isLoopbackUrl } from './loopback';

export { LOOPBACK_ONLY_MESSAGE } from './http-errors';

// Ids in the Bot Framework are a few hundred characters at most (a Teams conversation id with a
// thread and a message id); names are people's or a bot's display names.
const MAX_ID_CHARS = 1024;
const MAX_NAME_CHARS = 512;
/** The most an account or a conversation, with whatever a channel adds to it, may take as JSON. */
const MAX_REFERENCE_BYTES = 4096;
const MAX_REFERENCE_DEPTH = 8;

/**
 * A part of the activity that every reply carries back (botbuilder copies it, from and recipient
 * swapped): shallow and small, whatever else a channel puts in it. The depth is checked first,
 * without recursion, so that measuring the size cannot overflow the stack.
 */
function bounded<T extends z.ZodType>(schema: T) {
  return schema.refine(
    (value) => depthWithin(value, MAX_REFERENCE_DEPTH) && Buffer.byteLength(JSON.stringify(value)) <= MAX_REFERENCE_BYTES,
    'too deep or too large',
  );
}

// A channel account: who wrote, and who was written to.
const account = z.looseObject({
  id: z.string().max(MAX_ID_CHARS).optional(),
  name: z.string().max(MAX_NAME_CHARS).optional(),
  aadObjectId: z.string().max(MAX_ID_CHARS).optional(),
  role: z.string().max(64).optional(),
});

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
  // Copied into every reply (the id as replyToId, from and recipient swapped), and so into an
  // expectReplies answer: a 10,000-deep conversation made that answer impossible to serialise.
  id: z.string().max(MAX_ID_CHARS).optional(),
  locale: z.string().max(64).optional(),
  conversation: bounded(z.looseObject({ id: z.string().max(MAX_ID_CHARS), name: z.string().max(MAX_NAME_CHARS).optional() })).optional(),
  from: bounded(account).optional(),
  recipient: bounded(account).optional(),
});

export interface MessagesHandlerOptions {
  config?: Config;
  authentication?: AuthenticationOverrides;
  /** How long token validation may take before the request is answered 503 (default 10 s). */
  authenticationTimeoutMs?: number;
  /** Sees each request's record besides the log (votes become events); defaults to Application Insights when configured. */
  telemetry?: Telemetry;
}

export type HttpHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

export const NOT_CONFIGURED_MESSAGE = 'This bot is not configured: it has no MicrosoftAppId.';

/** What one request came to: an answer, or a failure (with the error behind it, if one was thrown). */
type Outcome = { response: HttpResponseInit } | { failure: HttpFailure; error?: unknown };

export function createMessagesHandler(options: MessagesHandlerOptions = {}): HttpHandler {
  let runtime: { settings: Config; adapter: ReturnType<typeof createAdapter>; bot: LicensingBot; telemetry: Telemetry } | undefined;
  const getRuntime = () => {
    if (!runtime) {
      const settings = options.config ?? loadConfig();
      runtime = {
        settings,
        adapter: createAdapter(settings.bot, options.authentication, { authenticationTimeoutMs: options.authenticationTimeoutMs }),
        bot: new LicensingBot({ baseUrl: settings.publicBaseUrl, desk: new Desk({ settings: settings.desk, botAppId: settings.bot.appId ?? '' }) }),
        telemetry: options.telemetry ?? applicationInsights(settings.applicationInsightsConnectionString),
      };
    }
    return runtime;
  };
  let saidNotConfigured = false;

  /** Everything but the log line: what the request came to, and what the turn (if any) logged. */
  async function handle(
    request: HttpRequest,
    context: InvocationContext,
    turnLog: Partial<TurnEntry>,
    delivery: { turn?: TurnDelivery },
    started: number,
  ): Promise<Outcome> {
    if (request.method !== 'POST') return { failure: { kind: 'method-not-allowed', allow: ['POST'] } };
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
      return { failure: { kind: 'not-configured', message: NOT_CONFIGURED_MESSAGE } };
    }
    const declaredLength = Number(request.headers.get('content-length') ?? 0);
    if (declaredLength > MAX_ACTIVITY_BYTES) return { failure: { kind: 'too-large' } };

    let text: string;
    try {
      text = await request.text();
    } catch {
      return { failure: { kind: 'bad-input', reason: 'unreadable-body' } };
    }
    if (Buffer.byteLength(text) > MAX_ACTIVITY_BYTES) return { failure: { kind: 'too-large' } };

    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { failure: { kind: 'bad-input', reason: 'bad-json' } };
    }
    const activity = activitySchema.safeParse(parsed);
    if (!activity.success) return { failure: { kind: 'bad-input', reason: 'not-an-activity' } };
    Object.assign(turnLog, { activityType: activity.data.type, channel: activity.data.channelId });
    // Unauthenticated, whoever can reach this endpoint chooses where the replies are posted: keep
    // that to this machine, so the bot cannot be made to send requests anywhere else. Replies in
    // the response body (expectReplies) go nowhere. With an app id, the token binds the serviceUrl.
    if (unauthenticated && activity.data.deliveryMode !== 'expectReplies' && !isLoopbackUrl(activity.data.serviceUrl)) {
      context.warn('activity refused: no MicrosoftAppId and a serviceUrl that is not loopback');
      return { failure: { kind: 'bad-input', reason: 'not-loopback' } };
    }

    const { adapter, bot } = getRuntime();
    const logger: TurnLogger = { log: (entry) => Object.assign(turnLog, entry) };
    // A reply the channel's connector did not take: the error's name, kept for the answer.
    let sendFailure: unknown;
    // The channel's 15 s started when its request arrived; every reply and card edit shares them.
    const turnDelivery = new TurnDelivery(settings.delivery, started);
    delivery.turn = turnDelivery;
    try {
      const result = await withDelivery(turnDelivery, () =>
        processActivity(adapter, plainHeaders(request), activity.data, async (turn) => {
          turn.onSendActivities(async (_context, _activities, next) => {
            // After a reply the channel did not take, nothing more goes out: an apology would fail
            // the same way, or worse, arrive and contradict a reply that was in fact shown.
            if (turnDelivery.failure) throw turnDelivery.failure;
            try {
              return await next();
            } catch (error) {
              sendFailure ??= error;
              if (isDeliveryFailure(error)) turnDelivery.failure ??= error;
              throw error;
            }
          });
          // After authentication (the adapter calls this only then), before any bot code. Never
          // log the tenant id itself: it identifies an organization that is not ours.
          if (await refuseOtherTenant(turn, settings.allowedTenantIds)) {
            Object.assign(turnLog, { tenant: 'other', outcome: 'refused' } satisfies Partial<TurnEntry>);
            return;
          }
          // An expectReplies turn with such a serviceUrl got this far, and its replies stay in the
          // body; editing or deleting a sent card (Teams) would still be a request to that URL.
          if (unauthenticated && !isLoopbackUrl(turn.activity.serviceUrl)) {
            const refuse = (): Promise<never> =>
              Promise.reject(
                Object.assign(new Error('no request to a serviceUrl that is not loopback without a MicrosoftAppId'), { name: 'NotLoopbackError' }),
              );
            turn.onUpdateActivity(refuse);
            turn.onDeleteActivity(refuse);
          }
          turn.turnState.set(TURN_LOGGER, logger);
          await bot.run(turn);
        }),
      );
      // The bot answered but the channel never got it: the channel failed, said as such.
      if (turnDelivery.failure) return { failure: { kind: 'channel-unreachable', delivery: turnDelivery.failure.reason } };
      if (sendFailure !== undefined) return { failure: { kind: 'channel-unreachable' }, error: sendFailure };
      // An invoke answer is the bot's own; a 5xx there is a failure of ours.
      if (result.status >= 500) return { failure: { kind: 'internal' } };
      if (result.body === undefined || result.body === null || result.body === '') return { response: { status: result.status } };
      // Serialised here, not by the host after this request is logged: an answer that cannot be
      // sent is a failure of ours, logged as the 500 the caller gets.
      const serialised = serialiseBounded(result.body, { maxDepth: MAX_RESPONSE_DEPTH, maxBytes: MAX_RESPONSE_BYTES });
      if (!serialised.ok) return { failure: { kind: 'internal' }, error: new UnsendableAnswerError(serialised.problem) };
      return { response: { status: result.status, body: serialised.text, headers: { 'Content-Type': 'application/json; charset=utf-8' } } };
    } catch (error) {
      return { failure: failureOf(error), error };
    }
  }

  return async (request, context) => {
    const started = performance.now();
    const turnLog: Partial<TurnEntry> = {};
    const delivery: { turn?: TurnDelivery } = {};
    // Whatever fails on the way is answered (a 500 for a bug) and logged, like any other failure.
    const outcome = await handle(request, context, turnLog, delivery, started).catch((error: unknown): Outcome => ({ failure: { kind: 'internal' }, error }));
    const response = 'response' in outcome ? outcome.response : failureResponse(outcome.failure);
    const line: RequestLine = {
      event: 'turn',
      ...turnLog,
      status: response.status ?? 200,
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
    };
    if ('failure' in outcome) {
      line.reason = failureReason(outcome.failure);
      // Only the error's name: a message can hold a URL or what the caller sent.
      if (outcome.error !== undefined) line.error = errorName(outcome.error);
      const failed = delivery.turn?.failure;
      if (failed) Object.assign(line, { tries: delivery.turn?.tries, deliveryMs: failed.elapsedMs });
      // A bug: its stack is for the operator, never for the caller.
      if (outcome.failure.kind === 'internal') context.error(`messages: internal error: ${describeError(outcome.error)}`);
    }
    // The one copy of the record: the Functions host forwards it to Application Insights (0007).
    context.log(JSON.stringify(line));
    // Votes become events; a vote came through a runtime that was set up.
    runtime?.telemetry.turn(line);
    return response;
  };
}

/**
 * What a failure thrown out of the adapter is. botbuilder's names for bad input: its own
 * validation (validateAndFixActivity, an InvalidActivityError here) and botframework-connector's
 * AuthenticationError (a missing, invalid or expired token, an UnauthorizedError here). Anything
 * else is a bug of ours.
 */
function failureOf(error: unknown): HttpFailure {
  if (error instanceof AuthenticationUnavailableError) return { kind: 'authentication-unavailable' };
  if (error instanceof UnauthorizedError) return { kind: 'unauthorized' };
  if (error instanceof InvalidActivityError) return { kind: 'bad-input', reason: 'rejected-activity' };
  return { kind: 'internal' };
}

/** The turn's answer could not be serialised within bounds; the problem names why. */
class UnsendableAnswerError extends Error {
  constructor(problem: string) {
    super(`the answer could not be sent: ${problem}`);
    this.name = 'UnsendableAnswerError';
  }
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : typeof error);
const describeError = (error: unknown) => (error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : typeof error);

function plainHeaders(request: HttpRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return headers;
}

let defaultHandler: HttpHandler | undefined;
/** The handler the Functions host and the local server share, configured from the environment. */
export const messagesHandler: HttpHandler = (request, context) => {
  defaultHandler ??= createMessagesHandler();
  return defaultHandler(request, context);
};
