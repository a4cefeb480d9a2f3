import { answerPayload } from '../../bot/payloads';
import { en } from '../../wording/en';
import { buttons, CardButton, cardProblems, cardText, kindOf } from '../support/cards';
import { ASKER, DESK_MEMBER, DeskWorld, OTHER_MEMBER, OWNER, personalChat, startDeskWorld } from '../support/desk-world';
import { allInterviewNodes } from '../cards/samples';

// The round trip of issue 21 through the real messages handler, with the Bot Framework connector
// stood in for on loopback: a refer verdict in a personal chat becomes a request in the desk
// channel, a desk member takes and answers it there, and the answer is posted to the asker's chat.

const DESK = '19:desk@thread.tacv2';
const referNode = allInterviewNodes().find((node) => node.decision.verdict === 'refer' && node.history.length > 0)!;

/** The submit that answers the last question of the refer path: what the user's last click sends. */
function lastAnswer() {
  const last = referNode.history.at(-1)!;
  const facts = { ...referNode.facts };
  delete facts[last];
  return answerPayload({ topic: referNode.topic, facts, history: referNode.history.slice(0, -1) }, last, referNode.facts[last]);
}

const button = (card: { content: unknown; name?: string }, title: string): CardButton => {
  const found = buttons(card as never).find((candidate) => candidate.title === title);
  if (!found) throw new Error(`no "${title}" on the ${card.name} card`);
  return found;
};

/** A desk card button pressed in the desk channel: Teams sends its data, the inputs and the card's id. */
const inDesk = (world: DeskWorld, who: typeof OWNER, data: Record<string, unknown>, replyToId: string, channel = DESK) =>
  world.send({
    from: who,
    value: data,
    replyToId,
    conversation: { id: `${channel};messageid=${replyToId}`, conversationType: 'channel' },
    channelData: { team: { id: '19:deskteam@thread.tacv2' }, channel: { id: channel } },
  });

describe('asking the licensing desk, end to end through the messages handler', () => {
  let world: DeskWorld;
  beforeEach(async () => {
    world = await startDeskWorld();
  });
  afterEach(() => world.close());

  async function askAfterRefer(question = 'Our contract is an EA from 2023: does this apply?') {
    const [answer] = (await world.send({ ...personalChat(ASKER), value: lastAnswer() }))[0].attachments!;
    expect(kindOf(answer as never)).toBe('answer');
    expect(cardProblems(answer as never)).toEqual([]);
    const [form] = (await world.send({ ...personalChat(ASKER), value: button(answer, en.desk.askButton).data }))[0].attachments!;
    expect(kindOf(form as never)).toBe('desk-ask');
    expect(cardProblems(form as never)).toEqual([]);
    const sent = await world.send({ ...personalChat(ASKER), value: { ...button(form, en.desk.askSend).data, deskText: question } });
    const number = /LD-[0-9A-Z]{6}/.exec(sent[0].text ?? '')?.[0];
    expect(sent.map((reply) => reply.text)).toEqual([en.desk.asked(number!)]);
    return { number: number!, form };
  }

  const deskCards = () => world.calls.filter((call) => call.conversationId === DESK && call.body.attachments?.[0]?.name === 'desk-request');

  it('hands a "not decided" answer to the desk, which takes and answers it; the answer comes back to the asker', async () => {
    await world.inChannel(DESK, OWNER, 'set licensing desk');
    const { number, form } = await askAfterRefer();
    // The form shows what is attached: the topic, the verdict in words, the facts.
    expect(cardText(form as never)).toContain(en.verdicts.refer);

    // The request arrives in the desk channel as a new post: who asks, the question, the decision and its record link.
    expect(deskCards()).toHaveLength(1);
    const [posted] = deskCards();
    const card = posted.body.attachments![0];
    expect(cardProblems(card as never)).toEqual([]);
    const text = cardText(card);
    for (const part of [number, ASKER.name, 'Our contract is an EA from 2023', en.verdicts.refer]) expect(text).toContain(part);
    expect(buttons(card as never).find((b) => b.title === en.desk.attachedRecord)?.url).toBe(referNode.decision.permalink);
    const cardId = 'posted-1';

    // Take it: the card is redrawn in place and shows who has it.
    expect(await inDesk(world, DESK_MEMBER, button(card, en.desk.take).data!, cardId)).toEqual([]);
    const taken = world.calls.at(-1)!;
    expect([taken.method, taken.activityId]).toEqual(['PUT', cardId]);
    expect(cardText(taken.body.attachments![0] as never)).toContain(en.desk.requestStatus.taken(DESK_MEMBER.name));
    expect(buttons(taken.body.attachments![0] as never).map((b) => b.title)).not.toContain(en.desk.take);

    // A second "Take it" (an old card, another member) is told who has it.
    const again = await inDesk(world, OTHER_MEMBER, button(card, en.desk.take).data!, cardId);
    expect(again.map((reply) => reply.text)).toEqual([en.desk.alreadyTaken(number, DESK_MEMBER.name)]);

    // Answer: posted to the asker's own chat as a card, and the desk card says answered.
    const answerButton = buttons(taken.body.attachments![0] as never).find((b) => b.title === en.desk.sendAnswer)!;
    expect(await inDesk(world, DESK_MEMBER, { ...answerButton.data, deskAnswer: 'Yes: the EA terms of 2023 apply until renewal.' }, cardId)).toEqual([]);
    const toAsker = world.calls.find((call) => call.conversationId === `a:personal-${ASKER.id}`)!;
    expect(toAsker.method).toBe('POST');
    const reply = toAsker.body.attachments![0];
    expect(kindOf(reply as never)).toBe('desk-reply');
    expect(cardProblems(reply as never)).toEqual([]);
    const replyText = cardText(reply);
    for (const part of ['Our contract is an EA from 2023', 'Yes: the EA terms of 2023 apply until renewal.', DESK_MEMBER.name])
      expect(replyText).toContain(part);
    expect(buttons(reply as never).find((b) => b.title === en.desk.attachedRecord)?.url).toBe(referNode.decision.permalink);
    const answered = world.calls.at(-1)!;
    expect([answered.method, answered.activityId]).toEqual(['PUT', cardId]);
    expect(cardText(answered.body.attachments![0] as never)).toContain(en.desk.requestStatus.answered(DESK_MEMBER.name));
    expect(buttons(answered.body.attachments![0] as never).filter((b) => b.type !== 'Action.OpenUrl')).toEqual([]);

    // Pressing the old buttons again changes nothing and says so.
    const late = await inDesk(world, OTHER_MEMBER, { ...answerButton.data, deskAnswer: 'Another answer' }, cardId);
    expect(late.map((r) => r.text)).toEqual([en.desk.alreadyFinished(number)]);
    expect(world.calls.filter((call) => call.conversationId === `a:personal-${ASKER.id}`)).toHaveLength(1);

    // my requests shows it answered; nothing the user typed reached a log line, nor who anyone is.
    const mine = await world.send({ ...personalChat(ASKER), text: 'my requests' });
    expect(mine[0].text).toContain(`${number}: ${en.desk.statusWords.answered}`);
    const logs = world.logs.join('\n');
    for (const secret of ['EA from 2023', 'apply until renewal', ASKER.name, ASKER.aadObjectId, DESK_MEMBER.name, DESK_MEMBER.aadObjectId, DESK, number]) {
      expect(logs).not.toContain(secret);
    }
  });

  it('lets only one of two simultaneous "Take it" win; the other is told who has it', async () => {
    await world.inChannel(DESK, OWNER, 'set licensing desk');
    const { number } = await askAfterRefer();
    const card = deskCards()[0].body.attachments![0];
    const take = button(card, en.desk.take).data!;
    // A button's data pressed in another channel (someone who saw the number) acts on nothing.
    const elsewhere = await inDesk(world, OTHER_MEMBER, take, 'posted-1', '19:elsewhere@thread.tacv2');
    expect(elsewhere.map((reply) => reply.text)).toEqual([en.desk.onlyDesk]);
    const [first, second] = await Promise.all([inDesk(world, DESK_MEMBER, take, 'posted-1'), inDesk(world, OTHER_MEMBER, take, 'posted-1')]);
    const told = [...first, ...second].map((reply) => reply.text);
    expect(told).toHaveLength(1);
    expect([en.desk.alreadyTaken(number, DESK_MEMBER.name), en.desk.alreadyTaken(number, OTHER_MEMBER.name)]).toContain(told[0]);
  });

  it('closes without an answer: the asker sees the reason, the card says closed', async () => {
    await world.inChannel(DESK, OWNER, 'set licensing desk');
    const { number } = await askAfterRefer();
    const card = deskCards()[0].body.attachments![0];
    const close = buttons(card as never).find((b) => b.title === en.desk.sendClose)!;
    await inDesk(world, DESK_MEMBER, { ...close.data, deskReason: 'This needs your account manager: it is about a price.' }, 'posted-1');
    const toAsker = world.calls.find((call) => call.conversationId === `a:personal-${ASKER.id}`)!;
    const text = cardText(toAsker.body.attachments![0]);
    expect(text).toContain(en.desk.replyClosedHeading(number));
    expect(text).toContain('This needs your account manager');
    expect(cardText(world.calls.at(-1)!.body.attachments![0] as never)).toContain(en.desk.requestStatus.closed(DESK_MEMBER.name));
  });

  it('leaves the request answered with a note on the desk card when the asker cannot be reached', async () => {
    await world.inChannel(DESK, OWNER, 'set licensing desk');
    await askAfterRefer();
    world.unreachable.add(`a:personal-${ASKER.id}`);
    const card = deskCards()[0].body.attachments![0];
    const answer = buttons(card as never).find((b) => b.title === en.desk.sendAnswer)!;
    expect(await inDesk(world, DESK_MEMBER, { ...answer.data, deskAnswer: 'An answer nobody will read.' }, 'posted-1')).toEqual([]);
    const redrawn = cardText(world.calls.at(-1)!.body.attachments![0]);
    expect(redrawn).toContain(en.desk.requestStatus.answered(DESK_MEMBER.name));
    expect(redrawn).toContain(en.desk.askerNotReached);
    // Nothing was posted into the asker's chat but the one failed answer (no apology there).
    expect(world.calls.filter((call) => call.conversationId === `a:personal-${ASKER.id}`)).toHaveLength(1);
  });

  it('shows no ask button while no desk was ever registered: the operator log says how to set one up, and a button pressed anyway says the desk is not set up', async () => {
    const [answer] = (await world.send({ ...personalChat(ASKER), value: lastAnswer() }))[0].attachments!;
    expect(kindOf(answer as never)).toBe('answer');
    expect(buttons(answer as never).map((b) => b.title)).not.toContain(en.desk.askButton);
    const noMatch = (await world.send({ ...personalChat(ASKER), text: 'zzqx wobble frimble' }))[0].attachments![0];
    expect(buttons(noMatch as never).map((b) => b.title)).not.toContain(en.desk.askButton);
    expect(world.logs.filter((line) => line === en.desk.operatorNotSetUp)).toHaveLength(1);

    // A card with the button from a deployment that had a desk, pressed after its store was
    // replaced (a new storage account, a deleted .data/ folder): this deployment never had one.
    const before = await startDeskWorld();
    let stale: CardButton;
    try {
      await before.inChannel(DESK, OWNER, 'set licensing desk');
      stale = button((await before.send({ ...personalChat(ASKER), value: lastAnswer() }))[0].attachments![0], en.desk.askButton);
    } finally {
      await before.close();
    }
    const replies = await world.send({ ...personalChat(ASKER), value: stale.data });
    expect(replies.map((reply) => reply.text)).toEqual([en.desk.notSetUp]);
    expect(world.logs.filter((line) => line === en.desk.operatorNotSetUp)).toHaveLength(2);
    expect(world.calls).toEqual([]);
  });

  it('offers the desk on the first reply after the desk is registered on this instance', async () => {
    const before = (await world.send({ ...personalChat(ASKER), value: lastAnswer() }))[0].attachments![0];
    expect(buttons(before as never).map((b) => b.title)).not.toContain(en.desk.askButton);
    await world.inChannel(DESK, OWNER, 'set licensing desk');
    const after = (await world.send({ ...personalChat(ASKER), value: lastAnswer() }))[0].attachments![0];
    expect(button(after, en.desk.askButton).data).toMatchObject({ action: 'desk-ask', topic: referNode.topic });
  });

  it('tells the operator to name the desk owners first when the settings name nobody', async () => {
    const nobody = await startDeskWorld({ DESK_OWNER_IDS: '' });
    try {
      await nobody.send({ ...personalChat(ASKER), value: lastAnswer() });
      expect(nobody.logs).toContain(en.desk.operatorNoOwners);
      expect(nobody.logs).not.toContain(en.desk.operatorNotSetUp);
    } finally {
      await nobody.close();
    }
  });

  it('lists what waits, oldest first, in the desk channel only', async () => {
    await world.inChannel(DESK, OWNER, 'set licensing desk');
    const first = await askAfterRefer('First question?');
    const second = await askAfterRefer('Second question?');
    const listed = (await world.inChannel(DESK, DESK_MEMBER, 'open requests'))[0].text ?? '';
    expect(listed.indexOf(first.number)).toBeGreaterThan(-1);
    expect(listed.indexOf(first.number)).toBeLessThan(listed.indexOf(second.number));
    expect((await world.send({ ...personalChat(ASKER), text: 'open requests' })).map((r) => r.text)).toEqual([en.desk.openRequestsOnlyDesk]);
  });

  it('offers the desk on a free question that matched nothing, in Teams only', async () => {
    await world.inChannel(DESK, OWNER, 'set licensing desk');
    const teams = await world.send({ ...personalChat(ASKER), text: 'zzqx wobble frimble' });
    const card = teams[0].attachments![0];
    expect(kindOf(card as never)).toBe('no-match');
    expect(button(card, en.desk.askButton).data).toMatchObject({ action: 'desk-ask', question: 'zzqx wobble frimble' });
    // The user's own "${" never reaches a card as a template expression.
    const odd = (await world.send({ ...personalChat(ASKER), text: '${wobble}' }))[0].attachments![0];
    expect(JSON.stringify(odd.content)).not.toContain('${');
    expect(button(odd, en.desk.askButton).data).toMatchObject({ question: '$\u200b{wobble}' });
    const webChat = await world.send({ ...personalChat(ASKER), channelId: 'webchat', text: 'zzqx wobble frimble' });
    expect(buttons(webChat[0].attachments![0] as never).map((b) => b.title)).not.toContain(en.desk.askButton);
  });

  it('offers the desk on a free question with a caveat, and not on one the sources settle', async () => {
    await world.inChannel(DESK, OWNER, 'set licensing desk');
    const caveated = (await world.send({ ...personalChat(ASKER), text: 'Windows 11 VMs on AWS' }))[0].attachments![0];
    expect(kindOf(caveated)).toBe('search-results');
    expect(cardProblems(caveated)).toEqual([]);
    expect(button(caveated, en.desk.askButton).data).toMatchObject({ action: 'desk-ask', question: 'Windows 11 VMs on AWS' });
    const settled = (await world.send({ ...personalChat(ASKER), text: 'Can we run Windows VMs on AWS?' }))[0].attachments![0];
    expect(kindOf(settled)).toBe('search-results');
    expect(buttons(settled).map((b) => b.title)).not.toContain(en.desk.askButton);
  });

  it('offers the desk after "Was this helpful? No", with the decision that did not help', async () => {
    await world.inChannel(DESK, OWNER, 'set licensing desk');
    const permitted = allInterviewNodes().find((node) => node.decision.verdict === 'permitted')!;
    const answer = (
      await world.send({
        ...personalChat(ASKER),
        value: { action: 'feedback', v: permitted.decision.knowledge.version, topic: permitted.topic, facts: permitted.facts, helpful: false },
      })
    )[0].attachments![0];
    expect(kindOf(answer)).toBe('feedback-thanks');
    expect(cardProblems(answer)).toEqual([]);
    expect(button(answer, en.desk.askButton).data).toMatchObject({ action: 'desk-ask', topic: permitted.topic, facts: permitted.facts });
    const yes = (
      await world.send({
        ...personalChat(ASKER),
        value: { action: 'feedback', v: permitted.decision.knowledge.version, topic: permitted.topic, facts: permitted.facts, helpful: true },
      })
    )[0].attachments![0];
    expect(buttons(yes).map((b) => b.title)).not.toContain(en.desk.askButton);
  });
});
