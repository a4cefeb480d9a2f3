import type { Locator } from 'playwright-core';
import { decide } from '../../../core/decide';
import { TOPICS } from '../../../core/topics';
import { TOPIC_IDS, TopicId, Verdict } from '../../../core/types';
import type { E2eEnv } from './env';
import type { Facts } from './interview';
import { expectOne, PlaygroundSession, waitUntil } from './playground';

// The licensing desk's side of the round trip, in the desk's own Teams Playground (scripts/e2e.mjs
// starts it with a mocked team whose current user is a desk member). What we learned about its
// channel view (0.2.28): the conversation list has a tree "Teams Channel" with an item
// "<team> - <channel>"; the channel shows a new-post box ("Start a new post", button "Post") above
// the posts, newest first, each post a group with its replies and a reply box; a post reaches the
// bot only when it mentions it, written as <at>bot name</at>, which the Playground turns into a
// mention entity; the bot's proactive posts arrive as new posts, its card edits redraw in place.

/** The bot's display name in the desk Playground's config (scripts/e2e.mjs). */
const BOT_NAME = 'Licensing Assistant';

export type DeskPlayground = NonNullable<E2eEnv['desk']>;

/** Opens the desk channel in the desk member's Playground. */
export async function openDeskChannel(session: PlaygroundSession, desk: DeskPlayground): Promise<void> {
  await session.page.getByRole('treeitem', { name: `${desk.team} - ${desk.channel}`, exact: true }).click();
  await session.page.getByRole('button', { name: 'Post', exact: true }).waitFor({ state: 'visible' });
}

/** Posts a new message in the channel, mentioning the bot as a member would, and waits for the bot's reply in its thread. */
export async function postToBot(session: PlaygroundSession, text: string, reply: string): Promise<void> {
  const box = session.page.locator('[role=textbox][contenteditable=true]').first();
  await box.click();
  await box.pressSequentially(`<at>${BOT_NAME}</at> ${text}`);
  await session.page.getByRole('button', { name: 'Post', exact: true }).click();
  const thread = session.page.getByRole('group').filter({ hasText: `${BOT_NAME} ${text}` });
  await waitUntil(`the bot's reply to "${text}" in its thread`, async () => (await thread.count()) === 1 && (await thread.innerText()).includes(reply));
}

/** The one card in the channel whose text contains `text`. */
export async function channelCard(session: PlaygroundSession, text: string): Promise<Locator> {
  const card = session.page.locator('.ac-adaptiveCard').filter({ hasText: text });
  await waitUntil(`a card with "${text}" in the channel`, async () => (await card.count()) >= 1);
  await expectOne(card, `card with "${text}"`);
  return card;
}

/** Presses a card button that answers with a card edit only (no new message), and waits until the card says `then`. */
export async function pressAndWaitForEdit(card: Locator, title: string, then: string): Promise<void> {
  const button = card.getByRole('button', { name: title, exact: true });
  await expectOne(button, `button "${title}"`);
  await button.click();
  await waitUntil(`the card to say "${then}" after "${title}"`, async () => (await card.innerText()).includes(then));
}

/**
 * Writes into the one text field a card shows. The Playground's renderer does not tie an input's
 * label to it for assistive technology, so the field is found by its role (hidden ones do not count).
 */
export async function writeInto(card: Locator, text: string): Promise<void> {
  const input = card.getByRole('textbox');
  await expectOne(input, 'text field');
  await input.fill(text);
}

/** Opens a card's Action.ShowCard, writes into its text input (found by its label) and presses its submit. */
export async function fillShowCard(card: Locator, open: string, label: string, text: string, submit: string): Promise<void> {
  const opener = card.getByRole('button', { name: open, exact: true });
  await expectOne(opener, `button "${open}"`);
  await opener.click();
  await waitUntil(`the "${label}" field`, async () => (await card.innerText()).includes(label));
  await writeInto(card, text);
  const send = card.getByRole('button', { name: submit, exact: true });
  await expectOne(send, `button "${submit}"`);
  await send.click();
}

/**
 * The shortest interview (fewest questions) that the decision core ends in `verdict`, over every
 * topic: the path the test clicks through, so it follows the knowledge as it changes.
 */
export function shortestInterviewTo(verdict: Verdict): { topic: TopicId; answers: Facts } {
  let best: { topic: TopicId; answers: Facts } | undefined;
  for (const topic of TOPIC_IDS) {
    const queue: Facts[] = [{}];
    while (queue.length) {
      const facts = queue.shift()!;
      if (best && Object.keys(facts).length >= Object.keys(best.answers).length) break;
      const decision = decide(topic, facts, { baseUrl: 'http://127.0.0.1' });
      if (!decision.next) {
        if (decision.verdict !== verdict) continue;
        best = { topic, answers: facts };
        break;
      }
      const fact = TOPICS[topic].facts.find((candidate) => candidate.id === decision.next!.fact)!;
      for (const option of fact.options) queue.push({ ...facts, [fact.id]: option.value });
    }
  }
  if (!best) throw new Error(`no interview ends in ${verdict}`);
  return best;
}
