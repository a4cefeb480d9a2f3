import { VERDICT_HEADLINES } from '../../cards';
import { decide } from '../../core/decide';
import { search as guideSearch } from '../../reading/search';
import { TOPICS } from '../../core/topics';
import type { TopicId } from '../../core/types';
import { ASK_ME } from '../../bot/submit-data';
import { guide } from '../../core/knowledge';
import { en } from '../../wording/en';
import { buttons, CardButton, cardProblems, cardText, choiceSets, headline, kindOf, presetInputs } from '../support/cards';
import { Chat, onlyCard } from './harness';

// A fact read from a free question is a reading, not an answer: it reaches the interview only
// once the user has seen it and confirmed it (or changed it), and "Not sure: ask me" leaves its
// question to be asked. The search is replaced by one that reads a fixed set of facts, so these
// tests are about the confirm step, whatever the current reading of a sentence is.

// The front-door mistake of issue 17: recovery discs gone and the partition wiped, read as if the
// original recovery media were there. As read, the check would answer without asking.
const MESSAGE = 'We refurbish PCs: the recovery discs are gone and the recovery partition was wiped, the COA is still on the case. New license needed?';
const TOPIC: TopicId = 'refurbished-pc';
const MISREAD = { motherboard: 'original', coa: 'yes', recovery: 'original-media' };
// What the sources say for what the user actually has ("None of these" to reinstall from).
const SOURCE_REQUIRES = 'None of these';

/** A chat whose free questions are read as `read` for `topic`, with the guide's real sections. */
function chatReading(topic: TopicId, read: Record<string, string>, channel = 'emulator'): Chat {
  return new Chat(channel, { search: (text, options) => ({ ...guideSearch(text, options), suggested: { topic, facts: read } }) });
}

async function confirmCardFor(chat: Chat, text = MESSAGE) {
  const results = await chat.cardFor({ text });
  expect(kindOf(results)).toBe('search-results');
  return onlyCard(await chat.press(buttons(results).find((b) => b.title === 'Check my case')!));
}

const confirmButton = (card: Parameters<typeof buttons>[0]): CardButton => buttons(card).find((b) => b.title === en.buttons.confirmAndContinue)!;

describe('"Check my case" on a free question shows what was read before anything is decided', () => {
  test('the confirm card lists each read fact as its question, opening on the answer read', async () => {
    const chat = chatReading(TOPIC, MISREAD);
    const card = await confirmCardFor(chat);
    expect(kindOf(card)).toBe('confirm');
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('From your message I understood:');
    const lists = choiceSets(card);
    expect(lists.map((list) => [list.label, list.value])).toEqual(TOPICS[TOPIC].facts.map((fact) => [fact.prompt, MISREAD[fact.id as keyof typeof MISREAD]]));
    for (const list of lists) expect(list.choices.at(-1)).toEqual({ title: 'Not sure: ask me', value: ASK_ME });
    expect(chat.logs.at(-1)).toMatchObject({ action: 'check', topic: TOPIC, read: 3 });
  });

  test('even read facts that would decide the case give no verdict until confirmed', async () => {
    expect(decide(TOPIC, MISREAD).verdict).not.toBeNull();
    const card = await confirmCardFor(chatReading(TOPIC, MISREAD));
    expect(kindOf(card)).not.toBe('answer');
  });

  test('confirmed as read, the interview asks only what was not read', async () => {
    const read = { where: 'listed-provider' };
    const chat = chatReading('virtual-machines', read);
    const card = await confirmCardFor(chat, 'Can we run Windows VMs on AWS?');
    const question = onlyCard(await chat.press(confirmButton(card), presetInputs(card)));
    expect(kindOf(question)).toBe('question');
    const next = decide('virtual-machines', read).next!;
    expect(next.fact).not.toBe('where');
    expect(cardText(question)).toContain(next.prompt);
    // The confirmed fact counts as answered: this is the second question, and Back undoes the confirmation.
    expect(cardText(question)).toContain('Question 2 of at most');
    expect(buttons(question).find((b) => b.title === 'Back')!.data).toMatchObject({ facts: read, history: ['where'] });
  });

  test("a changed answer is the one used: the misread recovery media, corrected, gives the source's verdict", async () => {
    const chat = chatReading(TOPIC, MISREAD);
    const card = await confirmCardFor(chat);
    const none = TOPICS[TOPIC].facts.find((fact) => fact.id === 'recovery')!.options.find((option) => option.label === SOURCE_REQUIRES)!;
    const corrected = { ...MISREAD, recovery: none.value };
    expect(decide(TOPIC, corrected).verdict).not.toBe(decide(TOPIC, MISREAD).verdict);

    const answer = onlyCard(await chat.press(confirmButton(card), { ...presetInputs(card), 'fact.recovery': none.value }));
    expect(kindOf(answer)).toBe('answer');
    expect(headline(answer)).toBe(VERDICT_HEADLINES[decide(TOPIC, corrected).verdict!].text);
    expect(cardText(answer)).toContain(SOURCE_REQUIRES);
    expect(chat.logs.at(-1)).toMatchObject({ action: 'confirm', read: 3, kept: 2, changed: 1, dropped: 0 });
  });

  test('"Not sure: ask me" drops the read answer and that question is asked', async () => {
    const chat = chatReading(TOPIC, MISREAD);
    const card = await confirmCardFor(chat);
    const kept = { motherboard: MISREAD.motherboard, coa: MISREAD.coa };
    expect(decide(TOPIC, kept).next?.fact).toBe('recovery');

    const question = onlyCard(await chat.press(confirmButton(card), { ...presetInputs(card), 'fact.recovery': ASK_ME }));
    expect(kindOf(question)).toBe('question');
    expect(cardText(question)).toContain(decide(TOPIC, kept).next!.prompt);
    // Nothing of the dropped answer rides along in the question's buttons.
    for (const button of buttons(question).filter((b) => b.data?.action === 'answer')) expect(button.data).toMatchObject({ facts: kept });
    expect(chat.logs.at(-1)).toMatchObject({ action: 'confirm', kept: 2, changed: 0, dropped: 1, asked: 'recovery' });
  });

  test('a client that sends no list values confirms nothing: every read question is asked', async () => {
    const chat = chatReading(TOPIC, MISREAD);
    const card = await confirmCardFor(chat);
    const question = onlyCard(await chat.press(confirmButton(card), { 'fact.motherboard': '' }));
    expect(kindOf(question)).toBe('question');
    expect(cardText(question)).toContain(decide(TOPIC, {}).next!.prompt);
    expect(cardText(question)).toContain('Question 1 of');
  });

  test('pressing Confirm twice (Web Chat, the Emulator) gives the same step', async () => {
    const chat = chatReading(TOPIC, MISREAD, 'webchat');
    const card = await confirmCardFor(chat);
    const inputs = { ...presetInputs(card), 'fact.recovery': ASK_ME };
    const first = onlyCard(await chat.press(confirmButton(card), inputs));
    await chat.press(buttons(first).find((b) => b.data?.action === 'answer')!);
    const again = onlyCard(await chat.press(confirmButton(card), inputs));
    expect(again).toEqual(first);
  });

  test('with nothing read, "Check my case" starts the interview at once', async () => {
    const chat = chatReading(TOPIC, {});
    const question = await confirmCardFor(chat);
    expect(kindOf(question)).toBe('question');
    expect(cardText(question)).toContain('Question 1 of');
  });
});

describe('no other path lets a read fact skip its question', () => {
  test('a "Check my case" card of an earlier version (a start with facts) opens the confirm card', async () => {
    const chat = new Chat();
    const card = await chat.cardFor({ value: { action: 'start', v: 'an-earlier-version', topic: TOPIC, facts: MISREAD } });
    expect(kindOf(card)).toBe('confirm');
    expect(choiceSets(card).map((list) => list.value)).toEqual(Object.values(MISREAD));
    const question = onlyCard(await chat.press(confirmButton(card), { ...presetInputs(card), 'fact.recovery': ASK_ME }));
    expect(cardText(question)).toContain(decide(TOPIC, { motherboard: 'original', coa: 'yes' }).next!.prompt);
  });

  test("the welcome card's topics still start their first question directly", async () => {
    const card = await new Chat().cardFor({ value: { action: 'start', v: guide.version, topic: TOPIC, facts: {} } });
    expect(kindOf(card)).toBe('question');
  });

  test.each<[string, Record<string, unknown>]>([
    ['a value the fact does not have', { 'fact.recovery': 'a-friend-has-a-dvd' }],
    ['an answer for a fact the topic lacks', { 'fact.price': 'cheap' }],
    ['an answer for a fact the card did not show', { 'fact.coa': 'yes' }],
    ['an answer that is not text', { 'fact.recovery': 3 }],
    ['a read fact the topic lacks', { read: { motherboard: 'original', colour: 'blue' } }],
    ['a read value the fact does not have', { read: { motherboard: 'swapped-by-elves' } }],
  ])('a tampered confirm (%s) gets the friendly restart card', async (_, change) => {
    const chat = new Chat();
    const confirm = { action: 'confirm', v: guide.version, topic: TOPIC, read: { motherboard: 'original', recovery: 'original-media' } };
    const card = await chat.cardFor({ value: { ...confirm, 'fact.motherboard': 'original', 'fact.recovery': 'original-media', ...change } });
    expect(kindOf(card)).toBe('restart');
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(en.restart.invalid.heading);
    expect(buttons(card).map((b) => b.title)).toContain('Start this check again');
    expect(cardText(card)).toContain(en.restart.topicLine(TOPICS[TOPIC].title));
    expect(chat.logs.at(-1)).toMatchObject({ action: 'restart-card', outcome: 'invalid' });
  });
});

test('a confirm with nothing read (no card of ours sends one) gets the friendly restart card', async () => {
  const chat = new Chat('msteams');
  const card = await chat.cardFor({ value: { action: 'confirm', v: guide.version, topic: TOPIC, read: {} } });
  expect(kindOf(card)).toBe('restart');
  expect(chat.logs.at(-1)).toMatchObject({ outcome: 'invalid' });
});

describe('in Teams, the confirmed card is replaced in place like an answered question', () => {
  test('updateActivity turns it into a compact "You said" card with no buttons, then the next step is sent', async () => {
    const chat = chatReading(TOPIC, MISREAD, 'msteams');
    const card = await confirmCardFor(chat);
    const update = jest.spyOn(chat.adapter, 'updateActivity');
    const replies = await chat.press(
      confirmButton(card),
      { ...presetInputs(card), 'fact.recovery': ASK_ME },
      {
        replyToId: 'confirm-activity-3',
      },
    );

    expect(update).toHaveBeenCalledTimes(1);
    const replaced = update.mock.calls[0][1];
    expect(replaced).toMatchObject({ id: 'confirm-activity-3', type: 'message' });
    const compact = replaced.attachments![0] as { contentType: string; content: Record<string, unknown>; name: string };
    expect(kindOf(compact)).toBe('confirmed');
    expect(cardProblems(compact)).toEqual([]);
    const text = cardText(compact);
    expect(text).toContain('You said: **Still the original board**');
    expect(text).toContain('You said: **Not sure: ask me**');
    expect(buttons(compact)).toEqual([]);

    expect(kindOf(onlyCard(replies))).toBe('question');
    expect(chat.logs.at(-1)).toMatchObject({ channel: 'msteams', action: 'confirm', replaced: true });
  });

  test.each(['webchat', 'emulator'])('%s cannot update cards, so the confirm card stays as it was', async (channel) => {
    const chat = chatReading(TOPIC, MISREAD, channel);
    const card = await confirmCardFor(chat);
    const update = jest.spyOn(chat.adapter, 'updateActivity');
    await chat.press(confirmButton(card), presetInputs(card), { replyToId: 'c-1' });
    expect(update).not.toHaveBeenCalled();
  });

  test('"Check my case" leaves the results card alone: it is not an answer', async () => {
    const chat = chatReading(TOPIC, MISREAD, 'msteams');
    const results = await chat.cardFor({ text: MESSAGE });
    const update = jest.spyOn(chat.adapter, 'updateActivity');
    await chat.press(
      buttons(results).find((b) => b.title === 'Check my case')!,
      {},
      { replyToId: 'r-1' },
    );
    expect(update).not.toHaveBeenCalled();
  });
});

test('the confirm step logs counts and topics, never the words typed', async () => {
  const chat = chatReading(TOPIC, MISREAD);
  const card = await confirmCardFor(chat);
  await chat.press(confirmButton(card), presetInputs(card));
  expect(JSON.stringify(chat.logs)).not.toMatch(/discs|partition|wiped/);
});
