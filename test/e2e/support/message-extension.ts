import type { Locator } from 'playwright-core';
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from '../../../bot/guide-search-extension';
import { PlaygroundSession, waitUntil } from './playground';

// The Playground's message extension panels, driven as a tester does (Agents Playground 0.2.28).
// It never reads the app manifest: beside the compose box a "Trigger Message Extension App"
// button opens a menu (Search Command, Action Command, Link Unfurling). The search panel asks
// for the command id and parameter name under "Specify Command ID or Parameter", then sends a
// composeExtension/query for every change of its search box (always skip 0, count 25) and lists
// each result's hero or thumbnail preview; clicking one puts its card into the compose box. Link
// unfurling is a dialog of its own ("Enter an URL"): it sends composeExtension/queryLink, shows
// the card (not the preview) and "Send to Conversation" posts it. A link typed or pasted into the
// compose box is not unfurled.

/** Opens the search panel with this app's command id and parameter name filled in. */
export async function openSearch(session: PlaygroundSession): Promise<Locator> {
  const { page } = session;
  await page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
  await page.getByRole('menuitem', { name: 'Search Command' }).click();
  const panel = page.locator('.fui-PopoverSurface').filter({ hasText: 'Search-Based Message Extension' });
  await panel.waitFor({ state: 'visible' });
  await panel.getByRole('button', { name: 'Specify Command ID or Parameter' }).click();
  await panel.getByPlaceholder('Command ID').fill(SEARCH_COMMAND_ID);
  await panel.getByPlaceholder('Parameter name').fill(SEARCH_PARAMETER);
  return panel;
}

/** Types a query and waits until the listed previews are the titles expected, in order. */
export async function searchFor(panel: Locator, query: string, expectedTitles: string[]): Promise<Locator> {
  await panel.getByPlaceholder('Enter a search term').pressSequentially(query, { delay: 20 });
  const titles = panel.locator('h1');
  await waitUntil(`the previews for "${query}"`, async () => JSON.stringify(await titles.allInnerTexts()) === JSON.stringify(expectedTitles));
  return titles;
}

/** Opens the link unfurling dialog, enters the URL and returns the dialog once it shows a card. */
export async function unfurl(session: PlaygroundSession, url: string): Promise<Locator> {
  const { page } = session;
  await page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
  await page.getByRole('menuitem', { name: 'Link Unfurling' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Enter an URL' }).fill(url);
  await dialog.locator('.ac-adaptiveCard').waitFor({ state: 'visible' });
  return dialog;
}

/** The user's own messages in the transcript (the bot's carry an author in their header). */
export const userMessages = (session: PlaygroundSession): Locator =>
  session.transcript.locator('div:has(> [aria-label="Message header"]):not(:has(> [aria-label="Message header"] > [aria-label="Message author"]))');
