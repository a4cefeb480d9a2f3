import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { DeskSettings } from '../config/config';
import { en } from '../wording/en';
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
  /** How long a reply waits to learn whether a desk is registered before it goes without the button (default 1.5 s). */
  registrationWaitMs?: number;
}

// Deleting expired requests rides on desk traffic, at most this often per instance: a desk's
// requests are few, and a timer function would be one more thing to deploy for it.
const PURGE_EVERY_MS = 60 * 60 * 1000;

// Whether a desk is registered is remembered this long per instance, so a reply that could offer
// the desk does not pay a storage round trip each time. A registration made on another instance
// shows within this time; one made on this instance shows at once.
export const REGISTRATION_CACHE_MS = 60 * 1000;
// A reply never waits longer than this for the answer: the lookup goes on and the next reply uses it.
const REGISTRATION_WAIT_MS = 1500;

/** The licensing desk's shared state for every turn: one store per process, opened on first use. */
export class Desk {
  readonly settings: DeskSettings;
  readonly botAppId: string;
  readonly now: () => Date;
  private opened: DeskStore | undefined;
  private lastPurge = 0;
  private readonly operatorLog: (line: string) => void;
  private registration: { registered: boolean; until: number } | undefined;
  private lookingUp: Promise<boolean> | undefined;

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
   * Whether a desk is registered, as this instance last looked (at most REGISTRATION_CACHE_MS
   * ago). Without one the "Ask the licensing desk" button would lead nowhere, so it is not shown,
   * and the operator log says how to set a desk up (once per look, not once per reply). A store
   * that fails or is slow counts as no desk for this reply: the answer matters more than the button.
   */
  async isRegistered(): Promise<boolean> {
    const now = this.now().getTime();
    if (this.registration && now < this.registration.until) return this.registration.registered;
    this.lookingUp ??= this.lookUp().finally(() => (this.lookingUp = undefined));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => {
        // Not known in time: this reply and those of the next minute go without the button and
        // without waiting, unless the lookup answers meanwhile (it then replaces this).
        this.rememberRegistration(false);
        resolve(false);
      }, this.options.registrationWaitMs ?? REGISTRATION_WAIT_MS);
    });
    try {
      return await Promise.race([this.lookingUp, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** What the store said, remembered: a registration just made or found, or none. */
  rememberRegistration(registered: boolean): void {
    this.registration = { registered, until: this.now().getTime() + REGISTRATION_CACHE_MS };
  }

  /** Tells the operator how to set the desk up, and remembers there is none. */
  reportNotSetUp(): void {
    this.rememberRegistration(false);
    const { ownerIds, teamId } = this.settings;
    this.operatorLog(ownerIds.length || teamId ? en.desk.operatorNotSetUp : en.desk.operatorNoOwners);
  }

  private async lookUp(): Promise<boolean> {
    try {
      const registered = (await this.store().getDesk()) !== undefined;
      if (registered) this.rememberRegistration(true);
      else this.reportNotSetUp();
      return registered;
    } catch (error) {
      // Remembered as none for a while: a store that is down should not cost every reply a failed call.
      this.rememberRegistration(false);
      this.operatorLog(
        `licensing desk: reading the desk's registration failed (${error instanceof Error ? error.name : 'unknown'}); the ask button stays hidden until it can be read`,
      );
      return false;
    }
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
