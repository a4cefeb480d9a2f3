import { Activity, TestAdapter } from 'botbuilder';
import { LicensingBot, LicensingBotOptions } from '../../bot/licensing-bot';
import { LogValue, TURN_LOGGER } from '../../bot/turn-log';
import { CardButton } from '../support/cards';
import { BASE_URL, activity as testActivity } from '../support/activities';

type Attachment = { contentType: string; content: Record<string, unknown>; name?: string };

/** A conversation with the bot through botbuilder's TestAdapter, one turn at a time. */
export class Chat {
  readonly adapter: TestAdapter;
  readonly logs: Record<string, LogValue>[] = [];
  private readonly bot: LicensingBot;

  constructor(
    readonly channelId = 'emulator',
    options: Partial<LicensingBotOptions> = {},
  ) {
    this.bot = new LicensingBot({ baseUrl: BASE_URL, ...options });
    this.adapter = new TestAdapter(async (context) => {
      context.turnState.set(TURN_LOGGER, { log: (entry: Record<string, LogValue>) => this.logs.push(entry) });
      await this.bot.run(context);
    });
  }

  /** Sends one activity and returns every activity the bot sent in that turn. */
  async send(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    // The TestAdapter queues what the bot sends: no expectReplies, which would hold the replies back.
    await this.adapter.processActivity(
      testActivity({
        channelId: this.channelId,
        conversation: { id: 'conversation-1', isGroup: false, conversationType: 'personal' },
        deliveryMode: undefined,
        ...activity,
      }),
    );
    const replies: Partial<Activity>[] = [];
    while (this.adapter.activeQueue.length) replies.push(this.adapter.activeQueue.shift()!);
    return replies;
  }

  say(text: string, extra: Partial<Activity> = {}) {
    return this.send({ text, ...extra });
  }

  /** Presses a card button: the channel posts its data (plus any inputs) as the message value. */
  press(button: CardButton, inputs: Record<string, string> = {}, extra: Partial<Activity> = {}) {
    if (button.type !== 'Action.Submit') throw new Error(`cannot press ${button.type} "${button.title}"`);
    return this.send({ value: { ...button.data, ...inputs }, ...extra });
  }

  /** Sends a turn that must answer with exactly one card, and returns that card. */
  async cardFor(activity: Partial<Activity>): Promise<Attachment> {
    return onlyCard(await this.send(activity));
  }
}

export function onlyCard(replies: Partial<Activity>[]): Attachment {
  if (replies.length !== 1) throw new Error(`expected one reply, got ${replies.length}: ${JSON.stringify(replies.map((r) => r.text ?? r.type))}`);
  const attachments = replies[0].attachments ?? [];
  if (attachments.length !== 1) throw new Error(`expected one card, got ${JSON.stringify(replies[0])}`);
  return attachments[0] as Attachment;
}
