import type { Locator } from 'playwright-core';
import { search } from '../../reading/search';
import { TOPICS } from '../../core/topics';
import { TOPIC_IDS, TopicId } from '../../core/types';
import { channelsUnderTest, e2eEnv } from './support/env';
import { answerOn, checkAnswerCard, completeInterview, cutButtons, expectedDecision, Facts, onScreen, openCitation } from './support/interview';
import { VERDICT_HEADLINES } from '../../cards';
import { en } from '../../wording/en';
import { cardLines, PlaygroundSession, playgroundSessions, waitUntil } from './support/playground';

// The bot through a real chat client: the Microsoft 365 Agents Playground, in Chromium, one
// Playground per channel. Run with `npm run test:e2e` (scripts/e2e.mjs starts the servers).
// Screenshots of every step and the activities exchanged: test-results/e2e/<channel>/<test>/.

const channels = channelsUnderTest();

if (!channels.length) {
  test('runs under npm run test:e2e', () => {
    e2eEnv(); // throws, saying how to run these tests
  });
}

const WELCOME_TITLE = 'Windows Licensing Assistant';
const FREE_QUESTION = 'Can we run Windows VMs on AWS with VDA per user?';

/** The confirm card lists each read fact by its question, its list showing the answer read. */
async function checkConfirmCard(chat: PlaygroundSession, card: Locator, topic: TopicId, known: Facts): Promise<void> {
  const lines = await cardLines(card);
  expect(lines[0]).toBe(TOPICS[topic].title);
  expect(lines).toContain('From your message I understood:');
  for (const fact of TOPICS[topic].facts.filter((candidate) => known[candidate.id] !== undefined)) {
    expect(await chat.selected(card, fact.prompt)).toBe(fact.options.find((o) => o.value === known[fact.id])!.label);
  }
  expect(await card.getByRole('combobox').count()).toBe(Object.keys(known).length);
}

for (const channel of channels)
  describe(`Playground, channel ${channel}`, () => {
    const sessions = playgroundSessions(channel);

    /** Opens the chat and waits until the greeting has stopped arriving; returns the greeting cards. */
    async function openChat(): Promise<{ chat: PlaygroundSession; welcomes: Locator[] }> {
      const chat = await sessions.open();
      await waitUntil('the greeting', async () => (await chat.botMessageCount()) >= 1);
      let count = await chat.botMessageCount();
      for (;;) {
        await chat.page.waitForTimeout(800);
        const now = await chat.botMessageCount();
        if (now === count) break;
        count = now;
      }
      await chat.waitForBotMessages(count, 'the greeting');
      const welcomes = Array.from({ length: count }, (_, i) => chat.card(i));
      await chat.shot('welcome');
      return { chat, welcomes };
    }

    /** Opens the chat and presses a topic on the (last) welcome card. */
    async function startTopic(topic: TopicId): Promise<{ chat: PlaygroundSession; question: Locator }> {
      const { chat, welcomes } = await openChat();
      const question = await chat.press(welcomes[welcomes.length - 1], TOPICS[topic].title);
      return { chat, question };
    }

    test('the welcome card appears when the chat opens, with a button per topic', async () => {
      const { chat, welcomes } = await openChat();
      expect(welcomes.length).toBeGreaterThanOrEqual(1);
      expect(await chat.transcript.count()).toBe(1);
      expect(await chat.transcript.innerText()).not.toContain('Log Panel');
      for (const card of welcomes) {
        const lines = await cardLines(card);
        expect(lines[0]).toBe(WELCOME_TITLE);
        for (const topic of TOPIC_IDS) {
          expect(lines).toContain(TOPICS[topic].question);
          expect(await card.getByRole('button', { name: TOPICS[topic].title, exact: true }).count()).toBe(1);
        }
      }
      await chat.shot('welcome card', welcomes[0]);
      // What made the bot greet: the Playground adds the user (and the bot) to the conversation.
      const sent = chat.sentToBot();
      const update = sent.find((activity) => activity.activityName === 'conversationUpdate');
      expect(update).toBeDefined();
      const added = (update!.body.membersAdded ?? []) as { id: string }[];
      const botId = (update!.body.recipient as { id: string }).id;
      expect(added.some((member) => member.id !== botId)).toBe(true);
      if (channel === 'msteams') {
        expect(sent.find((activity) => activity.activityName === 'installationUpdate')?.body.action).toBe('add');
      }
    });

    // The msteams Playground sends both installationUpdate (add) and conversationUpdate (the user
    // and the bot) when the chat opens: the bot greets on the first only, so one welcome card shows.
    test('greets exactly once when the chat opens', async () => {
      const { welcomes } = await openChat();
      expect(welcomes).toHaveLength(1);
    });

    test('Used PC: a full interview (long options, so choice lists) ends in the verdict, and the first citation opens the cited guide section', async () => {
      const topic: TopicId = 'used-pc';
      const { chat, question } = await startTopic(topic);
      const answers: Facts = { transfer: 'whole-pc', with_media_and_coa: 'yes' };
      const { answer, facts, decision } = await completeInterview(chat, question, topic, answers);
      expect(facts).toEqual(answers);
      expect(decision.verdict).toBe('permitted');
      await checkAnswerCard(answer, topic, decision);
      await chat.shot('answer card', answer);
      await openCitation(chat, answer, decision.citations[0].title, decision.citations[0].url);
    });

    test('Windows in virtual machines: radio lists with Next, then a button, end in the verdict, and the first citation opens its section', async () => {
      const topic: TopicId = 'virtual-machines';
      const { chat, question } = await startTopic(topic);
      const answers: Facts = { where: 'azure', license: 'enterprise-per-user', device_os: 'pro-or-enterprise', primary_user: 'no' };
      const { answer, facts, decision } = await completeInterview(chat, question, topic, answers);
      expect(facts).toEqual(answers);
      expect(decision.verdict).toBe('not-permitted');
      await checkAnswerCard(answer, topic, decision);
      await chat.shot('answer card', answer);
      await openCitation(chat, answer, decision.citations[0].title, decision.citations[0].url);
    });

    test('at 1280×800 the verdict and what to do are on screen when the answer arrives', async () => {
      const topic: TopicId = 'used-pc';
      const { chat, question } = await startTopic(topic);
      await chat.page.setViewportSize({ width: 1280, height: 800 });
      const { answer, decision } = await completeInterview(chat, question, topic, { transfer: 'whole-pc', with_media_and_coa: 'yes' });
      expect(decision.requirements.length).toBeGreaterThan(0);
      // The client scrolls the new message into view; give it the moment it takes.
      await chat.page.waitForTimeout(800);
      await chat.shot('answer on arrival at 1280x800', chat.page);
      const headline = answer.getByText(VERDICT_HEADLINES[decision.verdict!].text, { exact: true });
      const whatToDo = answer.getByText(en.labels.whatYouNeed, { exact: true });
      const lastStep = answer.getByText(`• ${decision.requirements.at(-1)!}`, { exact: true });
      expect({ headline: await onScreen(headline), whatToDo: await onScreen(whatToDo), lastStep: await onScreen(lastStep) }).toEqual({
        headline: true,
        whatToDo: true,
        lastStep: true,
      });
    });

    test(`a free question with facts ("${FREE_QUESTION}") leads through "Check my case" and the confirm step to a verdict`, async () => {
      const { chat } = await openChat();
      const found = search(FREE_QUESTION, { baseUrl: e2eEnv().botUrl });
      expect(found.suggested).not.toBeNull();
      const { topic, facts: known } = found.suggested!;

      const results = await chat.say(FREE_QUESTION);
      // The user's own words are in the transcript, right above the reply.
      const userMessages = chat.messages.filter({ hasNot: chat.page.locator('[aria-label="Message author"]') });
      expect(await userMessages.last().innerText()).toContain(FREE_QUESTION);
      const lines = await cardLines(results);
      expect(lines[0]).toBe('From the guide');
      expect(lines).toContain(found.results[0].title);
      expect(lines).toContain(`Your case looks like: ${TOPICS[topic].question}`);
      for (const fact of TOPICS[topic].facts.filter((candidate) => known[candidate.id] !== undefined)) {
        const label = fact.options.find((o) => o.value === known[fact.id])!.label;
        expect(lines).toContain(`• ${fact.prompt} ${label}`);
      }
      expect(await results.getByRole('link', { name: found.results[0].title, exact: true }).getAttribute('href')).toBe(found.results[0].url);
      await chat.shot('search results', results);

      const confirm = await chat.press(results, 'Check my case');
      await checkConfirmCard(chat, confirm, topic, known);
      await chat.shot('confirm card', confirm);
      const question = await chat.press(confirm, 'Confirm and continue');
      const { answer, facts, decision } = await completeInterview(chat, question, topic, { program: 'eligible', instances: '1-4' }, known);
      expect(facts).toEqual({ ...known, program: 'eligible', instances: '1-4' });
      expect(decision).toEqual(expectedDecision(topic, facts));
      await checkAnswerCard(answer, topic, decision);
      // The facts read from the question are listed among the answers it used, one tap away.
      await answer.getByRole('button', { name: en.labels.yourAnswers, exact: true }).click();
      await answer.getByRole('button', { name: en.buttons.change, exact: true }).first().waitFor({ state: 'visible' });
      const answerLines = await cardLines(answer);
      for (const [id, value] of Object.entries(known)) {
        const fact = TOPICS[topic].facts.find((candidate) => candidate.id === id)!;
        expect(answerLines).toContain(fact.options.find((o) => o.value === value)!.label);
      }
      await chat.shot('answer card', answer);
    });

    test('a read fact changed on the confirm card is the one used, and one left to "ask me" is asked', async () => {
      const { chat } = await openChat();
      const found = search(FREE_QUESTION, { baseUrl: e2eEnv().botUrl });
      const { topic, facts: known } = found.suggested!;
      const [changed, dropped] = TOPICS[topic].facts.filter((fact) => known[fact.id] !== undefined);
      const other = changed.options.find((option) => option.value !== known[changed.id])!;

      const results = await chat.say(FREE_QUESTION);
      const confirm = await chat.press(results, 'Check my case');
      await checkConfirmCard(chat, confirm, topic, known);
      const index = (await chat.botMessageCount()) - 1;
      await chat.select(confirm, changed.prompt, other.label);
      await chat.select(confirm, dropped.prompt, 'Not sure: ask me');
      await chat.shot('confirm card, one changed, one left to ask', confirm);
      const question = await chat.press(confirm, 'Confirm and continue');

      // What the client posted: the card's data with each list's value beside it.
      const submit = chat
        .sentToBot()
        .filter((activity) => (activity.body.value as { action?: string } | undefined)?.action === 'confirm')
        .at(-1)!;
      expect(submit.body.value).toMatchObject({ action: 'confirm', topic, read: known, [`fact.${changed.id}`]: other.value, [`fact.${dropped.id}`]: '?' });

      const confirmed = Object.fromEntries(
        Object.entries(known)
          .filter(([fact]) => fact !== dropped.id)
          .map(([fact, value]) => [fact, fact === changed.id ? other.value : value]),
      );
      const next = expectedDecision(topic, confirmed).next!;
      expect(await cardLines(question)).toContain(next.prompt);
      await chat.shot('the next question', question);

      if (channel === 'msteams') {
        // In Teams the confirm card became the compact "You said" card in place (updateActivity).
        await waitUntil('the confirmed card', async () => (await chat.card(index).innerText()).includes('You said:'));
        const lines = await cardLines(chat.card(index));
        expect(lines).toContain(`You said: ${other.label}`);
        expect(lines).toContain('You said: Not sure: ask me');
        expect(await chat.card(index).getByRole('button').count()).toBe(0);
        expect(await chat.card(index).getByRole('combobox').count()).toBe(0);
        await chat.shot('confirmed card replaced in place', chat.card(index));
      } else {
        // Elsewhere the card stays. The Playground redraws it after the submit, lists back on the
        // answers read (what a second press would then send); the same choices again give the same step.
        await chat.select(confirm, changed.prompt, other.label);
        await chat.select(confirm, dropped.prompt, 'Not sure: ask me');
        const again = await chat.press(confirm, 'Confirm and continue');
        expect(await again.innerText()).toBe(await question.innerText());
        await chat.shot('confirmed twice');
      }
    });

    test('Back brings the question before back with the answer given there shown and chosen; in Teams the card left says so', async () => {
      const topic: TopicId = 'refurbished-pc';
      const [first, second] = TOPICS[topic].facts;
      const chosen = first.options[0];
      const { chat, question } = await startTopic(topic);
      const secondCard = await answerOn(chat, question, topic, first.id, chosen.value);
      expect(await cardLines(secondCard)).toContain(second.prompt);
      const index = (await chat.botMessageCount()) - 1;
      const before = await secondCard.innerText();

      const back = await chat.press(secondCard, 'Back');
      const lines = await cardLines(back);
      expect(lines).toContain(first.prompt);
      expect(lines).toContain(`Your answer so far: ${chosen.label}`);
      // The first question's options are long, so it is a list: it opens on the answer given.
      expect(await back.getByRole('radio', { name: chosen.label, exact: true }).isChecked()).toBe(true);
      expect(await cutButtons(back)).toEqual([]);
      await chat.shot('back on the first question', back);

      if (channel === 'msteams') {
        await waitUntil('the card left to say so', async () => (await chat.card(index).innerText()).includes('You went back'));
        expect(await cardLines(chat.card(index))).toEqual([second.prompt, 'You went back to the question before this one.']);
        expect(await chat.card(index).getByRole('button').count()).toBe(0);
        await chat.shot('the card left, retired in place', chat.card(index));
      } else {
        // Cards cannot be edited here: the one left stays, and Back on it again gives the same question.
        expect(await chat.card(index).innerText()).toBe(before);
        const again = await chat.press(chat.card(index), 'Back');
        expect(await cardLines(again)).toEqual(lines);
      }
      // Keeping the answer goes on to the same question as before.
      const onward = await chat.press(back, 'Next');
      expect(await cardLines(onward)).toContain(second.prompt);
    });

    if (channel === 'msteams') {
      test('the answered question card is replaced in place by the compact "You said" card (updateActivity)', async () => {
        const topic: TopicId = 'refurbished-pc';
        const { chat, question } = await startTopic(topic);
        const first = TOPICS[topic].facts[0];
        const chosen = first.options[0];
        const index = (await chat.botMessageCount()) - 1;
        await chat.shot('before answering');
        const next = await answerOn(chat, question, topic, first.id, chosen.value);
        await waitUntil('the "You said" card', async () => (await chat.card(index).innerText()).includes('You said:'));
        await chat.shot('after answering');

        // On screen: same place, now two lines and no buttons; the next question right below it.
        expect(await cardLines(chat.card(index))).toEqual([first.prompt, `You said: ${chosen.label}`]);
        expect(await chat.card(index).getByRole('button').count()).toBe(0);
        expect(await chat.botMessageCount()).toBe(index + 2);
        expect((await cardLines(next))[0]).toBe(TOPICS[topic].title);

        // Underneath: the submit named the card it came from, the bot updated that very message.
        const submit = chat.sentToBot().find((activity) => (activity.body.value as { action?: string } | undefined)?.action === 'answer');
        expect(submit).toBeDefined();
        const cardId = String(submit!.body.replyToId);
        expect(submit!.body.value).toMatchObject({ action: 'answer', topic, fact: first.id, value: chosen.value });
        const created = chat.events.find((event) => event.action === 'createMessage' && event.messageId === cardId);
        expect(created?.firstText).toBe(TOPICS[topic].title);
        const updated = chat.events.find((event) => event.action === 'updateMessage' && event.messageId === cardId);
        expect(updated?.firstText).toBe(first.prompt);
        const put = chat.activities.find((activity) => activity.from === 'User Application' && activity.body.id === cardId);
        expect(put?.status).toBe(200);
      });
    } else {
      test('answered cards stay as they were, and pressing an old button again repeats the same step', async () => {
        const topic: TopicId = 'refurbished-pc';
        const { chat, question } = await startTopic(topic);
        const first = TOPICS[topic].facts[0];
        const chosen = first.options[0];
        const before = await question.innerText();
        const second = await answerOn(chat, question, topic, first.id, chosen.value);
        expect(await question.innerText()).toBe(before);
        expect(chat.events.some((event) => event.action === 'updateMessage')).toBe(false);
        const again = await answerOn(chat, question, topic, first.id, chosen.value);
        expect(await again.innerText()).toBe(await second.innerText());
        await chat.shot('pressed twice');
      });
    }
  });
