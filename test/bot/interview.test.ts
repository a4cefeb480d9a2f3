import { VERDICT_HEADLINES } from '../../cards';
import { decide } from '../../core/decide';
import { TOPICS } from '../../core/topics';
import { TOPIC_IDS, TopicId } from '../../core/types';
import { buttons, CardButton, cardProblems, cardText, choiceSets, kindOf, headline } from '../support/cards';
import { answerUntilVerdict, buttonTitled, optionPress } from '../support/interview-driver';
import { Chat, onlyCard } from './harness';
import { USER } from '../support/activities';

type Card = Awaited<ReturnType<Chat['cardFor']>>;
const button = (card: Card, title: string) => buttonTitled(card, title);
const pressIn = (chat: Chat) => async (b: CardButton, inputs?: Record<string, string>) => onlyCard(await chat.press(b, inputs));

async function welcome(chat: Chat) {
  return chat.cardFor({ type: 'conversationUpdate', membersAdded: [USER] });
}

/** From the welcome card to the verdict, checking every card on the way. */
async function interview(chat: Chat, topic: TopicId, pick: (count: number) => number) {
  const first = onlyCard(await chat.press(button(await welcome(chat), TOPICS[topic].title)));
  return answerUntilVerdict(pressIn(chat), topic, first, pick, {}, (card, step, asked) => {
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(`Question ${step} of at most`);
    expect(cardText(card)).toContain(asked.prompt);
  });
}

describe('a full interview for every topic, by pressing the buttons the cards offer', () => {
  test.each(TOPIC_IDS)('%s, always the first option, ends in the verdict the decision core gives', async (topic) => {
    const { card, facts } = await interview(new Chat(), topic, () => 0);
    expect(kindOf(card)).toBe('answer');
    expect(cardProblems(card)).toEqual([]);
    const decision = decide(topic, facts);
    expect(headline(card)).toBe(VERDICT_HEADLINES[decision.verdict!].text);
    expect(cardText(card)).toContain(decision.summary);
  });

  test.each(TOPIC_IDS)('%s, always the last option, ends in the verdict the decision core gives', async (topic) => {
    const { card, facts } = await interview(new Chat(), topic, (count) => count - 1);
    expect(headline(card)).toBe(VERDICT_HEADLINES[decide(topic, facts).verdict!].text);
  });

  test('the first question says how far the interview can go', async () => {
    const chat = new Chat();
    const card = onlyCard(await chat.press(button(await welcome(chat), TOPICS['refurbished-pc'].title)));
    expect(cardText(card)).toContain(`Question 1 of at most ${decide('refurbished-pc', {}).missing.length}`);
  });
});

describe('moving around in an interview', () => {
  async function twoAnswersIn(chat: Chat) {
    const first = onlyCard(await chat.press(button(await welcome(chat), TOPICS['refurbished-pc'].title)));
    const second = onlyCard(await chat.press(...optionPress(first, 'Still the original board')));
    const third = onlyCard(await chat.press(...optionPress(second, 'Yes, a COA is on the PC')));
    return { first, second, third };
  }

  test('Back asks the previous question again with the answer given, and the first question has no Back', async () => {
    const chat = new Chat();
    const { first, second, third } = await twoAnswersIn(chat);
    expect(buttons(first).map((b) => b.title)).not.toContain('Back');
    const again = onlyCard(await chat.press(button(third, 'Back')));
    // The same question, step and buttons, now also saying what was answered there.
    const shown = cardText(again).split('\n');
    expect(shown).toContain('Your answer so far: Yes, a COA is on the PC');
    expect(shown.filter((line) => !line.startsWith('Your answer so far')).join('\n')).toBe(cardText(second));
    expect(buttons(again)).toEqual(buttons(second));
    // Back again: the first question, a choice list, opens on the answer given there.
    const start = onlyCard(await chat.press(button(again, 'Back')));
    expect(cardText(start)).toContain('Your answer so far: Still the original board');
    expect(choiceSets(start)[0].value).toBe('original');
    expect(choiceSets(first)[0].value ?? '').toBe('');
    expect(buttons(start)).toEqual(buttons(first));
  });

  test('after Back the earlier answer can be kept as it was, reaching the same question as before', async () => {
    const chat = new Chat();
    const { second, third } = await twoAnswersIn(chat);
    const again = onlyCard(await chat.press(button(third, 'Back')));
    const kept = onlyCard(await chat.press(...optionPress(again, 'Yes, a COA is on the PC')));
    expect(kept.content).toEqual(third.content);
    expect(cardText(second)).not.toContain('Your answer so far');
  });

  test('"Start this check again" on a question begins that topic again with nothing answered', async () => {
    const chat = new Chat();
    const { first, third } = await twoAnswersIn(chat);
    const restarted = onlyCard(await chat.press(button(third, 'Start this check again')));
    expect(restarted.content).toEqual(first.content);
  });

  test('typing "start over" mid-interview shows the topics again', async () => {
    const chat = new Chat();
    await twoAnswersIn(chat);
    expect(kindOf(await chat.cardFor({ text: 'start over' }))).toBe('welcome');
  });

  test('a choice-list question with nothing chosen asks again instead of failing', async () => {
    const chat = new Chat();
    const card = onlyCard(await chat.press(button(await welcome(chat), TOPICS['virtual-machines'].title)));
    const again = onlyCard(await chat.press(button(card, 'Next'), { value: '' }));
    expect(kindOf(again)).toBe('question');
    expect(cardText(again)).toContain('Choose one of the answers first');
    expect(cardText(again)).toContain(TOPICS['virtual-machines'].facts[0].prompt);
  });
});

describe('what-if: changing one answer on the answer card', () => {
  async function answered(chat: Chat) {
    const first = onlyCard(await chat.press(button(await welcome(chat), TOPICS['refurbished-pc'].title)));
    const second = onlyCard(await chat.press(...optionPress(first, 'Still the original board')));
    const third = onlyCard(await chat.press(...optionPress(second, 'Yes, a COA is on the PC')));
    return onlyCard(await chat.press(...optionPress(third, 'The original recovery media')));
  }

  test('re-asks that one question, keeps the other answers, and re-decides', async () => {
    const chat = new Chat();
    const card = await answered(chat);
    expect(headline(card)).toBe('Permitted');
    const coaChange = buttons(card).find((b) => b.title === 'Change' && b.data?.fact === 'coa')!;
    const whatIf = onlyCard(await chat.press(coaChange));
    expect(kindOf(whatIf)).toBe('question');
    expect(cardText(whatIf)).toContain(TOPICS['refurbished-pc'].facts[1].prompt);
    expect(cardText(whatIf)).toContain('Your answer so far: Yes, a COA is on the PC');
    expect(cardText(whatIf)).toContain('What if');

    const changed = onlyCard(await chat.press(...optionPress(whatIf, 'No COA')));
    expect(kindOf(changed)).toBe('answer');
    expect(headline(changed)).toBe('Not permitted');
    expect(cardText(changed)).toContain(decide('refurbished-pc', { motherboard: 'original', coa: 'no', recovery: 'original-media' }).summary);
  });

  test('a change that makes more questions matter continues the interview', async () => {
    const chat = new Chat();
    const first = onlyCard(await chat.press(button(await welcome(chat), TOPICS['refurbished-pc'].title)));
    const answer = onlyCard(await chat.press(...optionPress(first, 'Replaced for another reason (upgrade)')));
    expect(headline(answer)).toBe('Not permitted');
    const whatIf = onlyCard(await chat.press(buttons(answer).find((b) => b.title === 'Change')!));
    const next = onlyCard(await chat.press(...optionPress(whatIf, 'Still the original board')));
    expect(kindOf(next)).toBe('question');
    expect(cardText(next)).toContain(TOPICS['refurbished-pc'].facts[1].prompt);
  });

  test('a Change for a question not yet answered (an edited card) asks what the interview needs next', async () => {
    const chat = new Chat();
    const card = await answered(chat);
    const change = buttons(card).find((b) => b.title === 'Change' && b.data?.fact === 'coa')!;
    const { coa: _dropped, ...withoutCoa } = change.data!.facts as Record<string, string>;
    const history = (change.data!.history as string[]).filter((fact) => fact !== 'coa');
    const reply = onlyCard(await chat.press({ ...change, data: { ...change.data, facts: withoutCoa, history } }));
    expect(kindOf(reply)).toBe('question');
    expect(cardText(reply)).toContain(TOPICS['refurbished-pc'].facts[1].prompt);
    expect(cardText(reply)).not.toContain('What if');
    expect(cardText(reply)).toContain('Question 3 of at most 3');
  });

  test('Back on the what-if question returns to the same answer', async () => {
    const chat = new Chat();
    const card = await answered(chat);
    const whatIf = onlyCard(await chat.press(buttons(card).find((b) => b.title === 'Change')!));
    const back = onlyCard(await chat.press(button(whatIf, 'Back')));
    expect(kindOf(back)).toBe('answer');
    expect(headline(back)).toBe(headline(card));
    expect(cardText(back)).toEqual(cardText(card));
  });
});

describe('Was this helpful?', () => {
  test.each([
    ['Yes', 'yes'],
    ['No', 'no'],
  ])('%s is thanked and logged with the topic and verdict, without who voted', async (title, vote) => {
    const chat = new Chat();
    const first = onlyCard(await chat.press(button(await welcome(chat), TOPICS['used-pc'].title)));
    const answer = onlyCard(await chat.press(...optionPress(first, 'Only the license, moved to a different PC')));
    const thanks = onlyCard(await chat.press(button(answer, title)));
    expect(kindOf(thanks)).toBe('feedback-thanks');
    expect(cardProblems(thanks)).toEqual([]);
    const entry = chat.logs.at(-1)!;
    expect(entry).toMatchObject({ activityType: 'message', action: 'feedback', topic: 'used-pc', verdict: 'not-permitted', vote });
    expect(JSON.stringify(chat.logs)).not.toMatch(/Ada|secret-aad-id/);
  });
});
