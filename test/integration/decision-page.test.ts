import { VERDICT_HEADLINES } from '../../cards';
import { decide } from '../../core/decide';
import { TOPICS } from '../../core/topics';
import { TOPIC_IDS, TopicId } from '../../core/types';
import { guide, model } from '../../core/knowledge';
import { en } from '../../wording/en';
import { DecisionPageServer, startDecisionPageServer } from '../support/decision-page-server';
import { interviewTree } from '../cards/samples';

// The decision record page through the real local server, as a browser or a ticket system's
// link checker reaches it: every link it carries is followed on the same server.

let site: DecisionPageServer;
let base: string;
/** The page's own clock, fixed: the record says the day it was printed. */
const PRINTED = new Date('2026-12-05T09:30:00Z');

beforeAll(async () => {
  site = await startDecisionPageServer(PRINTED);
  base = site.base;
});

afterAll(() => site.close());

const page = async (path: string, init?: RequestInit) => {
  const response = await fetch(`${base}${path}`, init);
  return { response, html: await response.text() };
};

const pathOf = (url: string) => url.slice(base.length);
const decoded = (html: string) =>
  html
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/** Per topic, the first interview end of each verdict it can reach, and a few more. */
function sample(topic: TopicId) {
  const ends = interviewTree(topic).filter((node) => node.decision.verdict);
  const firstOfEach = [...new Map(ends.map((node) => [node.decision.verdict, node])).values()];
  const stride = ends.filter((_, index) => index % Math.max(1, Math.floor(ends.length / 4)) === 0);
  return [...new Set([...firstOfEach, ...stride])];
}

const guidePages = new Map<string, string>();
async function guidePage(path: string): Promise<string> {
  if (!guidePages.has(path)) {
    const { response, html } = await page(path);
    expect(response.status).toBe(200);
    guidePages.set(path, html);
  }
  return guidePages.get(path)!;
}

describe('GET /decision/<topic>: the record of one decision', () => {
  const cases = TOPIC_IDS.flatMap((topic) => sample(topic).map((node) => [topic, node.decision.verdict!, node.facts] as const));

  test.each(cases)('%s, %s, %j: 200, the verdict, the answers in words, sources that resolve', async (topic, verdict, facts) => {
    const decision = decide(topic, facts, { baseUrl: base });
    const { response, html } = await page(pathOf(decision.permalink));
    expect(response.status).toBe(200);
    const text = decoded(html);
    expect(text).toContain(TOPICS[topic].question);
    expect(text).toContain(`<p class="verdict ${verdict}">${VERDICT_HEADLINES[verdict].text}</p>`);
    expect(text).toContain(decision.summary);
    for (const fact of TOPICS[topic].facts.filter((f) => f.id in facts)) {
      expect(text).toContain(`<dt>${fact.prompt}</dt><dd>${fact.options.find((o) => o.value === facts[fact.id])!.label}</dd>`);
    }
    for (const requirement of decision.requirements) expect(text).toContain(requirement);
    for (const reason of decision.reasons) expect(text).toContain(reason);
    expect(text).toContain(`Guide version ${guide.version}.`);
    expect(text).toContain(en.disclaimer);
    expect(text).not.toContain(en.notices.recordFromOtherGuide);
    expect(decision.citations.length).toBeGreaterThan(0);
    for (const citation of decision.citations) {
      expect(html).toContain(`href="${citation.url}"`);
      const [path, anchor] = pathOf(citation.url).split('#');
      expect(await guidePage(path)).toContain(`<section id="${anchor}">`);
    }
  });

  // Contract v3's new values reach the page as the user answered them, in words.
  test.each([
    ['virtual-machines', { where: 'shared-third-party', license: 'retail' }],
    [
      'virtual-machines',
      { where: 'azure', license: 'education-per-user', device_os: 'education', primary_user: 'yes', instances: '1-4', win10_cu: 'yes', aad_activation: 'yes' },
    ],
    ['virtual-machines', { where: 'listed-provider', license: 'vda-per-user-addon', program: 'eligible', primary_user: 'yes', instances: '1-4' }],
    ['virtual-machines', { where: 'own-datacenter', license: 'enterprise-per-user-addon', program: 'eligible', device_os: 'other' }],
    [
      'virtual-machines',
      { where: 'own-datacenter', license: 'enterprise-per-device', program: 'eligible', access_from: 'licensed-device', device_os: 'other' },
    ],
    ['used-pc', { transfer: 'whole-pc', with_media_and_coa: 'coa-only' }],
  ] as const)('contract v3: %s %j renders with its answers in words', async (topic, facts) => {
    const decision = decide(topic, facts, { baseUrl: base });
    expect(decision.verdict).not.toBeNull();
    const { response, html } = await page(pathOf(decision.permalink));
    expect(response.status).toBe(200);
    const text = decoded(html);
    for (const fact of TOPICS[topic].facts.filter((f) => f.id in facts)) {
      expect(text).toContain(`<dt>${fact.prompt}</dt><dd>${fact.options.find((o) => o.value === (facts as Record<string, string>)[fact.id])!.label}</dd>`);
    }
    for (const requirement of decision.requirements) expect(text).toContain(requirement);
  });

  test('says what dates the sources speak for, and has a print stylesheet but no script', async () => {
    const decision = decide('virtual-machines', sample('virtual-machines')[0].facts, { baseUrl: base });
    const { response, html } = await page(pathOf(decision.permalink));
    expect(response.status).toBe(200);
    expect(html).toMatch(/The sources speak as of these dates:.*\[004\][^<]*April 2020/s);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script/i);
  });

  test('sends the same security headers as the guide pages', async () => {
    const decision = decide('used-pc', { transfer: 'whole-pc', with_media_and_coa: 'yes' }, { baseUrl: base });
    const record = await fetch(decision.permalink);
    const guidePageResponse = await fetch(`${base}/guide/glossary`);
    for (const name of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'content-type']) {
      expect(record.headers.get(name)).toBe(guidePageResponse.headers.get(name));
    }
    expect(record.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test("a link made with another guide version still renders today's answer, saying the guide changed", async () => {
    const decision = decide('used-pc', { transfer: 'license-only' }, { baseUrl: base });
    const old = pathOf(decision.permalink).replace(`v=${guide.version}`, 'v=0123456789ab');
    const { response, html } = await page(old);
    expect(response.status).toBe(200);
    expect(decoded(html)).toContain(en.notices.recordFromOtherGuide);
    expect(html).toContain(VERDICT_HEADLINES[decision.verdict!].text);
    expect(html).not.toContain('0123456789ab');
  });

  test('facts in any order, and a link without a version, give the same record', async () => {
    const a = await page('/decision/refurbished-pc?recovery=none&coa=yes&motherboard=original');
    const b = await page(`/decision/refurbished-pc?motherboard=original&coa=yes&recovery=none&v=${guide.version}`);
    expect(a.response.status).toBe(200);
    expect(a.html).toBe(b.html);
  });

  test('a link made before caveats and dates renders as before: no caveat, no answer date, the day it was printed', async () => {
    const decision = decide('used-pc', { transfer: 'whole-pc', with_media_and_coa: 'yes' }, { baseUrl: base });
    const { response, html } = await page(pathOf(decision.permalink));
    expect(response.status).toBe(200);
    expect(html).not.toContain(en.labels.notCovered);
    expect(html).not.toContain('Answer given on');
    expect(html).toContain(en.pages.printedOn('5 December 2026'));
  });

  test("caveat ids show today's sentences in the knowledge's order, whatever order the link gives; the answer's day is shown", async () => {
    const decision = decide('used-pc', { transfer: 'whole-pc', with_media_and_coa: 'yes' }, { baseUrl: base });
    const [first, second] = [model.vocabulary.caveats[0], model.vocabulary.caveats[2]];
    const { response, html } = await page(`${pathOf(decision.permalink)}&caveat=${second.id}&caveat=${first.id}&on=2026-12-06`);
    expect(response.status).toBe(200);
    const text = decoded(html);
    expect(text).toContain(`${en.labels.notCovered}:`);
    expect(text.indexOf(first.text)).toBeGreaterThan(-1);
    expect(text.indexOf(first.text)).toBeLessThan(text.indexOf(second.text));
    // A day ahead of the page's own clock is allowed: the bot's and the page's clocks may straddle midnight.
    expect(text).toContain('Answer given on 6 December 2026. Page printed on 5 December 2026.');
    // The verdict and its caveats come before the answers they rest on.
    expect(text.indexOf('class="verdict')).toBeLessThan(text.indexOf(second.text));
    expect(text.indexOf(second.text)).toBeLessThan(text.indexOf(`>${en.pages.answersGiven}</h2>`));
  });

  test('a link whose facts decide nothing yet names the question still open', async () => {
    const decision = decide('virtual-machines', { where: 'azure' }, { baseUrl: base });
    const { response, html } = await page(pathOf(decision.permalink));
    expect(response.status).toBe(200);
    expect(decoded(html)).toContain(decision.next!.prompt);
    expect(html).toContain('Not decided yet');
  });

  test('HEAD answers like GET without a body; POST is refused with a page, not a stack trace', async () => {
    const head = await fetch(`${base}/decision/used-pc?transfer=whole-pc&with_media_and_coa=no`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await page('/decision/used-pc', { method: 'POST', body: 'x' });
    expect(post.response.status).toBe(405);
    expect(post.html).toContain('<h1>This decision link cannot be read</h1>');
  });
});

describe('GET /decision/<topic> with bad input: a 400 page naming the valid choices, echoing nothing', () => {
  const evil = '<script>alert(1)</script>';
  const cases: [string, string, RegExp][] = [
    ['unknown topic', `/decision/${encodeURIComponent(evil)}?coa=yes`, /<li>refurbished-pc \(/],
    ['unknown topic, plain', '/decision/refurbished-mac?coa=yes', /<li>vdi-license-choice \(/],
    ['unknown fact', `/decision/used-pc?transfer=whole-pc&${encodeURIComponent(evil)}=yes`, /<li>with_media_and_coa \(/],
    ['unknown fact, plain', '/decision/used-pc?colour=blue', /<li>transfer \(/],
    ['value outside the list', `/decision/used-pc?transfer=${encodeURIComponent(evil)}`, /<li>whole-pc \(.*<li>license-only \(/s],
    ['empty value', '/decision/refurbished-pc?coa=', /<li>yes \(.*<li>no \(/s],
    ['a fact given twice', '/decision/used-pc?transfer=whole-pc&transfer=license-only', /gives one of its answers \(or its version\) twice/],
    ['the version given twice', `/decision/used-pc?transfer=whole-pc&v=1&v=${encodeURIComponent(evil)}`, /twice/],
    ['an overlong value', `/decision/used-pc?transfer=${'x'.repeat(500)}${encodeURIComponent(evil)}`, /<li>refurbished-pc \(/],
    ['too many parameters', `/decision/used-pc?${Array.from({ length: 40 }, (_, i) => `f${i}=${encodeURIComponent(evil)}`).join('&')}`, /<li>used-pc \(/],
    ['an overlong topic', `/decision/${'t'.repeat(200)}${encodeURIComponent(evil)}`, /<li>prior-versions \(/],
    ['an unknown caveat', `/decision/used-pc?transfer=whole-pc&caveat=windows-12`, /<li>windows-11<\/li>.*<li>office<\/li>/s],
    ['an unknown caveat, hostile', `/decision/used-pc?transfer=whole-pc&caveat=${encodeURIComponent(evil)}`, /<li>windows-server<\/li>/],
    ['a caveat given twice', '/decision/used-pc?transfer=whole-pc&caveat=office&caveat=office', /twice/],
    ['a day that does not exist', '/decision/used-pc?transfer=whole-pc&on=2026-02-30', /not a real day/],
    ['a date that is not a day', `/decision/used-pc?transfer=whole-pc&on=${encodeURIComponent(evil)}`, /not a real day/],
    ['a date in another format', '/decision/used-pc?transfer=whole-pc&on=03.12.2026', /not a real day/],
    ['a date after tomorrow', '/decision/used-pc?transfer=whole-pc&on=2026-12-07', /later than today/],
    ['the date given twice', '/decision/used-pc?transfer=whole-pc&on=2026-12-01&on=2026-12-02', /twice/],
  ];

  test.each(cases)('%s', async (_name, path, choices) => {
    const { response, html } = await page(path);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(html).toContain('<h1>This decision link cannot be read</h1>');
    expect(html).toMatch(choices);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('alert(1)');
    expect(html).not.toContain('xxxxxxxxxx');
    expect(html).not.toMatch(/refurbished-mac|colour|blue|at \w+ \(|Error:/);
  });

  test('a path that is not valid percent-encoding is a plain 404, not a crash', async () => {
    const { response } = await page('/decision/%E0%A4%A');
    expect(response.status).toBe(404);
  });
});
