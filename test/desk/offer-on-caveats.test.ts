import { answerPayload } from '../../bot/payloads';
import { model } from '../../core/knowledge';
import { en } from '../../wording/en';
import { allInterviewNodes } from '../cards/samples';
import { buttons, CardButton, cardProblems, cardText, kindOf } from '../support/cards';
import { ASKER, DeskWorld, OWNER, personalChat, startDeskWorld } from '../support/desk-world';

// Issue 21 with issue 19: an answer card that carries a caveat of the free question (Windows 11,
// say) is one where a person may be needed, whatever its verdict; the desk then sees the caveat.

const DESK = '19:desk@thread.tacv2';
const WINDOWS_11 = model.vocabulary.caveats.find((caveat) => caveat.id === 'windows-11')!.text;
const permittedNode = allInterviewNodes().find((node) => node.decision.verdict === 'permitted' && node.history.length > 0)!;

/** The last click of a permitted path, from a check that started from a question naming `caveats`. */
function lastAnswer(caveats: string[]) {
  const last = permittedNode.history.at(-1)!;
  const facts = { ...permittedNode.facts };
  delete facts[last];
  return answerPayload({ topic: permittedNode.topic, facts, history: permittedNode.history.slice(0, -1), caveats }, last, permittedNode.facts[last]);
}

const askButton = (card: { content: unknown }): CardButton | undefined => buttons(card as never).find((candidate) => candidate.title === en.desk.askButton);

describe('the desk is offered on an answer that carries a caveat', () => {
  let world: DeskWorld;
  beforeEach(async () => {
    world = await startDeskWorld();
    // The button is offered only once a desk is registered (decision record 0022).
    await world.inChannel(DESK, OWNER, 'set licensing desk');
  });
  afterEach(() => world.close());

  it('offers it on a "Permitted" answer with a caveat, not on the same answer without one', async () => {
    const [plain] = (await world.send({ ...personalChat(ASKER), value: lastAnswer([]) }))[0].attachments!;
    expect(kindOf(plain)).toBe('answer');
    expect(askButton(plain)).toBeUndefined();

    const [caveated] = (await world.send({ ...personalChat(ASKER), value: lastAnswer(['windows-11']) }))[0].attachments!;
    expect(kindOf(caveated)).toBe('answer');
    expect(cardProblems(caveated)).toEqual([]);
    expect(askButton(caveated)?.data).toMatchObject({ action: 'desk-ask', topic: permittedNode.topic, facts: permittedNode.facts, caveats: ['windows-11'] });
  });

  it('the form and the desk card show the caveat, and the record link carries it', async () => {
    const [answer] = (await world.send({ ...personalChat(ASKER), value: lastAnswer(['windows-11']) }))[0].attachments!;
    const [form] = (await world.send({ ...personalChat(ASKER), value: askButton(answer)!.data }))[0].attachments!;
    expect(kindOf(form)).toBe('desk-ask');
    expect(cardText(form)).toContain(WINDOWS_11);
    const send = buttons(form).find((b) => b.title === en.desk.askSend)!;
    await world.send({ ...personalChat(ASKER), value: { ...send.data, deskText: 'Does this hold for Windows 11 too?' } });
    const posted = world.calls.find((call) => call.conversationId === DESK && call.body.attachments?.[0]?.name === 'desk-request')!;
    const card = posted.body.attachments![0];
    expect(cardText(card)).toContain(WINDOWS_11);
    expect(buttons(card).find((b) => b.title === en.desk.attachedRecord)?.url).toBe(
      `${permittedNode.decision.permalink.replace('http://localhost:3978', 'https://licensing.example.com')}&caveat=windows-11`,
    );
  });

  it('refuses a desk button whose caveat id the knowledge lacks', async () => {
    const [answer] = (await world.send({ ...personalChat(ASKER), value: lastAnswer(['windows-11']) }))[0].attachments!;
    const tampered = { ...askButton(answer)!.data, caveats: ['windows-12'] };
    const replies = await world.send({ ...personalChat(ASKER), value: tampered });
    expect(replies.flatMap((reply) => reply.attachments ?? []).map((card) => card.name)).not.toContain('desk-ask');
  });
});
