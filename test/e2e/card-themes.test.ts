import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { axeViolations, describeViolations, preparePage, renderCard, THEMES } from './support/card-page';
import { cardSamples } from './support/card-samples';
import { CHROMIUM_ARGS } from './support/playground';

// Every kind of card, rendered in Chromium by the Adaptive Cards renderer with the Teams light,
// dark and high-contrast host configs, then read by axe-core (WCAG 2 A/AA:
// colour contrast among the rules) first as it arrives and again with each "show more" part open.
// Needs only Chromium (no server): `npm run test:e2e` runs it, or alone:
//   npx jest -c jest.e2e.config.js test/e2e/card-themes.test.ts
// Screenshots: test-results/cards/<theme>/<card>.png (and <card>-open-<n>.png).

const artifacts = join(__dirname, '..', '..', 'test-results', 'cards');
const samples = cardSamples();

let browser: Browser;
let page: Page;

beforeAll(async () => {
  rmSync(artifacts, { recursive: true, force: true });
  browser = await chromium.launch({ executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 640, height: 800 } });
  // Nothing leaves the machine: the cards' images and links are not fetched here.
  await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient')));
  await preparePage(page);
});

afterAll(async () => {
  await browser?.close();
});

async function check(theme: string, name: string): Promise<string[]> {
  mkdirSync(join(artifacts, theme), { recursive: true });
  await page.locator('#card').screenshot({ path: join(artifacts, theme, `${name}.png`) });
  return describeViolations(await axeViolations(page));
}

describe.each(THEMES.map((theme) => [theme.name, theme] as const))('%s', (_, theme) => {
  test.each(samples.map((sample) => [sample.name, sample] as const))('the %s card passes axe, collapsed and with each part opened', async (name, sample) => {
    await renderCard(page, theme, sample.card.content);
    const problems = await check(theme.name, name);
    const count = await page.locator('#card .ac-pushButton[aria-expanded]').count();
    // Opening one part closes its sibling in the same row, so each is seen alone.
    for (let i = 0; i < count; i++) {
      await page.locator('#card .ac-pushButton[aria-expanded]').nth(i).click();
      // A hovered button is the host's look under the pointer, not the card at rest.
      await page.mouse.move(0, 0);
      problems.push(...(await check(theme.name, `${name}-open-${i + 1}`)));
    }
    expect(problems).toEqual([]);
  });
});

describe('the answer card at a glance (Teams light)', () => {
  const light = THEMES.find((theme) => theme.name === 'teams-light')!;

  test.each(samples.filter((sample) => sample.name.startsWith('answer-')).map((sample) => [sample.name, sample] as const))(
    '%s: the reasons, sources and answers are hidden until asked for, and opening them makes the card taller',
    async (_, sample) => {
      await renderCard(page, light, sample.card.content);
      const collapsed = (await page.locator('#card').boundingBox())!.height;
      const text = await page.locator('#card').innerText();
      expect(text).not.toContain('Why\n');
      await page.locator('#card [aria-expanded="false"]').first().click();
      expect((await page.locator('#card').innerText()).split('\n')).toContain('Why');
      expect((await page.locator('#card').boundingBox())!.height).toBeGreaterThan(collapsed);
    },
  );

  test('links in the card are links: the citation titles open the guide', async () => {
    const answer = samples.find((sample) => sample.name === 'answer-permitted')!;
    await renderCard(page, light, answer.card.content);
    await page.locator('#card [aria-expanded="false"]').first().click();
    const hrefs: (string | null)[] = [];
    for (const anchor of await page.locator('#card a[href]').all()) hrefs.push(await anchor.getAttribute('href'));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/licensing\.example\.com\/guide\//);
  });
});
