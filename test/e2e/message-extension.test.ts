import { search } from '../../reading/search';
import { TOPICS } from '../../core/topics';
import type { TopicId } from '../../core/types';
import { PAGE_SIZE } from '../../bot/guide-search-extension';
import { guide } from '../../core/knowledge';
import { en } from '../../wording/en';
import { channelsUnderTest, e2eEnv } from './support/env';
import { completeInterview, expectedDecision, Facts } from './support/interview';
import { openSearch, searchFor, unfurl, userMessages } from './support/message-extension';
import { cardLines, PlaygroundSession, playgroundSessions, waitUntil } from './support/playground';

// The message extension in the Microsoft 365 Agents Playground, Teams channel: searching the
// guide from the compose box and inserting a section, unfurling guide and decision links, and
// the decision record page the answer card shares. Run with `npm run test:e2e`.

const channels = channelsUnderTest().filter((channel) => channel === 'msteams');

if (!channels.length) {
  test('runs under npm run test:e2e with the msteams channel', () => {
    e2eEnv(); // throws, saying how to run these tests
  });
}

for (const channel of channels)
  describe(`Playground, channel ${channel}: Teams-native knowledge`, () => {
    const sessions = playgroundSessions(channel);

    async function openChat(): Promise<PlaygroundSession> {
      const chat = await sessions.open();
      await waitUntil('the greeting', async () => (await chat.botMessageCount()) >= 1);
      await chat.waitForBotMessages(await chat.botMessageCount(), 'the greeting');
      return chat;
    }

    /** The user's last message, once it shows a card. */
    async function sentCard(chat: PlaygroundSession, count: number) {
      const mine = userMessages(chat);
      await waitUntil('the sent card in the transcript', async () => (await mine.count()) === count);
      const card = mine.nth(count - 1).locator('.ac-adaptiveCard');
      await card.waitFor({ state: 'visible' });
      return card;
    }

    /** Clicks a card's link like a user: the Playground opens it in a new tab. */
    async function openLink(chat: PlaygroundSession, card: ReturnType<PlaygroundSession['card']>, name: string, url: string) {
      const link = card.getByRole('link', { name, exact: true });
      expect(await link.getAttribute('title')).toBe(url);
      const [tab] = await Promise.all([chat.page.waitForEvent('popup'), link.click()]);
      await tab.waitForLoadState('load');
      expect(tab.url()).toBe(url);
      return tab;
    }

    test('search the guide from the compose box, insert a section, send it, and open it in the guide', async () => {
      const chat = await openChat();
      const query = 'VMs on AWS';
      const hits = search(query, { baseUrl: e2eEnv().botUrl, limit: PAGE_SIZE }).results;
      expect(hits.length).toBeGreaterThan(1);

      const panel = await openSearch(chat);
      const titles = await searchFor(
        panel,
        query,
        hits.map((hit) => hit.title),
      );
      await chat.shot('search results', panel);
      const searches = chat.sentToBot().filter((activity) => activity.activityName === 'invoke' && activity.body.name === 'composeExtension/query');
      // One query per keystroke, logged in no particular order: the full text is among them.
      expect(searches.map((activity) => activity.body.value)).toContainEqual(
        expect.objectContaining({ commandId: 'searchGuide', parameters: [{ name: 'query', value: query }], queryOptions: { skip: 0, count: 25 } }),
      );

      const botMessagesBefore = await chat.botMessageCount();
      await titles.first().click();
      await chat.shot('inserted in the compose box');
      await chat.page.getByRole('button', { name: 'Send Message' }).click();
      const card = await sentCard(chat, 1);
      const section = guide.sections.get(hits[0].section)!;
      const lines = await cardLines(card);
      expect(lines[0]).toBe('Windows licensing guide');
      expect(lines[1]).toBe(section.title);
      expect(lines.some((line) => line.startsWith('Source: ') && line.includes('April 2020'))).toBe(true);
      await chat.shot('sent card', card);
      // Sharing a section is not a question: the bot does not answer the card.
      await chat.page.waitForTimeout(1500);
      expect(await chat.botMessageCount()).toBe(botMessagesBefore);

      const tab = await openLink(chat, card, 'Open in the guide', hits[0].url);
      try {
        expect(await tab.locator('section:target').getAttribute('id')).toBe(section.id);
        await chat.shot('guide tab', tab);
      } finally {
        await tab.close();
      }
    });

    test('a query the guide has nothing on shows the plain message in the panel, no error', async () => {
      const chat = await openChat();
      const panel = await openSearch(chat);
      await panel.getByPlaceholder('Enter a search term').pressSequentially('xyzzy plugh', { delay: 20 });
      await panel.getByText(/No guide section matches these words/).waitFor({ state: 'visible' });
      expect(await panel.getByText('Unable to reach app').count()).toBe(0);
      await chat.shot('no match', panel);
    });

    test('a guide section link unfurls into the section card, and sends into the chat', async () => {
      const chat = await openChat();
      const section = guide.sections.get('refurbished-license-kept')!;
      const url = `${e2eEnv().botUrl}/guide/${section.document}#${section.id}`;
      const dialog = await unfurl(chat, url);
      const preview = dialog.locator('.ac-adaptiveCard');
      expect((await cardLines(preview))[1]).toBe(section.title);
      await chat.shot('unfurled section', dialog);
      await dialog.getByRole('button', { name: 'Send to Conversation' }).click();
      const card = await sentCard(chat, 1);
      expect(await cardLines(card)).toContain(section.title);
      const queryLinks = chat.sentToBot().filter((activity) => activity.body.name === 'composeExtension/queryLink');
      expect(queryLinks.at(-1)!.body.value).toEqual({ url });
    });

    test('a decision record link unfurls into its verdict and first reasons', async () => {
      const chat = await openChat();
      const decision = expectedDecision('used-pc', { transfer: 'license-only' });
      const dialog = await unfurl(chat, decision.permalink);
      const lines = await cardLines(dialog.locator('.ac-adaptiveCard'));
      expect(lines[0]).toBe(TOPICS['used-pc'].question);
      expect(lines).toContain('Not permitted');
      expect(lines).toContain(decision.summary);
      await chat.shot('unfurled decision', dialog);
    });

    test('a link pasted into the compose box is not unfurled by the Playground (covered over HTTP instead)', async () => {
      const chat = await openChat();
      const box = chat.page.locator('[role=textbox][contenteditable=true]');
      await box.click();
      await box.pressSequentially(`${e2eEnv().botUrl}/guide/glossary#glossary`);
      await chat.page.waitForTimeout(2000);
      expect(chat.sentToBot().filter((activity) => activity.body.name === 'composeExtension/queryLink')).toEqual([]);
    });

    test('Share this answer opens the printable decision record of exactly those answers', async () => {
      const chat = await openChat();
      const topic: TopicId = 'used-pc';
      const welcome = chat.card(0);
      const question = await chat.press(welcome, TOPICS[topic].title);
      const answers: Facts = { transfer: 'whole-pc', with_media_and_coa: 'no' };
      const { answer, decision } = await completeInterview(chat, question, topic, answers);
      // The bot adds the day it gave the answer to the core's permalink (decision record 0020).
      const tab = await openLink(chat, answer, 'Share this answer', `${decision.permalink}&on=${new Date().toISOString().slice(0, 10)}`);
      try {
        const text = await tab.locator('main').innerText();
        expect(text).toContain(TOPICS[topic].question);
        expect(await tab.locator('p.verdict').innerText()).toBe('Not permitted');
        expect(text).toContain(`Answer given on ${en.day(new Date().toISOString().slice(0, 10))}.`);
        expect(text).toContain(decision.summary);
        expect(await tab.locator('script').count()).toBe(0);
        await chat.shot('decision record', tab);
        await tab.emulateMedia({ media: 'print' });
        expect(await tab.locator('header.site').isVisible()).toBe(false);
        await chat.shot('decision record, print', tab);
        const pdf = await tab.pdf({ path: chat.shotPath('decision record').replace(/\.png$/, '.pdf') });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      } finally {
        await tab.close();
      }
    });
  });
