import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { DeskSettings } from '../config/config';
import { openDeskStore } from './open-store';
import type { StoredConversationReference } from './request';
import { deleteExpired, DeskStore } from './store';

/** What the desk's turns need from outside: the store, the settings, the bot's identity and a clock. */
export interface DeskOptions {
  settings: DeskSettings;
  /** The bot's app id, the identity continueConversation posts proactive messages with ('' locally). */
  botAppId: string;
  /** Replaces the store the settings name (tests). */
  store?: DeskStore;
  now?: () => Date;
  /** The operator's log: setup hints, never a name, an id or what someone asked. */
  operatorLog?: (line: string) => void;
}

// Deleting expired requests rides on desk traffic, at most this often per instance: a desk's
// requests are few, and a timer function would be one more thing to deploy for it.
const PURGE_EVERY_MS = 60 * 60 * 1000;

/** The licensing desk's shared state for every turn: one store per process, opened on first use. */
export class Desk {
  readonly settings: DeskSettings;
  readonly botAppId: string;
  readonly now: () => Date;
  private opened: DeskStore | undefined;
  private lastPurge = 0;
  private readonly operatorLog: (line: string) => void;

  constructor(private readonly options: DeskOptions) {
    this.settings = options.settings;
    this.botAppId = options.botAppId;
    this.now = options.now ?? (() => new Date());
    this.operatorLog = options.operatorLog ?? ((line) => console.warn(line));
  }

  store(): DeskStore {
    this.opened ??= this.options.store ?? openDeskStore(this.settings.store);
    return this.opened;
  }

  /** Deletes requests past retention, once an hour at most; a failure waits for the next turn. */
  async purgeWhenDue(): Promise<void> {
    const now = this.now();
    if (now.getTime() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now.getTime();
    try {
      await deleteExpired(this.store(), now, this.settings.retentionDays);
    } catch (error) {
      this.operatorLog(`licensing desk: deleting expired requests failed (${error instanceof Error ? error.name : 'unknown'}); retried within the hour`);
    }
  }

  tellOperator(line: string): void {
    this.operatorLog(line);
  }

  /**
   * Posts into another conversation (the desk channel, the asker's chat) with the bot's own
   * identity, through the adapter that runs this turn. Rejects when the channel refuses.
   */
  async post(context: TurnContext, reference: StoredConversationReference, logic: (proactive: TurnContext) => Promise<void>): Promise<void> {
    const adapter = context.adapter as CloudAdapter;
    // The stored reference was parsed with zod on the way out of the store: the fields continueConversation reads are there.
    // A failure is caught inside and thrown out here: left to the adapter's turn error handler, it
    // would post "Sorry, something went wrong" into a conversation nobody in this turn is reading.
    let failure: unknown;
    await adapter.continueConversationAsync(this.botAppId, reference as unknown as Partial<ConversationReference>, async (proactive) => {
      try {
        await logic(proactive);
      } catch (error) {
        failure = error;
      }
    });
    if (failure !== undefined) throw failure instanceof Error ? failure : new Error('proactive delivery failed');
  }
}
