import { ActivityHandler, ActivityTypes, Attachment, InvokeResponse, TurnContext } from 'botbuilder';
import { commandOf, userText } from './commands';
import { isDeliveryFailure } from './delivery';
import { COPILOT_CHANNEL, isCopilotTurn } from './copilot';
import { answerExtensionInvoke } from './extension-invokes';
import { plainMessage } from './extension-response';
import { answerFreeText, SearchFn } from './free-text';
import { handleSubmit } from './interview';
import { helpCard, restartCard, welcomeCard } from './replies';
import { isSharedCardOnly } from './shared-card';
import { MAX_SUBMIT_BYTES, readSubmit } from './submit-data';
import { NO_LOGGER, TURN_LOGGER, TurnFields, TurnLogger } from './turn-log';
import { en } from '../wording/en';
import type { Desk } from '../desk/desk';
import { deskOfferFor, DeskOffer, withDeskOffer } from '../desk/asking';
import { deskSubmit, deskTurn } from '../desk/turns';
import { search as guideSearch } from '../reading/search';

export interface LicensingBotOptions {
  /** Public base URL of the guide pages that citations and search hits link to. */
  baseUrl: string;
  /** Replaces the guide search (tests); defaults to reading/search. */
  search?: SearchFn;
  /** The licensing desk (desk/); without it the desk's commands and buttons are not offered. */
  desk?: Desk;
  /** The clock that dates an answer's decision record link (tests fix it); defaults to the system's. */
  now?: () => Date;
}

const FIELDS = Symbol('turn fields');

/**
 * The conversation: welcome, commands, card submits (the interview) and free questions.
 * Keeps no state between turns: every card carries what the next step needs.
 */
export class LicensingBot extends ActivityHandler {
  constructor(private readonly options: LicensingBotOptions) {
    super();

    this.onTurn(async (context, next) => {
      const turn: TurnFields = {};
      context.turnState.set(FIELDS, turn);
      try {
        await next();
      } catch (error) {
        // The channel did not take a reply: an apology would go the same way, and the request
        // line says what happened.
        if (isDeliveryFailure(error)) {
          turn.outcome = 'undelivered';
          return;
        }
        // A bug, not bad input (that gets a restart card): answer something rather than nothing.
        turn.outcome = 'error';
        turn.error = error instanceof Error ? error.name : 'unknown';
        await context.sendActivity(en.apologies.turnFailed).catch(() => undefined);
      } finally {
        try {
          logger(context).log({
            activityType: context.activity.type,
            channel: isCopilotTurn(context.activity) ? COPILOT_CHANNEL : context.activity.channelId,
            ...turn,
            outcome: turn.outcome ?? 'ok',
          });
        } catch {
          // Losing a log line must not cost the user their answer.
        }
      }
    });

    this.onMembersAdded(async (context, next) => {
      const { activity } = context;
      const people = (activity.membersAdded ?? []).filter((member) => member.id !== activity.recipient?.id);
      // Teams announces an install with installationUpdate, greeted below; greeting its
      // conversationUpdate too would post the welcome twice. In a team channel, members joining
      // the team is no invitation to post either.
      if (people.length && activity.channelId !== 'msteams') {
        await this.reply(context, welcomeCard(), { action: 'welcome' });
      }
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.reply(context, welcomeCard(), { action: 'welcome' });
      await next();
    });

    this.onMessage(async (context, next) => {
      const value: unknown = context.activity.value;
      if (value !== undefined && value !== null) await this.onSubmit(context, value);
      else await this.onText(context);
      await next();
    });
  }

  /**
   * The message extension's search and link unfurling. Its answer goes back in the HTTP response,
   * never into the chat, so even a bug answers with a message in the extension's own panel.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const { name } = context.activity;
    const value: unknown = context.activity.value;
    try {
      const answer = answerExtensionInvoke(name ?? '', value, this.options.baseUrl);
      if (!answer) return super.onInvokeActivity(context);
      Object.assign(fields(context), answer.log);
      return { status: 200, body: answer.body };
    } catch (error) {
      Object.assign(fields(context), { outcome: 'error', error: error instanceof Error ? error.name : 'unknown' });
      return { status: 200, body: plainMessage(en.apologies.searchFailed) };
    }
  }

  private async onSubmit(context: TurnContext, value: unknown): Promise<void> {
    const raw = typeof value === 'string' ? parseJson(value) : value;
    const desk = this.options.desk && (await deskSubmit(context, this.options.desk, raw, this.options.baseUrl));
    if (desk) return void Object.assign(fields(context), desk);
    const reading = readSubmit(raw);
    if (!reading.ok) {
      await this.reply(context, restartCard(reading.reason, reading.topic), { action: 'restart-card', topic: reading.topic, outcome: reading.reason });
      return;
    }
    const answeredOn = (this.options.now ?? (() => new Date()))().toISOString().slice(0, 10);
    const outcome = handleSubmit(reading.data, { baseUrl: this.options.baseUrl, outdated: reading.outdated, answeredOn });
    // The next card does not wait for the old one's edit: both go out at once.
    const retiring = outcome.answered ? this.retireAnsweredCard(context, outcome.answered) : undefined;
    const { data } = reading;
    const submit =
      'facts' in data && 'topic' in data
        ? { topic: data.topic, facts: { ...data.facts }, ...('caveats' in data && data.caveats ? { caveats: data.caveats } : {}) }
        : undefined;
    try {
      await this.reply(context, outcome.reply, outcome.log, this.options.desk && deskOfferFor(outcome.reply, outcome.log, { submit }));
    } finally {
      await retiring;
    }
  }

  private async onText(context: TurnContext): Promise<void> {
    if (isSharedCardOnly(context.activity)) {
      Object.assign(fields(context), { action: 'shared-card' });
      return;
    }
    const text = userText(context.activity);
    if (!text) return this.reply(context, welcomeCard(), { action: 'welcome' });
    const desk = this.options.desk && (await deskTurn(context, this.options.desk, text));
    if (desk) return void Object.assign(fields(context), desk);
    const command = commandOf(text);
    if (command === 'help') return this.reply(context, helpCard(), { action: 'help' });
    if (command) return this.reply(context, welcomeCard(), { action: command });
    // The search is watched for caveats: a question the sources leave open is one for the desk.
    let caveats = 0;
    const search: SearchFn = (query, options) => {
      const found = (this.options.search ?? guideSearch)(query, options);
      caveats = found.caveats.length;
      return found;
    };
    const outcome = answerFreeText(text, { baseUrl: this.options.baseUrl, search });
    await this.reply(context, outcome.reply, outcome.log, this.options.desk && deskOfferFor(outcome.reply, outcome.log, { text, caveats }));
  }

  /**
   * Teams can edit a sent card: the answered question becomes a compact "You said" line, so its
   * buttons cannot be pressed again. Other channels cannot, and need not: a second press of an
   * old button repeats the same step. Microsoft 365 Copilot runs on the Teams channel but keeps
   * its messages immutable, so it is not asked.
   */
  private async retireAnsweredCard(context: TurnContext, answered: Attachment): Promise<void> {
    const { channelId, replyToId } = context.activity;
    if (channelId !== 'msteams' || !isActivityId(replyToId) || isCopilotTurn(context.activity)) return;
    try {
      await context.updateActivity({ id: replyToId, type: ActivityTypes.Message, attachments: [answered] });
      fields(context).replaced = true;
    } catch (error) {
      // The next card matters more than tidying the old one.
      fields(context).replaced = false;
      fields(context).replaceError = error instanceof Error ? error.name : 'unknown';
    }
  }

  private async reply(context: TurnContext, card: Attachment, log: TurnFields, offer?: DeskOffer): Promise<void> {
    Object.assign(fields(context), log);
    const shown = this.options.desk ? await withDeskOffer(context, this.options.desk, card, offer) : card;
    await context.sendActivity({ type: ActivityTypes.Message, attachments: [shown] });
  }
}

function fields(context: TurnContext): TurnFields {
  let current = context.turnState.get<TurnFields | undefined>(FIELDS);
  if (!current) {
    current = {};
    context.turnState.set(FIELDS, current);
  }
  return current;
}

function logger(context: TurnContext): TurnLogger {
  const candidate = context.turnState.get<TurnLogger | undefined>(TURN_LOGGER);
  return candidate && typeof candidate.log === 'function' ? candidate : NO_LOGGER;
}

function parseJson(text: string): unknown {
  if (text.length > MAX_SUBMIT_BYTES) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * An id the connector can address: "." or ".." as the last segment of the edit's URL would be
 * resolved away (a PUT to the activities collection itself), and blanks name nothing.
 */
function isActivityId(id: string | undefined): id is string {
  return typeof id === 'string' && id.trim() !== '' && id !== '.' && id !== '..';
}
