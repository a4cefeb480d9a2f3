import { answerCard } from '../../bot/replies';
import { runCli } from '../../cli/run';
import { sourceDate } from '../../core/guide';
import { guide, model } from '../../core/knowledge';
import { createDecisionHandler } from '../../handlers/decision';
import { guideHandler } from '../../handlers/guide';
import { cardText } from '../support/cards';
import { allInterviewNodes } from '../cards/samples';
import { BASE_URL } from '../support/activities';
import { httpRequest } from '../support/http';

// Each source's date and scope travel with what it says: the answer card, the command line, the
// decision record and the guide page name the document and its date beside every citation, and
// for the 2009 page and the April 2020 brief also what they are limited to.

const pageText = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const get = async (handler: (request: ReturnType<typeof httpRequest>) => unknown, path: string, params: Record<string, string>) => {
  const response = (await handler(httpRequest({ method: 'GET', path, params }))) as { status?: number; body?: unknown };
  expect(response.status).toBe(200);
  return pageText(String(response.body));
};

const source = (id: string) => model.sources.find((s) => s.id === id)!;

describe.each([
  ['004', 'virtual-machines', 'Windows 10 only'],
  ['001', 'refurbished-pc', 'many years old'],
])('source [%s]', (sourceId, topic, scope) => {
  const dated = sourceDate(source(sourceId));
  const node = allInterviewNodes().find((n) => n.topic === topic && n.decision.verdict && n.decision.citations.length)!;

  it('has a scope that is shown with its date', () => {
    expect(dated).toBe(`${source(sourceId).date} (${source(sourceId).scope})`);
    expect(dated).toContain(scope);
  });

  it('is dated and scoped on the answer card, the command line and the decision record', async () => {
    expect(cardText(answerCard(node, node.decision))).toContain(dated);
    const cli = runCli(['decide', node.topic, ...Object.entries(node.facts).map(([fact, value]) => `${fact}=${value}`)]);
    expect(cli.stdout).toContain(dated);
    const link = new URL(node.decision.permalink);
    const page = await get(createDecisionHandler({ baseUrl: BASE_URL }), link.pathname + link.search, { topic: node.topic });
    expect(page).toContain(`[${sourceId}] ${source(sourceId).title}. ${source(sourceId).publisher}: ${dated}.`);
  });

  it('is dated and scoped under every section of the guide page that restates it', async () => {
    const documents = guide.documents.filter((d) => d.sections.some((s) => s.sourceIds.includes(sourceId)));
    for (const document of documents) {
      const page = await get(guideHandler, `/guide/${document.id}`, { document: document.id });
      const restating = document.sections.filter((s) => s.sourceIds.includes(sourceId)).length;
      expect(page.split(dated).length - 1).toBeGreaterThanOrEqual(restating);
    }
  });
});
