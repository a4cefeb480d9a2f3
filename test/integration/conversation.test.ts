import { VERDICT_HEADLINES } from '../../cards';
import { decide } from '../../core/decide';
import { TOPICS } from '../../core/topics';
import { TOPIC_IDS, TopicId } from '../../core/types';
import { guideHandler } from '../../handlers/guide';
import { headline, kindOf, buttons, CardButton, cardProblems, cardText, choiceSets, presetInputs, textLinks } from '../support/cards';
import { httpRequest, Card } from '../support/http';
import { BASE_URL, MENTION, USER } from '../support/activities';
import { HttpChat, onlyCard, startFakeConnector } from '../support/http-chat';
import { answerUntilVerdict, buttonTitled, optionPress, Pick } from '../support/interview-driver';

// Whole conversations through POST /api/messages: the same path Teams, Web Chat and the Emulator use.

const button = (card: Card, title: string | RegExp): CardButton => buttonTitled(card, title);
const pressIn = (chat: HttpChat) => async (b: CardButton, inputs?: Record<string, string>) => onlyCard(await chat.press(b, inputs));

// Teams greets on install; the other channels when the user joins the conversation.
const welcome = (chat: HttpChat) =>
  chat.cardFor(chat.channelId === 'msteams' ? { type: 'installationUpdate', action: 'add' } : { type: 'conversationUpdate', membersAdded: [USER] });

async function interview(chat: HttpChat, topic: TopicId, pick: Pick) {
  const first = onlyCard(await chat.press(button(await welcome(chat), TOPICS[topic].title)));
  return answerUntilVerdict(pressIn(chat), topic, first, pick, {}, (card, _step, asked) => {
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(asked.prompt);
  });
}

// Each citation's section title is a link to the guide.
const citationUrls = (card: Card) =>
  textLinks(card)
    .map((link) => link.url)
    .filter((url) => url.startsWith(`${BASE_URL}/guide/`));
const shareUrl = (card: Card) => buttons(card).find((b) => b.title === 'Share this answer')?.url;

describe('through the HTTP handler: a full interview for every topic, from the welcome button to the verdict', () => {
  const picks: [string, (count: number) => number][] = [
    ['first', () => 0],
    ['last', (count) => count - 1],
    ['middle', (count) => Math.floor(count / 2)],
  ];
  describe.each(picks)('always choosing the %s option', (_name, pick) => {
    test.each(TOPIC_IDS)('%s ends in the verdict decide() gives for the answers', async (topic) => {
      const today = () => new Date().toISOString().slice(0, 10);
      const before = today();
      const { card, facts } = await interview(new HttpChat(), topic, pick);
      expect(kindOf(card)).toBe('answer');
      expect(cardProblems(card)).toEqual([]);
      const decision = decide(topic, facts, { baseUrl: BASE_URL });
      expect(headline(card)).toBe(VERDICT_HEADLINES[decision.verdict!].text);
      expect(cardText(card)).toContain(decision.summary);
      expect(citationUrls(card)).toEqual(decision.citations.map((c) => c.url));
      // The core's permalink, plus the day the bot gave the answer (decision record 0020), whichever side of midnight.
      expect([before, today()].map((day) => `${decision.permalink}&on=${day}`)).toContain(shareUrl(card));
    });
  });
});

describe('through the HTTP handler: moving around in an interview', () => {
  test('Back returns to the previous question with the later answer removed', async () => {
    const chat = new HttpChat();
    const first = onlyCard(await chat.press(button(await welcome(chat), TOPICS['refurbished-pc'].title)));
    const second = onlyCard(await chat.press(...optionPress(first, 'Still the original board')));
    expect(cardText(second)).toContain(TOPICS['refurbished-pc'].facts[1].prompt);
    const back = onlyCard(await chat.press(button(second, 'Back')));
    expect(cardText(back)).toContain(TOPICS['refurbished-pc'].facts[0].prompt);
    expect(cardText(back)).toContain('Your answer so far: Still the original board');
    expect(presetInputs(back)).toEqual({ value: 'original' });
  });

  test('"Start this check again" on an answer begins the same topic again', async () => {
    const chat = new HttpChat();
    const { card } = await interview(chat, 'used-pc', () => 1);
    const again = onlyCard(await chat.press(button(card, 'Start this check again')));
    expect(kindOf(again)).toBe('question');
    expect(cardText(again)).toContain(TOPICS['used-pc'].facts[0].prompt);
  });

  test('Change re-asks one answer and re-decides with the others kept (what-if)', async () => {
    const chat = new HttpChat();
    const { card } = await interview(chat, 'used-pc', () => 0); // whole PC, with media and COA
    expect(headline(card)).toBe(VERDICT_HEADLINES.permitted.text);
    const changeButtons = buttons(card).filter((b) => b.title === 'Change');
    const mediaChange = changeButtons.find((b) => b.data?.fact === 'with_media_and_coa')!;
    const question = onlyCard(await chat.press(mediaChange));
    const changed = onlyCard(await chat.press(...optionPress(question, 'No, the COA does not go along')));
    expect(headline(changed)).toBe(VERDICT_HEADLINES['not-permitted'].text);
  });
});

describe('through the HTTP handler: free questions', () => {
  test('a question that states facts offers "Check my case", which leads through the confirm step to a verdict', async () => {
    const chat = new HttpChat();
    const results = await chat.cardFor({ text: 'Can we run Windows VMs on AWS for our VDA per user licensed staff?' });
    expect(kindOf(results)).toBe('search-results');
    expect(cardText(results)).toMatch(/Listed Provider/);
    const confirm = onlyCard(await chat.press(button(results, /Check my case/)));
    expect(kindOf(confirm)).toBe('confirm');
    const read = { where: 'listed-provider', license: 'vda-per-user' };
    const first = onlyCard(await chat.press(button(confirm, 'Confirm and continue'), presetInputs(confirm)));
    const { card, facts } = await answerUntilVerdict(pressIn(chat), 'virtual-machines', first, () => 0, read);
    expect(headline(card)).toBe(VERDICT_HEADLINES[decide('virtual-machines', facts).verdict!].text);
  });

  test('a question without facts shows the best sections with links opening the guide', async () => {
    const results = await new HttpChat().cardFor({ text: 'what does COA mean' });
    expect(kindOf(results)).toBe('search-results');
    expect(textLinks(results).some((link) => link.url.startsWith(`${BASE_URL}/guide/`))).toBe(true);
  });

  test('gibberish says plainly that nothing matched and offers the topics', async () => {
    const card = await new HttpChat().cardFor({ text: 'zxqv wplm trsk' });
    expect(kindOf(card)).toBe('no-match');
    for (const topic of TOPIC_IDS) expect(cardText(card)).toContain(TOPICS[topic].title);
  });
});

describe('through the HTTP handler: commands in a Teams channel', () => {
  test.each([
    ['help', 'help'],
    ['TOPICS', 'welcome'],
    ['Start Over', 'welcome'],
    ['restart', 'welcome'],
  ])('"@Licensing Assistant %s" works once the mention is removed', async (command, kind) => {
    const chat = new HttpChat('msteams');
    const card = await chat.cardFor({
      text: `<at>Licensing Assistant</at> ${command}`,
      conversation: { id: '19:channel@thread.tacv2', conversationType: 'channel', isGroup: true },
      entities: [MENTION],
    });
    expect(kindOf(card)).toBe(kind);
  });
});

describe('through the HTTP handler: tampered submit data', () => {
  test.each([
    ['an unknown topic', { action: 'start', v: 'x', topic: 'laptops', facts: {} }],
    ['a value outside the fact', { action: 'answer', v: 'x', topic: 'used-pc', facts: {}, history: [], fact: 'transfer', value: 'stolen' }],
    ['facts of the wrong type', { action: 'answer', v: 'x', topic: 'used-pc', facts: 'all of them', history: [], fact: 'transfer', value: 'whole-pc' }],
    ['an unknown action', { action: 'format-c', v: 'x' }],
    ['a deeply nested blob', JSON.parse('{"a":'.repeat(200) + '1' + '}'.repeat(200))],
  ])('%s gets a friendly restart card, never an error', async (_name, value) => {
    const card = await new HttpChat().cardFor({ value });
    expect(kindOf(card)).toBe('restart');
    expect(cardProblems(card)).toEqual([]);
  });
});

describe('through the HTTP handler: Teams replaces the answered card in place', () => {
  test('the card that was answered is updated to "You said" through the connector, then the next card arrives', async () => {
    const connector = await startFakeConnector();
    try {
      const chat = new HttpChat('msteams', connector.url);
      const first = onlyCard(await chat.press(button(await welcome(chat), TOPICS['used-pc'].title)));
      const replies = await chat.press(...optionPress(first, 'The PC itself goes to the new owner'), { replyToId: 'card-activity-42' });
      expect(kindOf(onlyCard(replies))).toBe('question');
      const update = connector.calls.find((call) => call.method === 'PUT');
      expect(update?.path).toBe('/v3/conversations/conversation-1/activities/card-activity-42');
      const updated = (update!.body as { attachments: Card[] }).attachments[0];
      expect(cardText(updated)).toMatch(/You said/);
      expect(cardText(updated)).toMatch(/The PC itself goes to the new owner/);
      expect(buttons(updated).filter((b) => b.type === 'Action.Submit')).toEqual([]);
    } finally {
      await connector.close();
    }
  });
});

describe('through the HTTP handler: Back in Teams retires the card it was pressed on', () => {
  test('the question left is updated through the connector to say so, with no buttons left; the earlier question comes back with its answer', async () => {
    const connector = await startFakeConnector();
    try {
      const chat = new HttpChat('msteams', connector.url);
      const first = onlyCard(await chat.press(button(await welcome(chat), TOPICS['refurbished-pc'].title)));
      const second = onlyCard(await chat.press(...optionPress(first, 'Still the original board')));
      const replies = await chat.press(button(second, 'Back'), {}, { replyToId: 'card-activity-43' });
      const back = onlyCard(replies);
      expect(cardText(back)).toContain(TOPICS['refurbished-pc'].facts[0].prompt);
      expect(cardText(back)).toContain('Your answer so far: Still the original board');

      const update = connector.calls.find((call) => call.method === 'PUT' && call.path.endsWith('/card-activity-43'));
      expect(update?.path).toBe('/v3/conversations/conversation-1/activities/card-activity-43');
      const retired = (update!.body as { attachments: Card[] }).attachments[0];
      expect(kindOf(retired)).toBe('answered');
      expect(cardText(retired)).toBe(`${TOPICS['refurbished-pc'].facts[1].prompt}\nYou went back to the question before this one.`);
      expect(buttons(retired)).toEqual([]);
      expect(choiceSets(retired)).toEqual([]);
    } finally {
      await connector.close();
    }
  });

  test('"Start this check again" on a question retires that question the same way, and the check starts at its first question', async () => {
    const connector = await startFakeConnector();
    try {
      const chat = new HttpChat('msteams', connector.url);
      const first = onlyCard(await chat.press(button(await welcome(chat), TOPICS['refurbished-pc'].title)));
      const second = onlyCard(await chat.press(...optionPress(first, 'Still the original board')));
      const again = onlyCard(await chat.press(button(second, 'Start this check again'), {}, { replyToId: 'card-activity-45' }));
      expect(cardText(again)).toContain(TOPICS['refurbished-pc'].facts[0].prompt);
      expect(cardText(again)).not.toContain('Your answer so far');

      const update = connector.calls.find((call) => call.method === 'PUT' && call.path.endsWith('/card-activity-45'));
      const retired = (update!.body as { attachments: Card[] }).attachments[0];
      expect(kindOf(retired)).toBe('answered');
      expect(cardText(retired)).toBe(`${TOPICS['refurbished-pc'].facts[1].prompt}\nYou started this check again.`);
      expect(buttons(retired)).toEqual([]);
    } finally {
      await connector.close();
    }
  });

  test('outside Teams nothing is edited, and Back pressed twice on the same old card gives the same question', async () => {
    const connector = await startFakeConnector();
    try {
      const chat = new HttpChat('emulator', connector.url);
      const first = onlyCard(await chat.press(button(await welcome(chat), TOPICS['used-pc'].title)));
      const second = onlyCard(await chat.press(...optionPress(first, 'The PC itself goes to the new owner')));
      const once = onlyCard(await chat.press(button(second, 'Back'), {}, { replyToId: 'card-activity-44' }));
      const twice = onlyCard(await chat.press(button(second, 'Back'), {}, { replyToId: 'card-activity-44' }));
      expect(twice).toEqual(once);
      expect(cardText(once)).toContain('Your answer so far: The PC itself goes to the new owner');
      expect(connector.calls.filter((call) => call.method === 'PUT')).toEqual([]);
    } finally {
      await connector.close();
    }
  });
});

describe('every citation link in every answer card', () => {
  test('opens a guide page (200) that contains the cited section’s anchor', async () => {
    const urls = new Set<string>();
    const walk = (topic: TopicId, facts: Record<string, string>) => {
      const decision = decide(topic, facts, { baseUrl: BASE_URL });
      if (!decision.next) return decision.citations.forEach((c) => urls.add(c.url));
      for (const option of decision.next.options) walk(topic, { ...facts, [decision.next.fact]: option.value });
    };
    TOPIC_IDS.forEach((topic) => walk(topic, {}));
    expect(urls.size).toBeGreaterThan(20);
    for (const url of urls) {
      const { pathname, hash } = new URL(url);
      const document = pathname.replace(/^\/guide\//, '');
      const response = await guideHandler(httpRequest({ method: 'GET', path: pathname, params: { document } }));
      expect(response.status).toBe(200);
      expect(response.body as string).toContain(`id="${hash.slice(1)}"`);
    }
  });
});
