import { VERDICT_HEADLINES } from '../../cards';
import { NOT_DECIDED_HEADLINE } from '../../cards/decision-link';
import { decide } from '../../core/decide';
import { search } from '../../reading/search';
import { TOPICS } from '../../core/topics';
import { TOPIC_IDS } from '../../core/types';
import { guideUrl } from '../../core/urls';
import { NO_MATCH_TEXT, PAGE_SIZE, starterSections, UNKNOWN_COMMAND_TEXT } from '../../bot/guide-search-extension';
import { en } from '../../wording/en';
import { guide, model, sectionTopic } from '../../core/knowledge';
import { buttons, cardProblems, cardText } from '../support/cards';
import { HttpChat, onlyCard } from '../support/http-chat';
import { ExtensionAttachment, ExtensionBody, extensionClient, initialRunQuery, queryLink, rawInvoke, searchQuery } from '../support/teams-invoke';
import { BASE_URL } from '../support/activities';

const SOURCES = Object.fromEntries(model.sources.map((source) => [source.id, source]));

// The message extension through POST /api/messages, with the invokes Teams sends: search from the
// compose box or command box (composeExtension/query) and links pasted into a message
// (composeExtension/queryLink). Teams takes the answer from the HTTP body.

const send = extensionClient(BASE_URL);

const attachmentsOf = (body: ExtensionBody): ExtensionAttachment[] => {
  expect(body.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
  return body.composeExtension.attachments!;
};

const titleOf = (attachment: ExtensionAttachment): string => attachment.preview!.content.title ?? '';

/** What every inserted section card must carry, checked against the guide itself. */
function expectSectionCard(attachment: ExtensionAttachment, sectionId: string) {
  const section = guide.sections.get(sectionId)!;
  expect(cardProblems(attachment, '1.3')).toEqual([]);
  const text = cardText(attachment);
  expect(text).toContain(section.title);
  expect(text).toContain(section.answer);
  for (const id of section.sourceIds) expect(text).toContain(`${SOURCES[id].title}. ${SOURCES[id].publisher}, ${SOURCES[id].date}`);
  expect(buttons(attachment)).toEqual([
    { type: 'Action.OpenUrl', title: 'Open in the guide', url: guideUrl(BASE_URL, section.document, section.id), data: undefined },
  ]);
  expect(attachment.preview).toMatchObject({ contentType: 'application/vnd.microsoft.card.thumbnail', content: { title: section.title } });
  expect(attachment.preview!.content.subtitle).toContain(SOURCES[section.sourceIds[0]].date);
  expect(attachment.preview!.content.text!.length).toBeGreaterThan(20);
}

describe('composeExtension/query: searching the guide from the compose box', () => {
  test('a question gets the same sections as a free question, best first, each with preview and card', async () => {
    const { status, body } = await send(searchQuery('Can we run Windows VMs on AWS?'));
    expect(status).toBe(200);
    const cards = attachmentsOf(body);
    const expected = search('Can we run Windows VMs on AWS?', { limit: PAGE_SIZE }).results;
    expect(cards.length).toBeGreaterThan(1);
    expect(cards.map(titleOf)).toEqual(expected.map((hit) => hit.title));
    cards.forEach((card, index) => expectSectionCard(card, expected[index].section));
  });

  test('from the command box it answers the same way', async () => {
    const compose = await send(searchQuery('refurbished PC without COA'));
    const commandBox = await send(searchQuery('refurbished PC without COA', { source: 'commandBox' }));
    expect(attachmentsOf(commandBox.body).map(titleOf)).toEqual(attachmentsOf(compose.body).map(titleOf));
  });

  test('never more than ten results, though Teams asks for 25', async () => {
    const { body } = await send(searchQuery('Windows license virtual machines per user device', { count: 25 }));
    const cards = attachmentsOf(body);
    expect(cards.length).toBeLessThanOrEqual(PAGE_SIZE);
    expect(cards.length).toBeGreaterThan(3);
  });

  test('a query that matches nothing gets a plain message, not an error', async () => {
    const { status, body } = await send(searchQuery('xyzzy plugh'));
    expect(status).toBe(200);
    expect(body).toEqual({ composeExtension: { type: 'message', text: NO_MATCH_TEXT } });
  });

  test('paging: skip and count walk through the results without repeats, then run out', async () => {
    const query = 'Windows license virtual machines per user device';
    const all = search(query, { limit: 50 }).results.map((hit) => hit.title);
    expect(all.length).toBeGreaterThan(6);
    const pages: string[][] = [];
    for (let skip = 0; skip < all.length + 3; skip += 3) {
      const { status, body } = await send(searchQuery(query, { skip, count: 3 }));
      expect(status).toBe(200);
      pages.push(attachmentsOf(body).map(titleOf));
    }
    expect(pages.slice(0, 2).every((page) => page.length === 3)).toBe(true);
    expect(pages.flat()).toEqual(all);
    // Past the end: an empty page (the list simply ends), not the "no match" message.
    expect(pages.at(-1)).toEqual([]);
  });

  test('initial run (the extension just opened): one starting section per topic, each insertable', async () => {
    const { status, body } = await send(initialRunQuery());
    expect(status).toBe(200);
    const cards = attachmentsOf(body);
    const starters = starterSections();
    expect(starters.map((section) => sectionTopic(section.id))).toEqual([...TOPIC_IDS]);
    expect(cards.map(titleOf)).toEqual(starters.map((section) => section.title));
    cards.forEach((card, index) => expectSectionCard(card, starters[index].id));
  });

  test('initial run pages too, and an empty search box shows the same starting sections', async () => {
    const second = attachmentsOf((await send(initialRunQuery({ skip: 4, count: 4 }))).body).map(titleOf);
    expect(second).toEqual(
      starterSections()
        .slice(4, 8)
        .map((section) => section.title),
    );
    const empty = attachmentsOf((await send(searchQuery('   '))).body).map(titleOf);
    expect(empty).toEqual(starterSections().map((section) => section.title));
  });

  test('a search the Playground sends (no command id, no parameter name) is answered too', async () => {
    const { body } = await send(rawInvoke('composeExtension/query', { parameters: [{ value: 'downgrade rights' }], queryOptions: { skip: 0, count: 25 } }));
    expect(attachmentsOf(body).map(titleOf)).toEqual(search('downgrade rights', { limit: PAGE_SIZE }).results.map((hit) => hit.title));
  });

  test.each([
    ['no value at all', undefined],
    ['a string value', 'refurbished'],
    ['parameters that are not a list', { commandId: 'searchGuide', parameters: 'refurbished' }],
    ['a parameter value that is an object', { commandId: 'searchGuide', parameters: [{ name: 'query', value: { $gt: '' } }] }],
    ['paging that is not numbers', { commandId: 'searchGuide', parameters: [{ name: 'query', value: 'COA' }], queryOptions: { skip: 'x', count: -5 } }],
    ['a 100 KB query', { commandId: 'searchGuide', parameters: [{ name: 'query', value: 'refurbished '.repeat(9000) }] }],
  ])('malformed: %s gets a 200 with a message or results, never an error', async (_name, value) => {
    const { status, body } = await send(rawInvoke('composeExtension/query', value));
    expect(status).toBe(200);
    expect(['message', 'result']).toContain(body.composeExtension.type);
  });

  test('a command this app does not have gets a plain message', async () => {
    const { status, body } = await send(searchQuery('COA', { commandId: 'deleteEverything' }));
    expect(status).toBe(200);
    expect(body).toEqual({ composeExtension: { type: 'message', text: UNKNOWN_COMMAND_TEXT } });
  });
});

describe('composeExtension/queryLink: unfurling pasted links', () => {
  const unfurled = async (url: string) => {
    const { status, body } = await send(queryLink(url));
    expect(status).toBe(200);
    return attachmentsOf(body);
  };

  test('a guide section link unfurls into that section', async () => {
    const section = guide.sections.get('vm-wvd')!;
    const [card, ...rest] = await unfurled(guideUrl(BASE_URL, section.document, section.id));
    expect(rest).toEqual([]);
    expectSectionCard(card, section.id);
  });

  test.each(guide.documents.map((document) => [document.id]))('a whole guide document (%s) unfurls into its title, summary and first sections', async (id) => {
    const document = guide.documents.find((candidate) => candidate.id === id)!;
    for (const url of [guideUrl(BASE_URL, id), `${guideUrl(BASE_URL, id)}#no-such-section`]) {
      const [card, ...rest] = await unfurled(url);
      expect(rest).toEqual([]);
      expect(cardProblems(card, '1.3')).toEqual([]);
      const text = cardText(card);
      expect(text).toContain(document.title);
      expect(text).toContain(`${document.sections.length} sections`);
      expect(text).toContain(document.sections[0].title);
      expect(buttons(card)).toEqual([expect.objectContaining({ type: 'Action.OpenUrl', title: 'Open in the guide', url: guideUrl(BASE_URL, id) })]);
      expect(titleOf(card)).toBe(document.title);
    }
  });

  test.each(TOPIC_IDS)('a decision record link of %s unfurls into the verdict, summary and first reasons', async (topic) => {
    const facts = Object.fromEntries(TOPICS[topic].facts.map((fact) => [fact.id, fact.options[0].value]));
    const decision = decide(topic, facts, { baseUrl: BASE_URL });
    const [card, ...rest] = await unfurled(decision.permalink);
    expect(rest).toEqual([]);
    expect(cardProblems(card, '1.3')).toEqual([]);
    const text = cardText(card);
    const headline = VERDICT_HEADLINES[decision.verdict!].text;
    expect(text).toContain(TOPICS[topic].question);
    expect(text).toContain(headline);
    expect(text).toContain(decision.summary);
    for (const reason of decision.reasons.slice(0, 3)) expect(text).toContain(reason.replace(/(?:\s*\[\d+\])+$/, ''));
    expect(text).not.toContain(en.notices.linkFromOtherGuide);
    expect(buttons(card)).toEqual([expect.objectContaining({ type: 'Action.OpenUrl', title: 'Open the decision record', url: decision.permalink })]);
    expect(card.preview!.content).toMatchObject({ title: headline, subtitle: TOPICS[topic].question, text: decision.summary });
  });

  test("a decision link from an older guide unfurls into today's answer, saying the guide changed", async () => {
    const decision = decide('used-pc', { transfer: 'license-only' }, { baseUrl: BASE_URL });
    const [card] = await unfurled(decision.permalink.replace(/v=[^&]+/, 'v=0ld'));
    expect(cardText(card)).toContain(en.notices.linkFromOtherGuide);
    expect(buttons(card)[0].url).toBe(decision.permalink);
  });

  test("a pasted record link keeps its caveats and answer date on the card's link", async () => {
    const decision = decide('used-pc', { transfer: 'license-only' }, { baseUrl: BASE_URL });
    const pasted = `${decision.permalink}&caveat=windows-11&on=2026-12-03`;
    const [card] = await unfurled(pasted);
    expect(buttons(card)[0].url).toBe(pasted);
  });

  test('a decision link that decides nothing yet says so', async () => {
    const decision = decide('virtual-machines', { where: 'azure' }, { baseUrl: BASE_URL });
    const [card] = await unfurled(decision.permalink);
    expect(cardText(card)).toContain(NOT_DECIDED_HEADLINE);
    expect(cardText(card)).toContain(decision.next!.prompt);
  });

  test.each([
    ['another site', 'https://example.org/guide/virtual-machines#vm-wvd'],
    ['another site that looks alike', 'https://licensing.example.com.evil.example/guide/virtual-machines'],
    ['our host over http', 'http://licensing.example.com/guide/virtual-machines'],
    ['our host on another port', 'https://licensing.example.com:8443/guide/virtual-machines'],
    ['the web chat page of our host', `${BASE_URL}/`],
  ])('a foreign link (%s) gets no card and no error', async (_name, url) => {
    expect(await unfurled(url)).toEqual([]);
  });

  test.each([
    ['not a URL', 'see the guide'],
    ['an empty URL', ''],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['an unknown guide document', `${BASE_URL}/guide/no-such-document#vm-wvd`],
    ['a guide path with dots', `${BASE_URL}/guide/..%2F..%2Fpackage.json`],
    ['a decision of an unknown topic', `${BASE_URL}/decision/refurbished-mac?coa=yes`],
    ['a decision with an unknown fact', `${BASE_URL}/decision/used-pc?colour=blue`],
    ['a decision with a bad value', `${BASE_URL}/decision/used-pc?transfer=stolen`],
    ['a decision with a fact twice', `${BASE_URL}/decision/used-pc?transfer=whole-pc&transfer=license-only`],
    ['a decision path that is not percent-encoding', `${BASE_URL}/decision/%E0%A4%A?coa=yes`],
    ['a decision with a caveat the knowledge does not have', `${BASE_URL}/decision/used-pc?transfer=whole-pc&caveat=windows-12`],
    ['a decision with a monster query', `${BASE_URL}/decision/used-pc?${'a=b&'.repeat(500)}`],
  ])('a malformed link (%s) gets no card and no error', async (_name, url) => {
    expect(await unfurled(url)).toEqual([]);
  });

  test.each([
    ['no value', undefined],
    ['a value without url', { link: `${BASE_URL}/guide/glossary` }],
    ['a url that is a number', { url: 42 }],
    ['a 10 KB url', { url: `${BASE_URL}/guide/glossary#${'x'.repeat(10_000)}` }],
  ])('a queryLink invoke with %s gets an empty result', async (_name, value) => {
    const { status, body } = await send(rawInvoke('composeExtension/queryLink', value));
    expect(status).toBe(200);
    expect(attachmentsOf(body)).toEqual([]);
  });
});

describe('other invokes keep the plain "not implemented here" answer', () => {
  test.each(['composeExtension/fetchTask', 'composeExtension/submitAction', 'composeExtension/anonymousQueryLink', 'adaptiveCard/action'])(
    '%s',
    async (name) => {
      const { status, body } = await send(rawInvoke(name, { url: `${BASE_URL}/guide/glossary` }));
      expect(status).toBe(200);
      expect(JSON.stringify(body)).toContain('type \\"help\\"');
    },
  );
});

describe('a card inserted from the extension and sent in the chat with the bot', () => {
  // As the Playground (and Teams in a personal chat) delivers it: Teams' placeholder markup as text, the card attached.
  const placeholder =
    '\n<span class="inline-compose-card" itemid="0" itemtype="http://schema.skype.com/InputExtension">\n  <span content="0" itemprop="cardId"></span>\n</span>\n';

  test('is the user sharing an answer: the bot stays quiet instead of searching the markup', async () => {
    const [card] = attachmentsOf((await send(searchQuery('downgrade rights'))).body);
    const chat = new HttpChat('msteams');
    expect(await chat.send({ text: placeholder, attachments: [{ contentType: card.contentType, content: card.content }] })).toEqual([]);
  });

  test('with words typed beside it, the words are answered', async () => {
    const [card] = attachmentsOf((await send(searchQuery('downgrade rights'))).body);
    const chat = new HttpChat('msteams');
    const reply = onlyCard(await chat.send({ text: 'What is a COA?', attachments: [{ contentType: card.contentType, content: card.content }] }));
    expect(cardText(reply)).toContain('From the guide');
  });
});
