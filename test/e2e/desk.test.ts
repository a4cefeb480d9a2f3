import type { Browser } from 'playwright-core';
import { TOPICS } from '../../core/topics';
import { en } from '../../wording/en';
import { channelsUnderTest, e2eEnv } from './support/env';
import { channelCard, fillShowCard, openDeskChannel, postToBot, pressAndWaitForEdit, shortestInterviewTo, writeInto } from './support/desk-channel';
import { checkAnswerCard, completeInterview } from './support/interview';
import { cardLines, launchBrowser, PlaygroundSession, waitUntil } from './support/playground';

// "Ask the licensing desk" through two real chat clients (issue 21): the asker in the msteams
// Playground's personal chat, a desk member in the desk's own Teams Playground (its mocked team has
// the desk channel; scripts/e2e.mjs starts it and lets that team register the desk). Both pages
// stay open, as the proactive posts reach only a page that is showing its conversation.
// Screenshots and the activities exchanged: test-results/e2e/msteams/<test>/ (the desk's in desk/).

const desk = channelsUnderTest().includes('msteams') ? e2eEnv().desk : undefined;

if (!desk) {
  test('runs under npm run test:e2e with the msteams channel', () => {
    e2eEnv(); // throws, saying how to run these tests
    expect(e2eEnv().desk).toBeDefined();
  });
}

const QUESTION = 'Our PCs came with Windows 11 Pro OEM; does our 2023 agreement let us run Windows 10 on them?';
const ANSWER = 'We read your agreement with you in mind: the details are in the note we sent to your mailbox today.';
const NO_MATCH = 'zzqx wobble frimble';

/** The display name the Playground's current user speaks with, as the bot received it. */
function speakerName(session: PlaygroundSession): string {
  const said = session.sentToBot().filter((activity) => activity.activityName === 'message');
  const name = (said.at(-1)?.body.from as { name?: string } | undefined)?.name;
  if (!name) throw new Error('no message with a speaker name was sent to the bot yet');
  return name;
}

if (desk)
  describe('Ask the licensing desk, Playground msteams (asker) and the desk Playground (desk member)', () => {
    let browser: Browser | undefined;
    const sessions: PlaygroundSession[] = [];
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });
    afterEach(async () => {
      for (const session of sessions.splice(0)) await session.close();
    });

    test('a "Not decided by these sources" answer becomes a request in the desk channel; a desk member takes and answers it; the asker sees the answer in their chat', async () => {
      const asker = await PlaygroundSession.open(browser!, 'msteams');
      sessions.push(asker);
      await waitUntil('the greeting', async () => (await asker.botMessageCount()) >= 1);

      // Before any desk is registered, a reply that would offer the desk goes without the button.
      const unoffered = await asker.say(NO_MATCH);
      const askerName = speakerName(asker);
      expect(await unoffered.getByRole('button', { name: en.desk.askButton, exact: true }).count()).toBe(0);
      await asker.shot('no desk yet: no button', unoffered);

      // The desk member registers the desk in the desk channel (mentioning the bot, as Teams requires).
      const member = await PlaygroundSession.open(browser!, 'msteams', { url: desk.playground, name: 'desk' });
      sessions.push(member);
      await openDeskChannel(member, desk);
      await postToBot(member, 'set licensing desk', en.desk.registered);
      await member.shot('desk registered');

      // The asker's interview ends in "Not decided by these sources", now with the button.
      const { topic, answers } = shortestInterviewTo('refer');
      const welcome = asker.card(0);
      const first = await asker.press(welcome, TOPICS[topic].title);
      const { answer, decision } = await completeInterview(asker, first, topic, answers);
      expect(decision.verdict).toBe('refer');
      await checkAnswerCard(answer, topic, decision);
      expect(await cardLines(answer)).toContain(en.verdicts.refer);
      const form = await asker.press(answer, en.desk.askButton);
      expect((await cardLines(form))[0]).toBe(en.desk.askHeading);
      expect(await cardLines(form)).toContain(TOPICS[topic].title);
      // A required field's label ends in " *".
      expect((await cardLines(form)).some((line) => line.startsWith(en.desk.askQuestionLabel))).toBe(true);
      await writeInto(form, QUESTION);
      await asker.shot('the form, filled', form);

      // Sent: the confirmation names the request's number (a plain message, not a card).
      const confirmations = asker.transcript.getByText(/^Your request LD-[0-9A-Z]{6} is with the licensing desk/);
      await form.getByRole('button', { name: en.desk.askSend, exact: true }).click();
      await waitUntil('the confirmation with the request number', async () => (await confirmations.count()) === 1);
      const number = /LD-[0-9A-Z]{6}/.exec(await confirmations.innerText())![0];
      expect(await confirmations.innerText()).toBe(en.desk.asked(number));
      await asker.shot('request sent');

      // The desk channel shows the request as a new post: who asks, the question, the decision.
      const request = await channelCard(member, en.desk.requestHeading(number));
      const lines = await cardLines(request);
      expect(lines[1].startsWith(`${en.desk.requestFrom(askerName)} · `)).toBe(true);
      for (const part of [QUESTION, en.verdicts.refer, TOPICS[topic].title, en.desk.requestStatus.open]) expect(lines).toContain(part);
      const record = request.getByRole('link', { name: en.desk.attachedRecord, exact: true });
      expect(await record.count()).toBe(1);
      await member.shot('the request in the desk channel', request);

      // Take it: the card is redrawn in place with who has it, and "Take it" is gone.
      const memberName = speakerName(member);
      await pressAndWaitForEdit(request, en.desk.take, en.desk.requestStatus.taken(memberName));
      expect(await request.getByRole('button', { name: en.desk.take, exact: true }).count()).toBe(0);
      await member.shot('taken', request);

      // Answer: the card says answered, and the answer arrives in the asker's chat as a card.
      const before = await asker.botMessageCount();
      await fillShowCard(request, en.desk.answer, en.desk.answerLabel, ANSWER, en.desk.sendAnswer);
      await waitUntil('the desk card to say answered', async () => (await request.innerText()).includes(en.desk.requestStatus.answered(memberName)));
      expect(await request.getByRole('button', { name: en.desk.answer, exact: true }).count()).toBe(0);
      await member.shot('answered', request);

      // Not waitForBotMessages: the confirmation above is a message without a card.
      await waitUntil('the desk answer in the asker chat', async () => (await asker.botMessageCount()) > before);
      const reply = asker.card(before);
      await reply.waitFor({ state: 'visible' });
      const replyLines = await cardLines(reply);
      expect(replyLines[0]).toBe(en.desk.replyHeading(number));
      for (const part of [QUESTION, ANSWER, en.desk.replyFrom(memberName)]) expect(replyLines).toContain(part);
      expect(await reply.getByRole('link', { name: en.desk.attachedRecord, exact: true }).count()).toBe(1);
      await asker.shot('the answer in the asker chat', reply);

      // Underneath: the answer was posted by the bot on its own (no message of the asker's led to it),
      // and the desk card was edited in place (one message, updated).
      const askerSent = asker.sentToBot().filter((activity) => activity.activityName === 'message');
      expect(askerSent.at(-1)!.body.value).toMatchObject({ action: 'desk-send' });
      const edits = member.events.filter((event) => event.action === 'updateMessage');
      expect(edits.length).toBeGreaterThanOrEqual(2);
      expect(new Set(edits.map((event) => event.messageId)).size).toBe(1);
    });
  });
