import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

// Renders one Adaptive Card in Chromium the way a host does: the Adaptive Cards JS renderer with
// the host's config and stylesheet, markdown through markdown-it, on the host's background. Then
// axe-core reads the rendered card as a browser would show it.

const modules = join(__dirname, '..', '..', '..', 'node_modules');
const designer = join(modules, 'adaptivecards-designer');
type HostConfig = Record<string, unknown> & { containerStyles: Record<string, ContainerStyle> };
interface ContainerStyle {
  backgroundColor?: string;
  borderColor?: string;
  foregroundColors: Record<string, { default: string; subtle: string }>;
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as HostConfig;
const hostConfig = (name: string) => readJson(join(designer, 'lib', 'hostConfigs', `${name}.json`));
const stylesheet = (name: string) => readFileSync(join(designer, 'dist', 'containers', `${name}.css`), 'utf8');

/**
 * Teams' high-contrast theme has no published host config: Teams draws every card in it on black,
 * in white, with yellow links and cyan for what is selected. This is that palette on the dark
 * config, so that a card relying on a background or a text colour shows how it fares.
 */
function highContrast(): HostConfig {
  const config = hostConfig('microsoft-teams-dark');
  const foregrounds = {
    default: { default: '#FFFFFF', subtle: '#FFFFFF' },
    dark: { default: '#FFFFFF', subtle: '#FFFFFF' },
    light: { default: '#FFFFFF', subtle: '#FFFFFF' },
    accent: { default: '#FFFF01', subtle: '#FFFF01' },
    good: { default: '#3FF23F', subtle: '#3FF23F' },
    warning: { default: '#FFFF01', subtle: '#FFFF01' },
    attention: { default: '#FF9B9B', subtle: '#FF9B9B' },
  };
  const containerStyles = Object.fromEntries(
    Object.keys(config.containerStyles).map((style) => [style, { backgroundColor: '#000000', borderColor: '#FFFFFF', foregroundColors: foregrounds }]),
  );
  return { ...config, containerStyles };
}

const HIGH_CONTRAST_CSS = `
.ac-pushButton { background: #000; color: #fff; border: 1px solid #fff; font: 14px "Segoe UI", sans-serif; padding: 4px 10px; }
.ac-pushButton.expanded, .ac-pushButton:focus { color: #1aebff; border-color: #1aebff; }
a, a:visited { color: #ffff01; }`;

/**
 * The designer's dark stylesheet is a mock of Teams around a card, and two of its colours are the
 * light theme's: links stay #6264A7 (2.7:1 on the dark card), and a pressed "show more" button is
 * black text on #6165A4 (3.9:1). Teams' dark theme draws links in its dark brand colour, the
 * accent the dark host config gives (#A6A7DC), and selected buttons in white. Neither colour is
 * the card's to choose; with the mock's, every link or "show more" in any card would fail here.
 */
const TEAMS_DARK_FIXES = `
a.ac-anchor:link, a.ac-anchor:visited, a.ac-anchor:link:active, a.ac-anchor:visited:active { color: #A6A7DC; }
.ac-pushButton.expanded { color: white; }`;

export interface Theme {
  name: string;
  config: HostConfig;
  css: string;
  /** What the host paints around the card. */
  background: string;
}

/** The three Teams themes. Web Chat draws cards its own way: its tests run axe on its real page (test/e2e/webchat.test.ts). */
export const THEMES: readonly Theme[] = [
  { name: 'teams-light', config: hostConfig('microsoft-teams-light'), css: stylesheet('teams-container-light'), background: '#ffffff' },
  { name: 'teams-dark', config: hostConfig('microsoft-teams-dark'), css: stylesheet('teams-container-dark') + TEAMS_DARK_FIXES, background: '#2d2c2c' },
  { name: 'teams-high-contrast', config: highContrast(), css: HIGH_CONTRAST_CSS, background: '#000000' },
];

const SCRIPTS = [
  join(modules, 'adaptivecards', 'dist', 'adaptivecards.min.js'),
  join(modules, 'markdown-it', 'dist', 'browser', 'markdown-it.umd.min.js'),
  join(modules, 'axe-core', 'axe.min.js'),
];

/** Loads the renderer, markdown-it and axe-core into a blank page once; cards are then rendered into it one by one. */
export async function preparePage(page: Page): Promise<void> {
  await page.setContent(
    '<!doctype html><html lang="en"><head><title>Card</title><style id="host"></style></head><body><main id="card" style="width:560px;padding:16px"></main></body></html>',
  );
  for (const path of SCRIPTS) await page.addScriptTag({ path });
}

interface BrowserWindow {
  AdaptiveCards: {
    AdaptiveCard: (new () => { hostConfig: unknown; parse(json: unknown): void; render(): HTMLElement }) & { onProcessMarkdown: unknown };
    HostConfig: new (json: unknown) => unknown;
  };
  markdownit: (options: object) => { render(text: string): string };
  axe: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> };
  document: { getElementById(id: string): HTMLElement; body: HTMLElement };
}
interface HTMLElement {
  replaceChildren(...nodes: unknown[]): void;
  style: Record<string, string>;
  textContent: string | null;
}

export interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string; html: string }[];
}

/** Renders a card in the theme; returns nothing: the card is in #card. */
export async function renderCard(page: Page, theme: Theme, card: unknown): Promise<void> {
  await page.evaluate(
    ({ card, config, css, background }) => {
      const w = globalThis as unknown as BrowserWindow;
      const markdown = w.markdownit({ html: false, linkify: false, breaks: false });
      w.AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text: string, result: { outputHtml: string; didProcess: boolean }) => {
        result.outputHtml = markdown.render(text);
        result.didProcess = true;
      };
      const adaptive = new w.AdaptiveCards.AdaptiveCard();
      adaptive.hostConfig = new w.AdaptiveCards.HostConfig(config);
      adaptive.parse(card);
      w.document.getElementById('host').textContent = css;
      w.document.body.style.background = background;
      w.document.body.style.margin = '0';
      w.document.getElementById('card').replaceChildren(adaptive.render());
    },
    { card, config: theme.config, css: theme.css, background: theme.background },
  );
}

/** Opens every "show more" part of the rendered card (Action.ShowCard), so axe and the screenshot see it too. */
export async function expandShowCards(page: Page): Promise<number> {
  const buttons = page.locator('#card [aria-expanded="false"]');
  let opened = 0;
  // Opening one show card closes its siblings in the same action set: open and check them one at a time is the caller's job;
  // here each is opened in turn, and the last one stays open.
  for (let i = 0; i < (await buttons.count()); i++) {
    await buttons.nth(i).click();
    opened++;
  }
  return opened;
}

/** axe-core's WCAG 2 A and AA rules on the card alone: contrast among them. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const result = await page.evaluate(async () => {
    const w = globalThis as unknown as BrowserWindow;
    return w.axe.run({ include: [['#card']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] }, resultTypes: ['violations'] });
  });
  return result.violations;
}

/** One line per failing node: the rule, the element and why. */
export const describeViolations = (violations: AxeViolation[]): string[] =>
  violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.html.slice(0, 120)} :: ${(node.failureSummary ?? violation.help).replace(/\s+/g, ' ')}`),
  );
