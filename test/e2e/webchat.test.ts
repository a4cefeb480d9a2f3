import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { freePort } from '../support/free-port';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { VERDICT_HEADLINES } from '../../cards';
import { decide } from '../../core/decide';
import { search } from '../../reading/search';
import { TOPICS } from '../../core/topics';
import { DirectLineStandIn } from '../support/direct-line-stand-in';
import { CHROMIUM_ARGS, OUTER_CARD } from './support/playground';
import { onScreen } from './support/interview';
import { en } from '../../wording/en';

// The partner-portal page in Chromium, end to end: the built local server (dist/server/main.js)
// serves the page, Web Chat's bundle and the token function; a local stand-in plays the Direct
// Line service (tokens, conversations, the websocket stream) and relays activities to the real bot
// at /api/messages, which replies through the stand-in as its serviceUrl. The Agents Playground
// cannot play that part: it serves no Direct Line routes (see docs/webchat.md).
// Self-contained: it starts its own servers, so it needs only a build and Chromium.

const root = join(__dirname, '..', '..');
const entry = join(root, 'dist', 'server', 'main.js');
const executablePath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const artifacts = process.env.E2E_ARTIFACTS ?? join(root, 'test-results', 'e2e');
const SECRET = 'e2e-direct-line-secret-7f3a9c';

interface LocalBot {
  url: string;
  process: ChildProcess;
  output: () => string;
}

/** Starts dist/server/main.js with the given Direct Line settings; its page's origin is PUBLIC_BASE_URL. */
async function startBot(settings: Record<string, string>): Promise<LocalBot> {
  if (!existsSync(entry)) throw new Error('dist/server/main.js is missing: run `npm run build` first (npm run test:e2e does)');
  const port = settings.PORT ? Number(settings.PORT) : await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string | undefined> = { ...process.env, PORT: String(port), PUBLIC_BASE_URL: url, WEBCHAT_ALLOWED_ORIGINS: '', ...settings };
  for (const name of ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId', 'APPLICATIONINSIGHTS_CONNECTION_STRING']) delete env[name];
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start: ${output}`)), 20000);
    const check = () => {
      if (/listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => reject(new Error(`the bot exited with ${code}: ${output}`)));
  });
  return { url, process: child, output: () => output };
}

interface Watched {
  context: BrowserContext;
  page: Page;
  /** Requests the page tried to make to any host but this machine (all aborted). */
  offHost: string[];
  errors: string[];
  /** What the page got from POST /api/webchat/token (each read as it arrives). */
  tokenAnswers: Promise<{ status: number; body: unknown }>[];
  violations: () => Promise<string[]>;
}

/** A fresh browser context that aborts anything not on loopback and records CSP violations and errors. */
async function open(browser: Browser, url: string, viewport = { width: 1280, height: 900 }): Promise<Watched> {
  const context = await browser.newContext({ viewport, isMobile: viewport.width < 600, hasTouch: viewport.width < 600 });
  const offHost: string[] = [];
  await context.route('**/*', (route) => {
    const { hostname, protocol } = new URL(route.request().url());
    if ((protocol === 'http:' || protocol === 'https:' || protocol === 'ws:') && !['127.0.0.1', 'localhost', '[::1]'].includes(hostname)) {
      offHost.push(route.request().url());
      return route.abort();
    }
    return route.continue();
  });
  await context.routeWebSocket(/.*/, (ws) => {
    const { hostname } = new URL(ws.url());
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(hostname)) {
      offHost.push(ws.url());
      void ws.close();
      return;
    }
    ws.connectToServer();
  });
  // Browser-side code is passed as text: this project compiles without the DOM library.
  await context.addInitScript({
    content: `window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' ' + e.sample + ' at ' + e.sourceFile + ':' + e.lineNumber));`,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  const tokenAnswers: Watched['tokenAnswers'] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname !== '/api/webchat/token') return;
    tokenAnswers.push(
      response.json().then(
        (body: unknown) => ({ status: response.status(), body }),
        () => ({ status: response.status(), body: null }),
      ),
    );
  });
  await page.goto(url);
  return { context, page, offHost, errors, tokenAnswers, violations: () => page.evaluate<string[]>('window.__violations') };
}

// Not the cards an Action.ShowCard opens inside a message's card.
const cards = (page: Page) => page.locator(`#webchat ${OUTER_CARD}`);

/** Presses a card button (the newest card's) and waits for the next card. */
async function press(page: Page, title: string): Promise<void> {
  const before = await cards(page).count();
  await cards(page).last().getByRole('button', { name: title, exact: true }).click();
  await expectCardCount(page, before + 1);
}

/** Answers the newest question card: the option's button, or (a choice list) its radio and Next. */
async function answerQuestion(page: Page, label: string): Promise<void> {
  // Web Chat names the first radio after the list's label too ("Your answer …"): found by its own label.
  const radio = cards(page).last().locator(`input[type="radio"][aria-label="${label}"]`);
  if ((await radio.count()) === 0) return press(page, label);
  await radio.check();
  await press(page, 'Next');
}

async function expectCardCount(page: Page, count: number): Promise<void> {
  // A locator, not waitForFunction: the page's CSP (rightly) forbids the eval that a string predicate needs.
  await cards(page)
    .nth(count - 1)
    .waitFor({ state: 'attached', timeout: 15000 });
}

let browser: Browser;
let directLine: DirectLineStandIn;
let bot: LocalBot;
const watched: Watched[] = [];

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  directLine = await new DirectLineStandIn(SECRET).start();
  bot = await startBot({ DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: directLine.url });
  directLine.botEndpoint = `${bot.url}/api/messages`;
  browser = await chromium.launch({ executablePath, headless: process.env.E2E_HEADED !== '1', args: CHROMIUM_ARGS });
}, 60000);

afterEach(async () => {
  const name =
    expect
      .getState()
      .currentTestName?.replace(/[^a-z0-9]+/gi, '-')
      .slice(0, 80) ?? 'webchat';
  for (const w of watched.splice(0)) {
    await w.page.screenshot({ path: join(artifacts, `webchat-${name}.png`), fullPage: true }).catch(() => undefined);
    await w.context.close().catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  bot?.process.kill('SIGTERM');
  await directLine?.stop();
});

async function openPage(url: string, viewport?: { width: number; height: number }): Promise<Watched> {
  const w = await open(browser, url, viewport);
  watched.push(w);
  return w;
}

async function expectClean(w: Watched): Promise<void> {
  expect(await w.violations()).toEqual([]);
  expect(w.errors).toEqual([]);
  expect(w.offHost).toEqual([]);
}

describe('the partner-portal Web Chat page in Chromium', () => {
  it('fetches a token, starts Web Chat, and shows the bot welcome card through Direct Line', async () => {
    const before = directLine.tokenRequests.length;
    const w = await openPage(`${bot.url}/`);
    await w.page.waitForSelector('#app[data-state="online"]', { timeout: 20000 });
    await expectCardCount(w.page, 1);
    const welcome = cards(w.page).first();
    await expect(welcome.textContent()).resolves.toContain('Windows Licensing Assistant');
    await expect(welcome.getByRole('button', { name: TOPICS['used-pc'].title, exact: true }).isVisible()).resolves.toBe(true);
    await expect(w.page.locator('[data-id="webchat-sendbox-input"]').isVisible()).resolves.toBe(true);

    // One token, asked with the secret as Bearer; the page saw the token, never the secret.
    expect(directLine.tokenRequests.length).toBe(before + 1);
    expect(directLine.tokenRequests[before].authorization).toBe(`Bearer ${SECRET}`);
    expect((directLine.tokenRequests[before].body as { user: { id: string } }).user.id).toMatch(/^dl_/);
    expect(await w.page.content()).not.toContain(SECRET);
    // The conversation the bot welcomed is the one the token opened.
    const conversation = directLine.conversationIds().at(-1)!;
    expect(directLine.transcript(conversation).some((a) => a.type === 'message' && (a.from as { role?: string }).role === 'bot')).toBe(true);
    const answers = await Promise.all(w.tokenAnswers);
    expect(answers).toEqual([{ status: 200, body: { token: expect.any(String), conversationId: conversation, expires_in: 3600 } }]);
    expect(JSON.stringify(answers)).not.toContain(SECRET);
    await expectClean(w);
  });

  it('at 1280×800 the verdict and what to do are on screen when the answer arrives', async () => {
    const { page } = await openPage(`${bot.url}/`, { width: 1280, height: 800 });
    await expectCardCount(page, 1);
    const topic = TOPICS['used-pc'];
    const [transfer, media] = topic.facts;
    const label = (fact: typeof transfer, value: string) => fact.options.find((o) => o.value === value)!.label;
    await press(page, topic.title);
    await answerQuestion(page, label(transfer, 'whole-pc'));
    await answerQuestion(page, label(media, 'yes'));
    const decision = decide('used-pc', { [transfer.id]: 'whole-pc', [media.id]: 'yes' });
    expect(decision.requirements.length).toBeGreaterThan(0);
    // Playwright scrolls a button it clicks into view, the window included (the page's notes lie
    // below the chat); a user's click scrolls nothing, so the window goes back where a user has it.
    await page.evaluate('window.scrollTo(0, 0)');
    const answer = cards(page).last();
    const headline = answer.getByText(VERDICT_HEADLINES[decision.verdict!].text, { exact: true });
    const whatToDo = answer.getByText(en.labels.whatYouNeed, { exact: true });
    const lastStep = answer.getByText(`• ${decision.requirements.at(-1)!}`, { exact: true });
    // Web Chat scrolls smoothly to the new card: give the animation a moment.
    for (let i = 0; i < 25 && !(await onScreen(lastStep)); i++) await page.waitForTimeout(200);
    await page.screenshot({ path: join(artifacts, 'webchat-answer-on-arrival-1280x800.png') });
    expect({ headline: await onScreen(headline), whatToDo: await onScreen(whatToDo), lastStep: await onScreen(lastStep) }).toEqual({
      headline: true,
      whatToDo: true,
      lastStep: true,
    });

    // And readable as Web Chat draws it: axe-core's WCAG A/AA rules (contrast among them) on the answer card.
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await answer.evaluate(async (element) => {
      const axe = (
        globalThis as unknown as { axe: { run(context: unknown, options: object): Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }
      ).axe;
      const result = await axe.run(element, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] }, resultTypes: ['violations'] });
      return result.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.html.slice(0, 120)}`));
    });
    expect(violations).toEqual([]);
  });

  it('runs a whole interview: topic, two questions, the cited answer, then "start over" typed in the send box', async () => {
    const w = await openPage(`${bot.url}/`);
    const { page } = w;
    await expectCardCount(page, 1);
    const topic = TOPICS['used-pc'];
    const [transfer, media] = topic.facts;
    const facts = { [transfer.id]: 'whole-pc', [media.id]: 'yes' };
    const label = (fact: typeof transfer, value: string) => fact.options.find((o) => o.value === value)!.label;

    await press(page, topic.title);
    await expect(cards(page).last().textContent()).resolves.toContain(transfer.prompt);
    await expect(cards(page).last().textContent()).resolves.toMatch(/Question 1 of at most 2/);

    await answerQuestion(page, label(transfer, 'whole-pc'));
    await expect(cards(page).last().textContent()).resolves.toContain(media.prompt);
    await expect(cards(page).last().textContent()).resolves.toMatch(/Question 2 of at most 2/);

    await answerQuestion(page, label(media, 'yes'));
    const decision = decide('used-pc', facts);
    expect(decision.verdict).toBeDefined();
    const answer = cards(page).last();
    await expect(answer.textContent()).resolves.toContain(VERDICT_HEADLINES[decision.verdict!].text);
    // Every citation is there to open behind "Why, and sources": its section title links to this service's guide page.
    expect(decision.citations.length).toBeGreaterThan(0);
    await answer.getByRole('button', { name: en.labels.whyAndSources, exact: true }).click();
    for (const citation of decision.citations) {
      // Web Chat adds "opens in a new window" to a link's name.
      await expect(answer.getByRole('link', { name: citation.title }).getAttribute('href')).resolves.toBe(
        new URL(new URL(citation.url).pathname + new URL(citation.url).hash, bot.url).href,
      );
    }

    // Free text goes through the same Direct Line path: "start over" brings the topics back.
    const count = await cards(page).count();
    await page.locator('[data-id="webchat-sendbox-input"]').fill('start over');
    await page.keyboard.press('Enter');
    await expectCardCount(page, count + 1);
    await expect(cards(page).last().getByRole('button', { name: topic.title, exact: true }).isVisible()).resolves.toBe(true);

    // The transcript scrolls and follows the newest card.
    const scrolling = () =>
      page.evaluate<{ overflow: string; scrolls: boolean; lastInView: boolean }>(`(() => {
        const scrollable = document.querySelector('#webchat .webchat__basic-transcript__scrollable');
        const all = document.querySelectorAll('#webchat .ac-adaptiveCard:not(.ac-adaptiveCard .ac-adaptiveCard)');
        const last = all[all.length - 1].getBoundingClientRect();
        const box = scrollable.getBoundingClientRect();
        return { overflow: getComputedStyle(scrollable).overflowY, scrolls: scrollable.scrollHeight > scrollable.clientHeight, lastInView: last.bottom <= box.bottom + 2 && last.bottom > box.top };
      })()`);
    // Web Chat scrolls smoothly: give the animation a moment.
    for (let i = 0; i < 25 && !(await scrolling()).lastInView; i++) await page.waitForTimeout(200);
    expect(await scrolling()).toEqual({ overflow: 'auto', scrolls: true, lastInView: true });

    // The stand-in saw the card submits as message values from the dl_ user, as Direct Line relays them.
    const conversation = directLine.conversationIds().at(-1)!;
    const fromUser = directLine.transcript(conversation).filter((a) => (a.from as { role?: string }).role === 'user');
    expect(fromUser.filter((a) => a.value !== undefined)).toHaveLength(3);
    expect(fromUser.every((a) => String((a.from as { id: string }).id).startsWith('dl_'))).toBe(true);
    expect(fromUser.some((a) => a.text === 'start over')).toBe(true);
    await expectClean(w);
  });

  it('a free question\'s "Check my case" shows the facts read to confirm; a changed one is the one used', async () => {
    const w = await openPage(`${bot.url}/`);
    const { page } = w;
    await expectCardCount(page, 1);
    const question = 'Can we run Windows VMs on AWS with VDA per user?';
    const found = search(question, { baseUrl: bot.url });
    expect(found.suggested).not.toBeNull();
    const { topic, facts: read } = found.suggested!;
    const [changed] = TOPICS[topic].facts.filter((fact) => read[fact.id] !== undefined);
    const other = changed.options.find((option) => option.value !== read[changed.id])!;

    const count = await cards(page).count();
    await page.locator('[data-id="webchat-sendbox-input"]').fill(question);
    await page.keyboard.press('Enter');
    await expectCardCount(page, count + 1);
    await press(page, 'Check my case');

    // Web Chat draws each read fact as a drop-down list, labelled with its question, opening on the answer read.
    const confirm = cards(page).last();
    await expect(confirm.textContent()).resolves.toContain('From your message I understood:');
    const lists = confirm.locator('select');
    expect(await lists.count()).toBe(Object.keys(read).length);
    const list = confirm.getByRole('combobox', { name: changed.prompt });
    expect(await list.inputValue()).toBe(read[changed.id]);
    await list.selectOption({ label: other.label });
    expect(await list.inputValue()).toBe(other.value);
    await page.screenshot({ path: join(artifacts, 'webchat-confirm-card-changed.png') });
    await press(page, 'Confirm and continue');

    const confirmed = { ...read, [changed.id]: other.value };
    const next = decide(topic, confirmed);
    await expect(cards(page).last().textContent()).resolves.toContain(next.next ? next.next.prompt : VERDICT_HEADLINES[next.verdict!].text);
    // What Direct Line relayed: the card's data with each list's value beside it.
    const conversation = directLine.conversationIds().at(-1)!;
    const submit = directLine
      .transcript(conversation)
      .filter((a) => (a.value as { action?: string } | undefined)?.action === 'confirm')
      .at(-1);
    expect(submit?.value).toMatchObject({ action: 'confirm', topic, read, [`fact.${changed.id}`]: other.value });
    await expectClean(w);
  });

  it('fits a phone: no sideways scrolling, and the send box on screen', async () => {
    const w = await openPage(`${bot.url}/`, { width: 390, height: 844 });
    const { page } = w;
    await expectCardCount(page, 1);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    const sendBox = await page.locator('[data-id="webchat-sendbox-input"]').boundingBox();
    expect(sendBox).not.toBeNull();
    expect(sendBox!.y + sendBox!.height).toBeLessThanOrEqual(844);
    const chat = await page.locator('#webchat').boundingBox();
    expect(chat!.height).toBeGreaterThan(844 * 0.5);
    expect(chat!.width).toBeGreaterThan(390 * 0.9);
    await expectClean(w);
  });

  it('tells a visitor plainly that the chat is not set up, and whom to tell, when the server has no Direct Line secret; the how-to goes to the log', async () => {
    const contact = 'the licensing desk (licensing@contoso.com)';
    const unconfigured = await startBot({ DIRECT_LINE_SECRET: '', DIRECT_LINE_ENDPOINT: directLine.url, DESK_CONTACT: contact });
    try {
      const before = directLine.tokenRequests.length;
      const w = await openPage(`${unconfigured.url}/`);
      await w.page.waitForSelector('#app[data-state="not-configured"]', { timeout: 15000 });
      const status = (await w.page.locator('#status').textContent()) ?? '';
      expect(status).toMatch(/not set up/);
      expect(status).toContain(contact);
      expect(status).not.toMatch(/DIRECT_LINE_SECRET|npm run|Playground/);
      // Trying again cannot help, so no button offers it; the guide is there to read.
      await expect(w.page.locator('#status button').count()).resolves.toBe(0);
      await expect(w.page.locator('#status a[href="/guide"]').isVisible()).resolves.toBe(true);
      await expect(w.page.locator('#webchat').isHidden()).resolves.toBe(true);
      expect(directLine.tokenRequests.length).toBe(before);
      expect(await Promise.all(w.tokenAnswers)).toEqual([{ status: 503, body: expect.objectContaining({ reason: 'not-configured', retry: false }) }]);
      expect(unconfigured.output()).toContain('DIRECT_LINE_SECRET is not set');
      expect(unconfigured.output()).toContain('npm run playground');
      // The 503 itself shows up as a failed resource in the console; nothing else may.
      w.errors.splice(0, w.errors.length, ...w.errors.filter((e) => !/status of 503/.test(e)));
      await expectClean(w);
    } finally {
      unconfigured.process.kill('SIGTERM');
    }
  });

  it('tells "not allowed from this site" from "down, try again": the page at 127.0.0.1 when PUBLIC_BASE_URL says localhost, then at localhost with Direct Line gone', async () => {
    const port = await freePort();
    const unreachable = `http://127.0.0.1:${await freePort()}`;
    const bot = await startBot({
      PORT: String(port),
      PUBLIC_BASE_URL: `http://localhost:${port}`,
      DIRECT_LINE_SECRET: SECRET,
      DIRECT_LINE_ENDPOINT: unreachable,
    });
    try {
      const elsewhere = await openPage(`http://127.0.0.1:${port}/`);
      await elsewhere.page.waitForSelector('#app[data-state="origin-not-allowed"]', { timeout: 15000 });
      expect((await elsewhere.page.locator('#status').textContent()) ?? '').toMatch(/not allowed to start the chat/);
      await expect(elsewhere.page.locator('#status button').count()).resolves.toBe(0);
      expect(await Promise.all(elsewhere.tokenAnswers)).toEqual([{ status: 403, body: expect.objectContaining({ reason: 'origin-not-allowed' }) }]);
      expect(bot.output()).toContain(`refused origin "http://127.0.0.1:${port}"`);

      const down = await openPage(`http://localhost:${port}/`);
      await down.page.waitForSelector('#app[data-state="unavailable"]', { timeout: 15000 });
      expect((await down.page.locator('#status').textContent()) ?? '').toMatch(/not answering right now\. Try again/);
      expect(bot.output()).toContain(`Direct Line at ${unreachable} could not be reached`);
      // "Try again" asks once more, and says the same while Direct Line stays away.
      await down.page.getByRole('button', { name: 'Try again' }).click();
      for (let i = 0; i < 50 && down.tokenAnswers.length < 2; i++) await down.page.waitForTimeout(200);
      expect(down.tokenAnswers).toHaveLength(2);
      await down.page.waitForSelector('#app[data-state="unavailable"]', { timeout: 15000 });
      for (const w of [elsewhere, down]) {
        w.errors.splice(0, w.errors.length, ...w.errors.filter((e) => !/status of (403|502)/.test(e)));
        await expectClean(w);
      }
    } finally {
      bot.process.kill('SIGTERM');
    }
  });
});
