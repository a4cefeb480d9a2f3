import {
  Activity,
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationBotFrameworkAuthenticationOptions,
  InvokeResponse,
  TurnContext,
} from 'botbuilder';
// botbuilder's own check of a request body's activity (an object with a string type; timestamps
// parsed), which CloudAdapter.process runs before processActivity. Not re-exported by the package.
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator';
import { AuthenticationError } from 'botframework-connector';
import type { Config } from '../config/config';
import { en } from '../wording/en';
import { channelClientOptions } from './channel-http-client';
import { EXTENSION_INVOKES } from './extension-invokes';

/**
 * Authentication settings beyond the app registration, such as where to fetch the Bot Framework
 * OpenID metadata. Production leaves them at botbuilder's defaults; tests point them at a local
 * issuer so the real token validation path runs without a network.
 */
export type AuthenticationOverrides = Partial<ConfigurationBotFrameworkAuthenticationOptions>;

export interface AdapterOptions {
  /**
   * How long validating a token may take, metadata and signing keys download included, before the
   * request is answered "unavailable" (default 10 s: the channel gives up on a bot after 15 s).
   */
  authenticationTimeoutMs?: number;
}

const DEFAULT_AUTHENTICATION_TIMEOUT_MS = 10_000;
// An activity's type is a plain string; the enum's value is the string botbuilder itself compares.
const INVOKE: string = ActivityTypes.Invoke;

/**
 * The answer to an invoke the bot does not implement: a 200 in the shape Teams shows as a plain
 * message for a card action (a 501 is botbuilder's habit, but it reads as a server failure).
 */
export const UNSUPPORTED_INVOKE_ANSWER = {
  statusCode: 200,
  type: 'application/vnd.microsoft.activity.message',
  value: en.replies.unsupportedInvoke,
};

// CloudAdapter answers 401 only for botframework-connector's AuthenticationError, and 500 for
// anything else. The package is a direct dependency pinned to botbuilder's own version, so this is
// the very class botbuilder throws and `instanceof` holds, bundled or not.
// jsonwebtoken's verdicts on a token botbuilder lets through as plain errors (a 500): a bad
// signature, a disallowed algorithm, an unsigned token, a token not yet valid.
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * The token could not be checked because the Bot Framework's OpenID metadata or signing keys
 * could not be fetched in time: our dependency failed, the caller did nothing wrong.
 */
export class AuthenticationUnavailableError extends Error {
  constructor() {
    super('Bot Framework authentication is unavailable.');
    this.name = 'AuthenticationUnavailableError';
  }
}

/** The token is missing, invalid, expired or for another bot (botframework-connector's AuthenticationError). */
export class UnauthorizedError extends Error {
  constructor(cause: unknown) {
    super('The request is not authorized for this bot.', { cause });
    this.name = 'UnauthorizedError';
  }
}

/**
 * The activity was refused by botbuilder's own validation before any turn: bad input. (The
 * messages handler's schema catches these first; this names what would still get through.)
 */
export class InvalidActivityError extends Error {
  constructor(cause: unknown) {
    super('botbuilder refused the activity', { cause });
    this.name = 'InvalidActivityError';
  }
}

type AuthenticateRequest = ConfigurationBotFrameworkAuthentication['authenticateRequest'];

/**
 * botbuilder's own token validation, with two gaps closed: every verdict on a bad token is a 401
 * (a wrong signature or an unsigned token used to be a 500), and a metadata or key download that
 * hangs (node-fetch has no timeout there) ends after `timeoutMs` instead of holding the request.
 */
class GuardedAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    private readonly timeoutMs: number,
  ) {
    // Every connector request (replies, card edits) goes through the delivery policy's client.
    super(options, undefined, undefined, undefined, channelClientOptions());
  }

  override async authenticateRequest(...args: Parameters<AuthenticateRequest>): ReturnType<AuthenticateRequest> {
    const validation = super.authenticateRequest(...args);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new AuthenticationUnavailableError()), this.timeoutMs);
    });
    try {
      return await Promise.race([validation, timeout]);
    } catch (error) {
      validation.catch(() => undefined); // settles after the timeout: nobody is waiting any more
      throw classify(error);
    } finally {
      clearTimeout(timer);
    }
  }
}

function classify(error: unknown): Error {
  if (error instanceof AuthenticationUnavailableError) return error;
  if (error instanceof AuthenticationError) {
    // botbuilder reports a failed metadata or key download as an AuthenticationError with a 500.
    const status = (error as Error & { statusCode?: number }).statusCode;
    return status !== undefined && status >= 500 ? new AuthenticationUnavailableError() : error;
  }
  const name = error instanceof Error ? error.name : '';
  if (TOKEN_ERRORS.has(name)) return new AuthenticationError(`Unauthorized. ${name}: ${(error as Error).message}`, 401);
  // node-fetch failing (FetchError), metadata that is not JSON (SyntaxError) and the like.
  return new AuthenticationUnavailableError();
}

/**
 * CloudAdapter, with one activity run the way CloudAdapter.process runs it but with its failures
 * thrown rather than answered: process turns every error into a bare 401 or 500 and prints it,
 * so the HTTP layer could only tell them apart by their message. Thrown here, in this module's
 * own types so that the HTTP layer needs no botbuilder import:
 * - UnauthorizedError: botframework-connector's AuthenticationError, a missing or invalid token;
 * - AuthenticationUnavailableError: the token could not be checked (see GuardedAuthentication);
 * - InvalidActivityError: botbuilder's validateAndFixActivity refused the body;
 * - anything else (a TypeError, an error the turn error handler let out): a bug of ours.
 */
export class LicensingAdapter extends CloudAdapter {
  async runActivity(authorization: string, body: Record<string, unknown>, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    let activity: Activity;
    try {
      activity = validateAndFixActivity(body as unknown as Activity);
    } catch (error) {
      throw new InvalidActivityError(error);
    }
    try {
      return await this.processActivity(authorization, activity, logic);
    } catch (error) {
      throw error instanceof AuthenticationError ? new UnauthorizedError(error) : error;
    }
  }
}

export function createAdapter(bot: Config['bot'], overrides: AuthenticationOverrides = {}, options: AdapterOptions = {}): LicensingAdapter {
  // With no app id botbuilder turns authentication off, as Emulator and Playground expect locally.
  const authentication = new GuardedAuthentication(
    {
      MicrosoftAppId: bot.appId,
      MicrosoftAppPassword: bot.appPassword,
      MicrosoftAppType: bot.appType,
      MicrosoftAppTenantId: bot.tenantId,
      ...overrides,
    },
    options.authenticationTimeoutMs ?? DEFAULT_AUTHENTICATION_TIMEOUT_MS,
  );
  const adapter = new LicensingAdapter(authentication);
  // The bot implements no invoke but the message extension's search and link unfurling (no
  // Action.Execute, task module or sign-in): answer every other invoke "not implemented" here,
  // after authentication and before botbuilder's own invoke parsing, which throws a TypeError on
  // a malformed adaptiveCard/action or search value and so posted "Sorry, something went wrong"
  // into the chat for a request nobody typed.
  adapter.use(async (context, next) => {
    if (context.activity.type !== INVOKE || EXTENSION_INVOKES.has(context.activity.name ?? '')) return next();
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: UNSUPPORTED_INVOKE_ANSWER } });
  });
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // The turn failed inside our own code: tell the user plainly, never let it become a 500.
    console.error(`turn failed: ${error.name}: ${error.message}`);
    try {
      await context.sendActivity(en.apologies.turnFailed);
    } catch {
      // The channel may be unreachable (e.g. a test without a connector); nothing more to do.
    }
  };
  return adapter;
}
