import type { TurnContext } from 'botbuilder';
import { createAdapter } from '../../bot/adapter';
import { parseConfig } from '../../config/config';
import { en } from '../../wording/en';
import { Chat } from './harness';

// A bug says one plain sentence, wherever it is caught: the bot's own turn, or the adapter's last
// resort. Both read it from the wording catalog, so they cannot drift apart.

describe('when a turn fails inside the bot', () => {
  it('the bot answers the catalog apology instead of nothing', async () => {
    const chat = new Chat('emulator', {
      search: () => {
        throw new Error('search index missing');
      },
    });
    const replies = await chat.say('can we run windows on aws');
    expect(replies.map((reply) => reply.text)).toEqual([en.apologies.turnFailed]);
    expect(chat.logs.at(-1)).toMatchObject({ outcome: 'error', error: 'Error' });
  });

  it("the adapter's last resort says the same sentence", async () => {
    const adapter = createAdapter(parseConfig({}).bot);
    const sent: unknown[] = [];
    const context = { sendActivity: (activity: unknown) => Promise.resolve(void sent.push(activity)) } as unknown as TurnContext;
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await adapter.onTurnError(context, new Error('boom'));
    } finally {
      quiet.mockRestore();
    }
    expect(sent).toEqual([en.apologies.turnFailed]);
  });
});
