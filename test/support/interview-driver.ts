import { decide } from '../../core/decide';
import type { TopicId } from '../../core/types';
import { kindOf, buttons, CardButton, choiceSets } from './cards';

// Clicks through an interview the way a user does, whatever carries the turns: the bot tests'
// harness (test/bot/harness.ts) or the real HTTP handler (test/support/http-chat.ts). It knows no
// SDK, so it survives a move off botbuilder unchanged (decision record 0001).

export type Card = { contentType: string; content: Record<string, unknown> };
/** Presses a card button (with any card inputs) and gives the one card the bot answers with. */
export type Press = (button: CardButton, inputs?: Record<string, string>) => Promise<Card>;
/** Which of `count` offered answers to choose. */
export type Pick = (count: number) => number;

export function buttonTitled(card: Card, title: string | RegExp): CardButton {
  const found = buttons(card).find((b) => (typeof title === 'string' ? b.title === title : title.test(b.title)));
  if (!found)
    throw new Error(
      `no "${title}" button among ${buttons(card)
        .map((b) => b.title)
        .join(', ')}`,
    );
  return found;
}

/**
 * What answering `label` on a question card takes, as press arguments: the option's button, or
 * (where the card offers a choice list) Next with the option's value as the list's input.
 */
export function optionPress(card: Card, label: string): [CardButton, Record<string, string>] {
  const [list] = choiceSets(card);
  if (!list) return [buttonTitled(card, label), {}];
  const choice = list.choices.find((candidate) => candidate.title === label);
  if (!choice) throw new Error(`no "${label}" among ${list.choices.map((candidate) => candidate.title).join(', ')}`);
  return [buttonTitled(card, 'Next'), { [list.id]: choice.value }];
}

/**
 * The message value a client posts for answering a question card with the option `label` (by
 * default the first): the option button's data, or Next's with the list's value merged in.
 */
export function answerData(card: Card, label?: string): Record<string, unknown> {
  const [list] = choiceSets(card);
  const first = list ? list.choices[0]?.title : buttons(card).find((b) => b.data?.action === 'answer' && b.data.value !== undefined)?.title;
  const [button, inputs] = optionPress(card, label ?? first ?? '');
  return { ...button.data, ...inputs };
}

/** Answers a question card: a button, or a choice and Next where the options are many or long. */
export async function answerQuestion(press: Press, card: Card, pick: Pick): Promise<{ value: string; label: string; card: Card }> {
  const [list] = choiceSets(card);
  if (list) {
    const choice = list.choices[pick(list.choices.length)];
    return { value: choice.value, label: choice.title, card: await press(buttonTitled(card, 'Next'), { value: choice.value }) };
  }
  const options = buttons(card).filter((b) => b.data?.action === 'answer');
  const chosen = options[pick(options.length)];
  return { value: String(chosen.data!.value), label: chosen.title, card: await press(chosen) };
}

/**
 * Answers question cards from `card` on until something else arrives (normally the answer card),
 * recording each answer under the fact the decision core asked for; `facts` may hold answers a
 * free question filled in. `onQuestion` sees every question card with its step and the question.
 */
export async function answerUntilVerdict(
  press: Press,
  topic: TopicId,
  card: Card,
  pick: Pick,
  facts: Record<string, string> = {},
  onQuestion: (card: Card, step: number, asked: { fact: string; prompt: string }) => void = () => undefined,
): Promise<{ card: Card; facts: Record<string, string> }> {
  const answers = { ...facts };
  for (let step = Object.keys(answers).length + 1; kindOf(card) === 'question'; step++) {
    const asked = decide(topic, answers).next!;
    onQuestion(card, step, asked);
    const answered = await answerQuestion(press, card, pick);
    answers[asked.fact] = answered.value;
    card = answered.card;
  }
  return { card, facts: answers };
}
