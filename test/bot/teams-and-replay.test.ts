import { TOPICS } from '../../core/topics';
import { buttons, cardProblems, cardText, kindOf } from '../support/cards';
import { optionPress } from '../support/interview-driver';
import { Chat, onlyCard } from './harness';
import { USER } from '../support/activities';

async function firstQuestion(chat: Chat) {
  // Teams greets on install; other channels when the user joins the conversation.
  const welcome = await chat.cardFor(
    chat.channelId === 'msteams' ? { type: 'installationUpdate', action: 'add' } : { type: 'conversationUpdate', membersAdded: [USER] },
  );
  return onlyCard(await chat.press(buttons(welcome).find((b) => b.title === TOPICS['used-pc'].title)!));
}

const WHOLE_PC = 'The PC itself goes to the new owner';
const LICENSE_ONLY = 'Only the license, moved to a different PC';

describe('pressing an old card again (Web Chat and the Emulator cannot retire cards)', () => {
  test('gives the same next step as the first time', async () => {
    const chat = new Chat('webchat');
    const question = await firstQuestion(chat);
    const option = optionPress(question, WHOLE_PC);
    const first = onlyCard(await chat.press(...option));
    await chat.press(...optionPress(first, TOPICS['used-pc'].facts[1].options[0].label));
    const again = onlyCard(await chat.press(...option));
    expect(again).toEqual(first);
  });

  test('an old answer card still changes and re-decides from its own answers', async () => {
    const chat = new Chat('webchat');
    const question = await firstQuestion(chat);
    const answer = onlyCard(await chat.press(...optionPress(question, LICENSE_ONLY)));
    const change = buttons(answer).find((b) => b.title === 'Change')!;
    const one = onlyCard(await chat.press(change));
    const two = onlyCard(await chat.press(change));
    expect(two).toEqual(one);
  });
});

describe('in Teams, the answered question is replaced in place by a compact "You said" card', () => {
  test('updateActivity replaces the card that was answered, then the next card is sent', async () => {
    const chat = new Chat('msteams');
    const question = await firstQuestion(chat);
    const update = jest.spyOn(chat.adapter, 'updateActivity');
    const [next, inputs] = optionPress(question, WHOLE_PC);
    const replies = await chat.press(next, inputs, { replyToId: 'question-activity-7' });

    expect(update).toHaveBeenCalledTimes(1);
    const replaced = update.mock.calls[0][1];
    expect(replaced).toMatchObject({ id: 'question-activity-7', type: 'message' });
    const compact = replaced.attachments![0] as { contentType: string; content: Record<string, unknown> };
    expect(cardProblems(compact)).toEqual([]);
    expect(cardText(compact)).toContain(TOPICS['used-pc'].facts[0].prompt);
    expect(cardText(compact)).toContain('You said: **The PC itself goes to the new owner**');
    expect(buttons(compact)).toEqual([]);

    expect(kindOf(onlyCard(replies))).toBe('question');
    expect(chat.logs.at(-1)).toMatchObject({ channel: 'msteams', action: 'answer', replaced: true });
  });

  test.each(['.', '..', ' '])('a replyToId of %j names no card: nothing is edited, the next question still comes', async (replyToId) => {
    // "." as the last segment of the edit's URL is resolved away: the PUT would go to the
    // activities collection itself (seen once in the fuzz tests).
    const chat = new Chat('msteams');
    const question = await firstQuestion(chat);
    const update = jest.spyOn(chat.adapter, 'updateActivity');
    const [next, inputs] = optionPress(question, WHOLE_PC);
    const replies = await chat.press(next, inputs, { replyToId });
    expect(update).not.toHaveBeenCalled();
    expect(kindOf(onlyCard(replies))).toBe('question');
  });

  test('a failed update is logged and the conversation goes on', async () => {
    const chat = new Chat('msteams');
    const question = await firstQuestion(chat);
    jest.spyOn(chat.adapter, 'updateActivity').mockRejectedValue(new Error('403 from Teams'));
    const [next, inputs] = optionPress(question, WHOLE_PC);
    const replies = await chat.press(next, inputs, { replyToId: 'q-1' });
    expect(kindOf(onlyCard(replies))).toBe('question');
    expect(chat.logs.at(-1)).toMatchObject({ replaced: false, outcome: 'ok' });
  });

  test('choice-list answers are replaced with the chosen label too', async () => {
    const chat = new Chat('msteams');
    const welcome = await chat.cardFor({ type: 'installationUpdate', action: 'add' });
    const question = onlyCard(await chat.press(buttons(welcome).find((b) => b.title === TOPICS['virtual-machines'].title)!));
    const update = jest.spyOn(chat.adapter, 'updateActivity');
    await chat.press(
      buttons(question).find((b) => b.title === 'Next')!,
      { value: 'azure' },
      { replyToId: 'q-2' },
    );
    const compact = update.mock.calls[0][1].attachments![0] as { content: unknown };
    expect(cardText(compact)).toContain('You said: **Microsoft Azure**');
  });

  test('Back retires the question it was pressed on, saying so, and the question before comes back with its answer', async () => {
    const chat = new Chat('msteams');
    const question = await firstQuestion(chat);
    const second = onlyCard(await chat.press(...optionPress(question, WHOLE_PC)));
    const update = jest.spyOn(chat.adapter, 'updateActivity');
    const replies = await chat.press(
      buttons(second).find((b) => b.title === 'Back')!,
      {},
      { replyToId: 'question-activity-8' },
    );

    expect(update).toHaveBeenCalledTimes(1);
    const replaced = update.mock.calls[0][1];
    expect(replaced).toMatchObject({ id: 'question-activity-8', type: 'message' });
    const compact = replaced.attachments![0] as { contentType: string; content: Record<string, unknown>; name: string };
    expect(kindOf(compact)).toBe('answered');
    expect(cardProblems(compact)).toEqual([]);
    expect(cardText(compact)).toBe(`${TOPICS['used-pc'].facts[1].prompt}\nYou went back to the question before this one.`);
    expect(buttons(compact)).toEqual([]);

    const back = onlyCard(replies);
    expect(cardText(back)).toContain(TOPICS['used-pc'].facts[0].prompt);
    expect(cardText(back)).toContain(`Your answer so far: ${WHOLE_PC}`);
    expect(chat.logs.at(-1)).toMatchObject({ channel: 'msteams', action: 'back', replaced: true });
  });

  test.each(['webchat', 'emulator'])('%s cannot update cards, so nothing is replaced', async (channel) => {
    const chat = new Chat(channel);
    const question = await firstQuestion(chat);
    const update = jest.spyOn(chat.adapter, 'updateActivity');
    const [next, inputs] = optionPress(question, WHOLE_PC);
    await chat.press(next, inputs, { replyToId: 'q-3' });
    expect(update).not.toHaveBeenCalled();
  });

  test('buttons that do not answer a question (feedback, topics) leave their card alone', async () => {
    const chat = new Chat('msteams');
    const update = jest.spyOn(chat.adapter, 'updateActivity');
    await chat.press({ type: 'Action.Submit', title: 'All topics', data: { action: 'topics', v: 'x' } }, {}, { replyToId: 'a-1' });
    expect(update).not.toHaveBeenCalled();
  });
});

describe('turn log', () => {
  test('every turn logs its type and channel, and what it answered', async () => {
    const chat = new Chat('msteams');
    const question = await firstQuestion(chat);
    await chat.press(...optionPress(question, LICENSE_ONLY));
    expect(chat.logs).toEqual([
      expect.objectContaining({ activityType: 'installationUpdate', channel: 'msteams', action: 'welcome', outcome: 'ok' }),
      expect.objectContaining({ activityType: 'message', action: 'start', topic: 'used-pc', asked: 'transfer' }),
      expect.objectContaining({ action: 'answer', topic: 'used-pc', verdict: 'not-permitted', rules: ['used.license-only'] }),
    ]);
  });

  test('a turn without a logger in turnState still works', async () => {
    const { TestAdapter } = await import('botbuilder');
    const { LicensingBot } = await import('../../bot/licensing-bot');
    const bot = new LicensingBot({ baseUrl: 'https://x.example' });
    const adapter = new TestAdapter((context) => bot.run(context));
    await adapter
      .send('help')
      .assertReply((reply) => expect(reply.attachments).toHaveLength(1))
      .startTest();
  });

  test('a bug inside a turn gets an apology, is logged as an error, and does not escape the turn', async () => {
    const chat = new Chat('emulator', {
      search: () => {
        throw new Error('index broken');
      },
    });
    const replies = await chat.say('anything at all');
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toMatch(/something went wrong/);
    expect(chat.logs.at(-1)).toMatchObject({ outcome: 'error', error: 'Error' });
  });
});
