import { VERDICT_HEADLINES } from '../../cards';
import { model } from '../../core/knowledge';
import { decide } from '../../core/decide';
import type { TopicId } from '../../core/types';
import { search } from '../../reading/search';
import { en } from '../../wording/en';
import { DecisionPageServer, startDecisionPageServer } from '../support/decision-page-server';
import { Chat, onlyCard } from '../bot/harness';
import { buttons, cardProblems, cardText, headline, kindOf, presetInputs, type CardButton } from '../support/cards';
import { answerUntilVerdict, buttonTitled } from '../support/interview-driver';
import { BASE_URL } from '../support/activities';
import { ASK_ME } from '../../bot/submit-data';

// Issue 19: a free question that names Windows 11 gets a caveat; "Check my case" then walks the
// confirm card and the interview to an answer card, and that card and its decision record page
// (what gets shared) still say the sources do not cover Windows 11, with the day it was answered.

const QUESTION = 'We have an Enterprise Agreement. Can we go back from Windows 11 to Windows 10 on our PCs?';
const WINDOWS_11 = model.vocabulary.caveats.find((caveat) => caveat.id === 'windows-11')!.text;
const ANSWERED = new Date('2026-12-03T23:59:00Z');
const PRINTED = new Date('2027-01-15T08:00:00Z');

let site: DecisionPageServer;
let base: string;

beforeAll(async () => {
  site = await startDecisionPageServer(PRINTED);
  base = site.base;
});

afterAll(() => site.close());

const decoded = (html: string) =>
  html
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');
const shareLink = (card: Parameters<typeof buttons>[0]) => buttons(card).find((b) => b.type === 'Action.OpenUrl' && b.url?.includes('/decision/'))!.url!;
const press = (chat: Chat) => async (button: CardButton, inputs?: Record<string, string>) => onlyCard(await chat.press(button, inputs));

/**
 * The free question, "Check my case", the confirm card with every read fact left to be asked
 * ("Not sure: ask me"), then the first answer each time until the verdict.
 */
async function walkToAnswer(chat: Chat, question = QUESTION) {
  const results = await chat.cardFor({ text: question });
  expect(kindOf(results)).toBe('search-results');
  expect(cardText(results)).toContain(WINDOWS_11);
  const check = buttonTitled(results, 'Check my case');
  expect(check.data).toMatchObject({ action: 'check', caveats: ['windows-11'] });
  const confirm = await press(chat)(check);
  expect(kindOf(confirm)).toBe('confirm');
  for (const b of buttons(confirm)) expect(b.data).toMatchObject({ caveats: ['windows-11'] });
  const askMe = Object.fromEntries(Object.keys(presetInputs(confirm)).map((input) => [input, ASK_ME]));
  expect(Object.keys(askMe).length).toBeGreaterThan(0);
  const next = await press(chat)(buttonTitled(confirm, 'Confirm and continue'), askMe);
  expect(kindOf(next)).toBe('question');
  const topic = check.data!.topic as TopicId;
  return { topic, ...(await answerUntilVerdict(press(chat), topic, next, () => 0)) };
}

test('the caveat of a free question travels through the check into the answer card and its decision record', async () => {
  expect(search(QUESTION).caveats).toContain(WINDOWS_11);
  const chat = new Chat('msteams', { now: () => ANSWERED });
  const { topic, card, facts } = await walkToAnswer(chat);
  expect(kindOf(card)).toBe('answer');
  expect(cardProblems(card)).toEqual([]);
  const decision = decide(topic, facts, { baseUrl: base });
  expect(headline(card)).toBe(VERDICT_HEADLINES[decision.verdict!].text);
  expect(cardText(card)).toContain(WINDOWS_11);

  // The shared link is the core's permalink plus the caveat and the day, by the bot's clock (UTC).
  const link = shareLink(card);
  expect(link).toBe(`${decide(topic, facts, { baseUrl: BASE_URL }).permalink}&caveat=windows-11&on=2026-12-03`);

  const response = await fetch(`${base}${new URL(link).pathname}${new URL(link).search}`);
  expect(response.status).toBe(200);
  const html = decoded(await response.text());
  expect(html).toContain(WINDOWS_11);
  expect(html).toContain('Answer given on 3 December 2026.');
  expect(html).toContain('Page printed on 15 January 2027.');
  // Verdict, summary and caveat first; what to do, the answers, reasons and sources after.
  const at = (text: string) => {
    const index = html.indexOf(text);
    expect(index).toBeGreaterThan(-1);
    return index;
  };
  const order = [
    at(`<p class="verdict ${decision.verdict}">`),
    at(decision.summary),
    at(WINDOWS_11),
    ...(decision.requirements.length ? [at(`>${en.labels.whatYouNeed}</h2>`)] : []),
    at(`>${en.pages.answersGiven}</h2>`),
    at(`>${en.labels.why}</h2>`),
    at(`>${en.labels.sources}</h2>`),
  ];
  expect([...order].sort((a, b) => a - b)).toEqual(order);
});

test('the caveat stays through Back, a changed answer and Start over of the same topic', async () => {
  const chat = new Chat('msteams', { now: () => ANSWERED });
  const { topic, card } = await walkToAnswer(chat);
  // Every button that goes on with this check (change, start over, feedback) carries the caveat; "all topics" starts afresh.
  const onward = buttons(card).filter((b) => b.type === 'Action.Submit' && b.data?.action !== 'topics');
  expect(onward.map((b) => b.data!.action)).toEqual(expect.arrayContaining(['change', 'restart', 'feedback']));
  for (const b of onward) expect(b.data).toMatchObject({ caveats: ['windows-11'] });

  // What if: change the first answer, take the other option, and the new answer still has the caveat.
  const whatIf = await press(chat)(buttons(card).find((b) => b.data?.action === 'change')!);
  expect(kindOf(whatIf)).toBe('question');
  const other = buttons(whatIf).find((b) => b.data?.action === 'answer' && b.data.value !== undefined)!;
  expect(other.data).toMatchObject({ caveats: ['windows-11'] });
  const changed = await answerUntilVerdict(press(chat), topic, await press(chat)(other), () => 0);
  expect(kindOf(changed.card)).toBe('answer');
  expect(cardText(changed.card)).toContain(WINDOWS_11);
  expect(shareLink(changed.card)).toContain('&caveat=windows-11&on=2026-12-03');

  // Start over of the same topic: the question's caveat still holds for the new answers.
  const startOver = buttons(card).find((b) => b.data?.action === 'restart')!;
  expect(startOver.data).toMatchObject({ topic: expect.any(String), caveats: ['windows-11'] });
  const first = await press(chat)(startOver);
  expect(kindOf(first)).toBe('question');
  for (const b of buttons(first).filter((candidate) => candidate.data?.action === 'answer')) expect(b.data).toMatchObject({ caveats: ['windows-11'] });

  // Back from a question the check reached with answers confirmed from the question.
  const vm = await chat.cardFor({ text: 'Can we run Windows 11 VMs on AWS for our VDA per user licensed staff?' });
  const vmConfirm = await press(chat)(buttonTitled(vm, 'Check my case'));
  const vmQuestion = await press(chat)(buttonTitled(vmConfirm, 'Confirm and continue'), presetInputs(vmConfirm));
  expect(kindOf(vmQuestion)).toBe('question');
  const back = buttons(vmQuestion).find((b) => b.data?.action === 'back')!;
  expect(back.data).toMatchObject({ caveats: ['windows-11'] });
  const again = await press(chat)(back);
  expect(kindOf(again)).toBe('question');
  const answers = buttons(again).filter((b) => b.data?.action === 'answer');
  expect(answers.length).toBeGreaterThan(0);
  for (const b of answers) expect(b.data).toMatchObject({ caveats: ['windows-11'] });
});

test('a check from a question naming nothing outside the sources carries no caveats, and its link is the core permalink with the day', async () => {
  const chat = new Chat('msteams', { now: () => ANSWERED });
  const results = await chat.cardFor({ text: 'Can we run Windows VMs on AWS for our VDA per user licensed staff?' });
  const check = buttonTitled(results, 'Check my case');
  expect(check.data).not.toHaveProperty('caveats');
  const confirm = await press(chat)(check);
  const next = await press(chat)(buttonTitled(confirm, 'Confirm and continue'), presetInputs(confirm));
  const topic = check.data!.topic as TopicId;
  const { card, facts } = await answerUntilVerdict(press(chat), topic, next, () => 0, check.data!.read as Record<string, string>);
  expect(kindOf(card)).toBe('answer');
  expect(cardText(card)).not.toContain(en.labels.notCovered);
  expect(shareLink(card)).toBe(`${decide(topic, facts, { baseUrl: BASE_URL }).permalink}&on=2026-12-03`);
});
