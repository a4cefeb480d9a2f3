import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { e2eEnv, PlaygroundChannel } from './env';

// Drives the Microsoft 365 Agents Playground the way a user does: it reads the rendered
// transcript and clicks what is on screen. What we learned about its UI (0.2.28):
// - no test ids: messages are found by their aria-labelled header ("Message header", with a
//   "Message author" for the bot's messages only), cards are `.ac-adaptiveCard`, Action.Submit
//   buttons have role button, Action.OpenUrl role link (its title is the URL), ChoiceSet
//   (expanded) options role radio; the compose box is `[role=textbox][contenteditable=true]`;
// - the log panel repeats user text and activity names, so every lookup is scoped to the transcript;
// - loading the page posts /_debug/conversation/<id>/installation, which makes the Playground send
//   the bot its greeting activities; a reload shows an empty transcript (the conversation id stays).

/** Chromium as every end-to-end test runs it: headless-friendly, nothing fetched in the background. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const BROWSER_ARGS = [
  ...CHROMIUM_ARGS,
  // Nothing but this machine resolves: the Playground loads fonts and scripts from a CDN.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

const STEP_TIMEOUT = 15_000;
/** A message's card; an Action.ShowCard opens a card of the same class inside it. */
export const OUTER_CARD = '.ac-adaptiveCard:not(.ac-adaptiveCard .ac-adaptiveCard)';
/** How long the transcript must stay still before a reply counts as complete. */
const SETTLE_MS = 400;

export function launchBrowser(): Promise<Browser> {
  const env = e2eEnv();
  return chromium.launch({ executablePath: env.chromium, headless: !env.headed, args: BROWSER_ARGS });
}

/**
 * For a describe block: one browser for its tests, and a Playground session per test that is
 * closed after it whatever the outcome. Call `open()` inside a test.
 */
export function playgroundSessions(channel: PlaygroundChannel): { open(): Promise<PlaygroundSession> } {
  let browser: Browser | undefined;
  let session: PlaygroundSession | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });
  return {
    async open() {
      if (!browser) throw new Error('playgroundSessions: open() is for inside a test');
      session = await PlaygroundSession.open(browser, channel);
      return session;
    },
  };
}

/** One activity the Playground's log stream reported: what went between it and the bot. */
export interface LoggedActivity {
  timestamp: number;
  activityName: string;
  /** "Microsoft 365 Agents Playground" (to the bot) or "User Application" (from the bot). */
  from: string;
  to: string;
  status?: number;
  body: Record<string, unknown>;
}

/** One change the Playground pushed to its UI: a message created or updated in place. */
export interface ConversationEvent {
  action: string;
  messageId?: string;
  firstText?: string;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeout = STEP_TIMEOUT): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export class PlaygroundSession {
  readonly activities: LoggedActivity[] = [];
  readonly events: ConversationEvent[] = [];
  /** Requests the page tried to make to other hosts, all aborted. */
  readonly blocked: string[] = [];
  /** Things worth knowing about the run that are not failures (e.g. a choice that had to be made again). */
  readonly notes: string[] = [];
  private shots = 0;

  private constructor(
    readonly channel: PlaygroundChannel,
    readonly context: BrowserContext,
    readonly page: Page,
    readonly dir: string,
  ) {}

  /**
   * Opens a fresh Playground page (a fresh transcript) for the current test. `other`: another
   * Playground of that channel (its URL), with its own folder of artifacts (`name`).
   */
  static async open(browser: Browser, channel: PlaygroundChannel, other?: { url: string; name: string }): Promise<PlaygroundSession> {
    const env = e2eEnv();
    const playground = other?.url ?? env.playgrounds[channel];
    if (!playground) throw new Error(`no Playground for ${channel}`);
    const playgroundOrigin = new URL(playground).origin;
    const botOrigin = new URL(env.botUrl).origin;
    const test = expect.getState().currentTestName ?? 'test';
    const dir = join(env.artifacts, channel, slug(test.replace(new RegExp(`^.*?${channel}\\s*`), '')), ...(other ? [slug(other.name)] : []));
    mkdirSync(dir, { recursive: true });

    const context = await browser.newContext({ viewport: { width: 1280, height: 1200 } });
    const session = new PlaygroundSession(channel, context, await context.newPage(), dir);
    // Only the Playground itself, and the bot's guide and decision record pages that card links open in a new tab.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin === playgroundOrigin) return route.continue();
      if (url.origin === botOrigin && route.request().method() === 'GET' && /^\/(guide|decision)(\/|$)/.test(url.pathname)) return route.continue();
      session.blocked.push(url.href);
      return route.abort('blockedbyclient');
    });
    session.page.on('websocket', (socket) => {
      socket.on('framereceived', ({ payload }) => session.onFrame(String(payload)));
    });
    await session.page.goto(playground, { waitUntil: 'load' });
    return session;
  }

  private onFrame(payload: string): void {
    let frame: Record<string, unknown>;
    try {
      frame = JSON.parse(payload) as Record<string, unknown>;
    } catch {
      return;
    }
    const log = frame.log as Record<string, unknown> | undefined;
    const request = log?.request as { body?: Record<string, unknown> } | undefined;
    if (log && request?.body) {
      const response = log.response as { statusCode?: number } | undefined;
      this.activities.push({
        timestamp: Number(log.timestamp),
        activityName: String(log.activityName),
        from: String(log.from),
        to: String(log.to),
        status: response?.statusCode,
        body: request.body,
      });
    }
    if (typeof frame.action === 'string' && frame.message) {
      const message = frame.message as { messageId?: string; attachments?: { content?: { body?: { text?: string }[] } }[] };
      this.events.push({ action: frame.action, messageId: message.messageId, firstText: message.attachments?.[0]?.content?.body?.[0]?.text });
    }
  }

  /** The conversation itself: the list of messages, not the log panel beside it. */
  get transcript(): Locator {
    return this.page.locator('div:has(> div > div > [aria-label="Message header"])');
  }

  /** Every message in the transcript, the user's and the bot's, in order. */
  get messages(): Locator {
    return this.transcript.locator('div:has(> [aria-label="Message header"])');
  }

  /** The bot's messages (only they carry an author in their header). */
  get botMessages(): Locator {
    return this.transcript.locator('div:has(> [aria-label="Message header"] > [aria-label="Message author"])');
  }

  /** The card of the bot's message number `index` (negative counts from the end); not the cards an Action.ShowCard opens inside it. */
  card(index: number): Locator {
    return this.botMessages.nth(index).locator(OUTER_CARD);
  }

  async botMessageCount(): Promise<number> {
    return (await this.transcript.count()) ? this.botMessages.count() : 0;
  }

  /** Waits until the transcript has `count` bot messages and stays so, each with its card drawn. */
  async waitForBotMessages(count: number, what: string): Promise<void> {
    await waitUntil(`${what} (${count} bot messages)`, async () => (await this.botMessageCount()) >= count);
    await this.page.waitForTimeout(SETTLE_MS);
    const now = await this.botMessageCount();
    if (now !== count) throw new Error(`expected ${count} bot messages after ${what}, found ${now}`);
    for (let i = 0; i < count; i++) await this.card(i).waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  }

  /** Runs a user action and returns the card of the one bot message it brings. */
  async expectReply(what: string, action: () => Promise<void>): Promise<Locator> {
    const before = await this.botMessageCount();
    await action();
    await this.waitForBotMessages(before + 1, what);
    const card = this.card(before);
    await card.scrollIntoViewIfNeeded();
    return card;
  }

  /** Types a message in the compose box and sends it with Enter. */
  async say(text: string): Promise<Locator> {
    return this.expectReply(`the reply to "${text}"`, async () => {
      const box = this.page.locator('[role=textbox][contenteditable=true]');
      await box.click();
      await box.pressSequentially(text);
      await this.page.keyboard.press('Enter');
    });
  }

  /** Clicks a card button (Action.Submit) by its exact title. */
  async press(card: Locator, title: string): Promise<Locator> {
    const button = card.getByRole('button', { name: title, exact: true });
    await expectOne(button, `button "${title}"`);
    return this.expectReply(`pressing "${title}"`, () => button.click());
  }

  /**
   * Picks a radio of a card's ChoiceSet and presses Next. A card can re-render once after it
   * arrives and lose its inputs, so the choice is checked again until it holds.
   */
  async choose(card: Locator, label: string, next = 'Next'): Promise<Locator> {
    const radio = card.getByRole('radio', { name: label, exact: true });
    await expectOne(radio, `choice "${label}"`);
    await radio.check();
    for (let attempt = 0; attempt < 5; attempt++) {
      await this.page.waitForTimeout(150);
      if (await radio.isChecked()) break;
      this.notes.push(`the choice "${label}" was reset by a re-render: checked again`);
      await radio.check();
    }
    if (!(await radio.isChecked())) throw new Error(`the choice "${label}" does not stay checked`);
    await this.shot(`chosen ${label}`);
    return this.press(card, next);
  }

  /**
   * Sets a compact ChoiceSet (a drop-down list, found by its label) to the option labelled
   * `option` the way a user does: open the list, click the option. The card can re-render once
   * after it arrives and reset its inputs, so the choice is checked again until it holds.
   */
  async select(card: Locator, list: string, option: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const box = card.getByRole('combobox', { name: list, exact: true });
      await expectOne(box, `list "${list}"`);
      if ((await box.evaluate((element) => (element as { tagName: string }).tagName)) === 'SELECT') await box.selectOption({ label: option });
      else {
        await box.click();
        await this.page.getByRole('option', { name: option, exact: true }).click();
      }
      await this.page.waitForTimeout(150);
      if ((await this.selected(card, list)) === option) return;
      this.notes.push(`the list "${list}" did not keep "${option}" (a re-render?): set again`);
    }
    throw new Error(`the list "${list}" does not stay on "${option}"`);
  }

  /** The option a compact ChoiceSet (found by its label) shows now. */
  async selected(card: Locator, list: string): Promise<string> {
    const box = card.getByRole('combobox', { name: list, exact: true });
    await expectOne(box, `list "${list}"`);
    return box.evaluate((element) => {
      const node = element as unknown as { tagName: string; selectedIndex?: number; options?: { text: string }[]; value?: string; innerText: string };
      if (node.tagName === 'SELECT') return node.options?.[node.selectedIndex ?? -1]?.text ?? '';
      return (node.tagName === 'INPUT' ? (node.value ?? '') : node.innerText).trim();
    });
  }

  /** A screenshot of what the user sees now (or of one element), numbered in step order. */
  async shot(name: string, target: Locator | Page = this.page): Promise<string> {
    const file = this.shotPath(name);
    // A card as a whole, its bottom at the bottom of the transcript, clear of the app bar.
    if ('scrollIntoViewIfNeeded' in target)
      await target.evaluate((element) => (element as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'end' }));
    await target.screenshot({ path: file });
    return file;
  }

  /** The next numbered screenshot file for this test. */
  shotPath(name: string): string {
    return join(this.dir, `${String(++this.shots).padStart(2, '0')}-${slug(name)}.png`);
  }

  /** Saves what the Playground exchanged with the bot and the final screen, then closes the page. */
  async close(): Promise<void> {
    try {
      writeFileSync(
        join(this.dir, 'activities.json'),
        JSON.stringify({ notes: this.notes, activities: this.activities, uiEvents: this.events, blocked: this.blocked }, null, 2),
      );
      if (!this.page.isClosed()) await this.page.screenshot({ path: join(this.dir, 'final.png') });
    } finally {
      await this.context.close();
    }
  }

  /** The activities the Playground sent to the bot (not the bot's replies). */
  sentToBot(): LoggedActivity[] {
    return this.activities.filter((activity) => activity.to === 'User Application');
  }
}

export async function expectOne(locator: Locator, what: string): Promise<void> {
  await locator
    .first()
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT })
    .catch(() => undefined);
  const count = await locator.count();
  if (count !== 1) throw new Error(`expected exactly one ${what} on the card, found ${count}`);
}

/** The visible text of a card, one line per text block, blank lines dropped. */
export async function cardLines(card: Locator): Promise<string[]> {
  return (await card.innerText())
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
