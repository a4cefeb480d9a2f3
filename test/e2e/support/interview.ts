import type { Locator } from 'playwright-core';
import { usesChoiceList, VERDICT_HEADLINES } from '../../../cards';
import { decide } from '../../../core/decide';
import { TOPICS } from '../../../core/topics';
import type { Decision, TopicId } from '../../../core/types';
import { e2eEnv } from './env';
import { cardLines, PlaygroundSession, waitUntil } from './playground';
import { en } from '../../../wording/en';

// An interview as a user lives it in the Playground, checked against the decision core: the core
// says which question comes next and what the verdict is; the test checks the client shows it.

export type Facts = Record<string, string>;

/** The one browser global used here (the project's type-check has no DOM library). */
interface BrowserGlobals {
  getComputedStyle(element: unknown): { fontSize: string };
}

/** What the layout check reads of a rendered element (the project's type-check has no DOM library). */
interface RenderedBox {
  getBoundingClientRect(): { left: number; right: number };
  querySelectorAll(selector: string): ArrayLike<RenderedBox>;
  scrollWidth: number;
  clientWidth: number;
  textContent: string | null;
}

/**
 * The titles of a rendered card's buttons that do not fit: wider than the card, or cut inside the
 * button (Teams puts an ellipsis on a title it cannot fit; it never wraps one).
 */
export async function cutButtons(card: Locator): Promise<string[]> {
  return card.evaluate((element) => {
    const root = element as unknown as RenderedBox;
    const edge = root.getBoundingClientRect().right;
    const cut: string[] = [];
    for (const button of Array.from(root.querySelectorAll('button'))) {
      const parts = [button, ...Array.from(button.querySelectorAll('*'))];
      const overflows = button.getBoundingClientRect().right > edge + 0.5 || parts.some((part) => part.scrollWidth > part.clientWidth + 1);
      if (overflows) cut.push((button.textContent ?? '').trim());
    }
    return cut;
  });
}

/** Answers the question on `card` the way a user does: the option's button, or its radio and Next. */
export async function answerOn(session: PlaygroundSession, card: Locator, topic: TopicId, fact: string, value: string): Promise<Locator> {
  const { definition, chosen } = option(topic, fact, value);
  return usesChoiceList(definition.options.map((each) => each.label)) ? session.choose(card, chosen.label) : session.press(card, chosen.label);
}

export interface InterviewResult {
  answer: Locator;
  facts: Facts;
  decision: Decision;
}

/** The decision the bot should reach, with citation links on the bot server the tests started. */
export const expectedDecision = (topic: TopicId, facts: Facts): Decision => decide(topic, facts, { baseUrl: e2eEnv().botUrl });

function option(topic: TopicId, fact: string, value: string) {
  const definition = TOPICS[topic].facts.find((candidate) => candidate.id === fact);
  if (!definition) throw new Error(`no fact ${fact} in ${topic}`);
  const chosen = definition.options.find((candidate) => candidate.value === value);
  if (!chosen) throw new Error(`no option ${value} for ${topic}.${fact}`);
  return { definition, chosen };
}

/**
 * From a question card to the answer card: answers each question the core asks with `answers`,
 * by clicking the option's button or, where the card offers a choice list, its radio and Next.
 * In Teams each answered card must turn into a compact "You said" card where it was; elsewhere
 * it must stay as it was (those channels cannot edit a sent card).
 */
export async function completeInterview(
  session: PlaygroundSession,
  firstQuestion: Locator,
  topic: TopicId,
  answers: Facts,
  known: Facts = {},
): Promise<InterviewResult> {
  const facts: Facts = { ...known };
  let card = firstQuestion;
  for (;;) {
    const decision = expectedDecision(topic, facts);
    if (!decision.next) return { answer: card, facts, decision };
    const asked = decision.next;
    const value = answers[asked.fact];
    if (value === undefined) throw new Error(`the interview asks ${topic}.${asked.fact}, which the test has no answer for`);
    const { definition, chosen } = option(topic, asked.fact, value);

    const lines = await cardLines(card);
    expect(lines[0]).toBe(TOPICS[topic].title);
    expect(lines[1]).toMatch(new RegExp(`^Question ${Object.keys(facts).length + 1} of at most \\d+$`));
    expect(lines).toContain(asked.prompt);
    await session.shot(`question ${asked.fact}`);

    expect(await cutButtons(card)).toEqual([]);

    const index = (await session.botMessageCount()) - 1;
    const before = await card.innerText();
    let next: Locator;
    if (usesChoiceList(definition.options.map((each) => each.label))) {
      // Many or long options: a radio list and Next, no button per option.
      expect(await card.getByRole('radio').count()).toBe(definition.options.length);
      expect(await card.getByRole('button', { name: chosen.label, exact: true }).count()).toBe(0);
      next = await session.choose(card, chosen.label);
    } else {
      for (const each of definition.options) expect(await card.getByRole('button', { name: each.label, exact: true }).count()).toBe(1);
      next = await session.press(card, chosen.label);
    }
    await checkSubmit(session, topic, asked.fact, value);
    await checkAnsweredCard(session, index, asked.prompt, chosen.label, before);
    facts[asked.fact] = value;
    card = next;
  }
}

/** What the client posted for the click: the card's data, with the chosen radio merged in as `value`. */
async function checkSubmit(session: PlaygroundSession, topic: TopicId, fact: string, value: string): Promise<void> {
  const isAnswer = (body: Record<string, unknown>) => (body.value as { fact?: string } | undefined)?.fact === fact;
  await waitUntil(`the Playground to log the submit for ${fact}`, () => session.sentToBot().some((activity) => isAnswer(activity.body)));
  const submit = session
    .sentToBot()
    .filter((activity) => isAnswer(activity.body))
    .at(-1)!;
  expect(submit.body.type).toBe('message');
  expect(submit.body.text).toBeUndefined();
  expect(submit.body.value).toMatchObject({ action: 'answer', topic, fact, value });
}

/** Teams: the answered card became "You said" in place (updateActivity). Others: it is unchanged. */
async function checkAnsweredCard(session: PlaygroundSession, index: number, prompt: string, label: string, before: string): Promise<void> {
  const old = session.card(index);
  if (session.channel === 'msteams') {
    await waitUntil(`the answered card to read "You said: ${label}"`, async () => (await old.innerText()).includes('You said:'));
    expect(await cardLines(old)).toEqual([prompt, `You said: ${label}`]);
    expect(await old.getByRole('button').count()).toBe(0);
    expect(await old.getByRole('radio').count()).toBe(0);
  } else {
    expect(await old.innerText()).toBe(before);
  }
}

/**
 * The answer card opens on the verdict: the question, the verdict's symbol and words, the summary;
 * the reasons wait behind "Why, and sources", where each citation's section title links to the guide.
 */
export async function checkAnswerCard(card: Locator, topic: TopicId, decision: Decision): Promise<string[]> {
  expect(decision.verdict).not.toBeNull();
  const lines = await cardLines(card);
  const verdict = VERDICT_HEADLINES[decision.verdict!];
  expect(lines.slice(0, 4)).toEqual([TOPICS[topic].question, verdict.symbol, verdict.text, decision.summary]);
  expect(lines).toContain('Was this helpful?');
  for (const reason of decision.reasons) expect(lines).not.toContain(`• ${reason}`);
  // The headline reads as one: larger than the summary under it.
  const size = (text: string) =>
    card
      .locator('.ac-textBlock', { hasText: text })
      .last()
      .evaluate((element) => parseFloat((globalThis as unknown as BrowserGlobals).getComputedStyle(element).fontSize));
  expect(await size(verdict.text)).toBeGreaterThan(await size(decision.summary));
  await showWhy(card);
  for (const citation of decision.citations) {
    const link = card.getByRole('link', { name: citation.title, exact: true });
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute('href')).toBe(citation.url);
  }
  return lines;
}

/**
 * Whether a user sees the element without scrolling: wholly inside the window, and the topmost
 * thing at its centre (not under the compose box or a header).
 */
export async function onScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = locator.page().viewportSize();
  if (!box || !viewport) return false;
  if (box.y < 0 || box.y + box.height > viewport.height || box.x < 0 || box.x + box.width > viewport.width) return false;
  return locator.evaluate(
    (element, point) => {
      const hit = (globalThis as unknown as { document: { elementFromPoint(x: number, y: number): unknown } }).document.elementFromPoint(point.x, point.y);
      return hit === element || (element as { contains(other: unknown): boolean }).contains(hit);
    },
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
}

/** Opens the reasons and sources of an answer card, once. */
export async function showWhy(card: Locator): Promise<void> {
  const button = card.getByRole('button', { name: en.labels.whyAndSources, exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await card.getByText(en.labels.sources, { exact: true }).waitFor({ state: 'visible' });
}

/**
 * Clicks a citation's section title like a user: the Playground opens the URL in a new tab, which
 * must land on the bot's guide page, on the cited section.
 */
export async function openCitation(session: PlaygroundSession, card: Locator, title: string, url: string): Promise<void> {
  await showWhy(card);
  const link = card.getByRole('link', { name: title, exact: true });
  const [tab] = await Promise.all([session.page.waitForEvent('popup'), link.click()]);
  try {
    await tab.waitForLoadState('load');
    expect(tab.url()).toBe(url);
    const section = new URL(url).hash.slice(1);
    expect(section).not.toBe('');
    expect(await tab.content()).toContain(`id="${section}"`);
    // The browser went to the anchor: it is the :target, and on screen.
    expect(await tab.locator('section:target').getAttribute('id')).toBe(section);
    const box = await tab.locator(`[id="${section}"]`).boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeLessThan(tab.viewportSize()!.height);
    expect(box!.y + box!.height).toBeGreaterThan(0);
    await session.shot(`guide tab ${section}`, tab);
  } finally {
    await tab.close();
  }
  // The same page, fetched as-is: the bot serves it, with the section's anchor in its HTML.
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(await response.text()).toContain(`id="${new URL(url).hash.slice(1)}"`);
}
