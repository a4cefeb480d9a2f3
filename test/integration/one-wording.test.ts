import { answerCard, helpCard } from '../../bot/replies';
import { answerQueryLink } from '../../bot/link-unfurl';
import { runCli } from '../../cli/run';
import { parseConfig } from '../../config/config';
import { guide } from '../../core/knowledge';
import { VERDICTS } from '../../core/types';
import { createDecisionHandler } from '../../handlers/decision';
import { guideHandler } from '../../handlers/guide';
import { createHomeHandler } from '../../handlers/home';
import { en } from '../../wording/en';
import { cardText } from '../support/cards';
import { allInterviewNodes } from '../cards/samples';
import { BASE_URL } from '../support/activities';
import { httpRequest } from '../support/http';

// The product says the same thing everywhere: the verdict headline and the disclaimer come from
// the one wording catalog on the answer card, the command line, the decision record page and its
// unfurled card, the guide pages, the help card and the Web Chat page.

const answers = allInterviewNodes().filter((node) => node.decision.verdict);

/** The text a browser shows: tags dropped, entities decoded. */
const pageText = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const get = async (handler: (request: ReturnType<typeof httpRequest>) => unknown, path: string, params: Record<string, string>) => {
  const response = (await handler(httpRequest({ method: 'GET', path, params }))) as { status?: number; body?: unknown };
  expect(response.status).toBe(200);
  return pageText(String(response.body));
};

describe.each(VERDICTS)('the %s verdict', (verdict) => {
  const node = answers.find((candidate) => candidate.decision.verdict === verdict)!;
  const { decision } = node;
  const headline = en.verdicts[verdict];

  it('has one headline and one disclaimer on the card, the command line, the record page and the unfurled link', async () => {
    const card = cardText(answerCard(node, decision));
    expect(card).toContain(headline);
    expect(card).toContain(en.smallPrint(guide.version));

    const cli = runCli(['decide', node.topic, ...Object.entries(node.facts).map(([fact, value]) => `${fact}=${value}`)]);
    expect(cli.stdout).toContain(en.cli.verdict(headline));
    expect(cli.stdout).toContain(en.smallPrint(guide.version));

    const path = new URL(decision.permalink).pathname + new URL(decision.permalink).search;
    const page = await get(createDecisionHandler({ baseUrl: BASE_URL }), path, { topic: node.topic });
    expect(page).toContain(headline);
    expect(page).toContain(en.disclaimer);
    expect(page).toContain(en.guideVersion(guide.version));

    const unfurled = answerQueryLink({ url: decision.permalink }, BASE_URL).body.composeExtension;
    expect(unfurled.type).toBe('result');
    const [attachment] = unfurled.type === 'result' ? unfurled.attachments : [];
    expect(cardText(attachment)).toContain(headline);
    expect(cardText(attachment)).toContain(en.smallPrint(guide.version));
    expect(attachment.preview.content.title).toBe(headline);
  });
});

describe('the disclaimer', () => {
  it('closes every guide page and the help card', async () => {
    expect(await get(guideHandler, '/guide', {})).toContain(en.smallPrint(guide.version));
    for (const document of guide.documents) {
      expect(await get(guideHandler, `/guide/${document.id}`, { document: document.id })).toContain(en.smallPrint(guide.version));
    }
    expect(cardText(helpCard())).toContain(en.smallPrint(guide.version));
  });

  it('is the Web Chat page terms of use', async () => {
    const home = createHomeHandler({ config: parseConfig({ DIRECT_LINE_ENDPOINT: 'https://europe.directline.botframework.com' }) });
    expect(await get(home, '/', {})).toContain(en.disclaimer);
  });

  it('keeps its substance: dated sources, the customer’s agreement and the Product Terms govern', () => {
    expect(en.disclaimer).toMatch(/restates the cited Microsoft sources as of their dates/);
    expect(en.disclaimer).toMatch(/customer's own licensing agreement and the current Microsoft Product Terms govern/);
    expect(en.smallPrint('v1')).toMatch(/Guide version v1\.$/);
  });
});
