import { TOPICS } from '../../core/topics';
import { TOPIC_IDS } from '../../core/types';
import { buttons, cardProblems, cardText, kindOf } from '../support/cards';
import { BOT, MENTION, USER } from '../support/activities';
import { optionPress } from '../support/interview-driver';
import { en } from '../../wording/en';
import { Chat, onlyCard } from './harness';

describe('welcome', () => {
  test('a person joining the conversation gets the welcome card with one button per topic', async () => {
    const card = await new Chat().cardFor({ type: 'conversationUpdate', membersAdded: [BOT, USER] });
    expect(kindOf(card)).toBe('welcome');
    expect(cardProblems(card)).toEqual([]);
    expect(buttons(card).map((b) => b.title)).toEqual(TOPIC_IDS.map((topic) => TOPICS[topic].title));
    // What the user reads first: who this is and what it answers, in plain words.
    expect(cardText(card)).toMatch(/^Windows Licensing Assistant\nI answer Windows licensing questions with a verdict/);
  });

  test('the bot being added on its own is not greeted by itself', async () => {
    expect(await new Chat().send({ type: 'conversationUpdate', membersAdded: [BOT] })).toEqual([]);
  });

  test('people joining a team channel do not each trigger a welcome post', async () => {
    const replies = await new Chat('msteams').send({
      type: 'conversationUpdate',
      membersAdded: [USER],
      conversation: { id: 'channel-1', isGroup: true, conversationType: 'channel', name: 'General' },
    });
    expect(replies).toEqual([]);
  });

  test('in Teams, an install greets once: the conversationUpdate that comes with it gets no second welcome', async () => {
    const chat = new Chat('msteams');
    const install = await chat.send({ type: 'installationUpdate', action: 'add' });
    const joined = await chat.send({
      type: 'conversationUpdate',
      membersAdded: [USER, BOT],
      conversation: { id: 'c', conversationType: 'personal', isGroup: false, name: '' },
    });
    expect(install).toHaveLength(1);
    expect(joined).toEqual([]);
  });

  test('installing the app greets with the welcome card', async () => {
    const card = await new Chat('msteams').cardFor({ type: 'installationUpdate', action: 'add' });
    expect(kindOf(card)).toBe('welcome');
  });

  test.each(['typing', 'event', 'messageReaction', 'endOfConversation', 'something-new'])('a %s activity gets no reply', async (type) => {
    expect(await new Chat().send({ type, name: 'x', value: { action: 'help' } })).toEqual([]);
  });

  test('a message with no words (only an @mention) shows the welcome card', async () => {
    const card = await new Chat('msteams').cardFor({ text: `<at>${BOT.name}</at>`, entities: [MENTION] });
    expect(kindOf(card)).toBe('welcome');
  });
});

describe('commands work in any case, with stray spaces and punctuation, and with an @mention', () => {
  test.each([
    ['help', 'help'],
    ['  HELP ', 'help'],
    ['Help!', 'help'],
    ['/help', 'help'],
    ['topics', 'welcome'],
    ['Topics', 'welcome'],
    ['start over', 'welcome'],
    ['Start   Over.', 'welcome'],
    ['restart', 'welcome'],
    ['RESTART', 'welcome'],
  ])('"%s" shows the %s card', async (text, kind) => {
    const card = await new Chat().cardFor({ text });
    expect(kindOf(card)).toBe(kind);
    expect(cardProblems(card)).toEqual([]);
  });

  test.each(['help', 'topics', 'start over'])('"<at>Licensing Assistant</at> %s" with a mention entity is the command', async (command) => {
    const card = await new Chat('msteams').cardFor({ text: `<at>${BOT.name}</at> ${command}`, entities: [MENTION] });
    expect(kindOf(card)).toBe(command === 'help' ? 'help' : 'welcome');
  });

  test('a mention tag without a mention entity is still taken out', async () => {
    const card = await new Chat('msteams').cardFor({ text: `<at>${BOT.name}</at>&nbsp; help`.replace('&nbsp;', '\u00a0') });
    expect(kindOf(card)).toBe('help');
  });

  test('the mention can come after the command', async () => {
    const card = await new Chat('msteams').cardFor({ text: `help <at>${BOT.name}</at>`, entities: [MENTION] });
    expect(kindOf(card)).toBe('help');
  });

  test('"help me with thin clients" is a question, not the help command', async () => {
    expect(kindOf(await new Chat().cardFor({ text: 'help me with thin clients for VDI' }))).toBe('search-results');
  });

  test('the help card leads to the topics', async () => {
    const chat = new Chat();
    const help = await chat.cardFor({ text: 'help' });
    const topics = onlyCard(await chat.press(buttons(help).find((b) => b.title === 'Show topics')!));
    expect(kindOf(topics)).toBe('welcome');
  });
});

describe('"start over" means one thing wherever it appears', () => {
  test('typed, "start over" and "restart" leave the questions for the topic list, the same card the "All topics" button gives', async () => {
    const chat = new Chat();
    const welcome = await chat.cardFor({ type: 'conversationUpdate', membersAdded: [USER] });
    const first = onlyCard(await chat.press(buttons(welcome).find((b) => b.title === TOPICS['used-pc'].title)!));
    const pressed = onlyCard(await chat.press(...optionPress(first, 'Only the license, moved to a different PC')));
    const allTopics = onlyCard(await chat.press(buttons(pressed).find((b) => b.title === en.buttons.allTopics)!));
    for (const text of ['start over', 'restart']) expect((await chat.cardFor({ text })).content).toEqual(allTopics.content);
  });

  test('the help card says what the typed command does and what the button that restarts one check does', async () => {
    const help = await new Chat().cardFor({ text: 'help' });
    const text = cardText(help);
    expect(text).toContain('start over');
    expect(text).toContain('leave the current questions and choose a topic again (the same as topics)');
    expect(text).toContain('**Start this check again** on a question or an answer asks that topic from its first question');
    expect(cardProblems(help)).toEqual([]);
  });
});
