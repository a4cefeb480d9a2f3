import { InvocationContext } from '@azure/functions';
import { decideTraced } from '../../core/decide';
import { TOPICS } from '../../core/topics';
import { TopicId } from '../../core/types';
import { parseConfig } from '../../config/config';
import { MAX_ACTIVITY_BYTES } from '../../handlers/http-errors';
import { createMessagesHandler } from '../../handlers/messages';
import { NO_TELEMETRY, TurnRecord } from '../../telemetry/app-insights';
import { buttons, CardButton, choiceSets } from '../support/cards';
import { activity } from '../support/activities';
import { httpRequest, jsonOf } from '../support/http';

// What operators see of a conversation: one structured JSON line per request through the
// Functions InvocationContext (which the host forwards to Application Insights), refused requests
// included, with what happened and never what the user wrote or who they are. With Application
// Insights export on, the same record goes there instead (test/telemetry/app-insights-on.test.ts).

// Everything that identifies the user or their organisation, as Teams sends it.
const IDENTITY = {
  from: { id: '29:1xQ-user-aad-id-7Hk', name: 'Ada Lovelace', aadObjectId: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' },
  conversation: { id: 'a:1Secret-Conversation-Id', conversationType: 'personal', tenantId: '9b1c2d3e-aaaa-4bbb-8ccc-0123456789ab' },
  channelData: { tenant: { id: '9b1c2d3e-aaaa-4bbb-8ccc-0123456789ab' } },
};
const SECRETS = ['29:1xQ-user-aad-id-7Hk', 'Ada', 'Lovelace', '3f2504e0', 'Secret-Conversation', '9b1c2d3e'];

type Card = { contentType: string; content: Record<string, unknown> };

interface Turn {
  cards: Card[];
  lines: Line[];
}

const context = () =>
  new InvocationContext({ functionName: 'messages', logHandler: (level, ...args) => logged.push({ level, text: args.map(String).join(' ') }) });
/** The record lines logged so far (every other line is a diagnostic sentence, not JSON). */
const recordLines = (from = 0): Line[] =>
  logged
    .slice(from)
    .filter((entry) => entry.text.startsWith('{'))
    .map((entry) => JSON.parse(entry.text) as Line);

type Line = Record<string, unknown>;

const logged: { level: string; text: string }[] = [];
const consoleOutput: string[] = [];
const handler = createMessagesHandler({ config: parseConfig({ DESK_STORE_FILE: ':memory:' }), telemetry: NO_TELEMETRY });

beforeEach(() => {
  logged.length = 0;
  consoleOutput.length = 0;
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleOutput.push(args.map(String).join(' ')));
  }
});
afterEach(() => jest.restoreAllMocks());

async function send(fields: Record<string, unknown>): Promise<Turn> {
  const before = logged.length;
  const body = JSON.stringify(
    activity({
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      recipient: { id: '28:bot-app-id', name: 'Licensing Assistant' },
      locale: 'en-GB',
      ...IDENTITY,
      ...fields,
    }),
  );
  const response = await handler(httpRequest({ body }), context());
  expect(response.status).toBe(200);
  const activities = (jsonOf(response) as { activities: { attachments?: Card[] }[] }).activities;
  const lines = logged.slice(before).map((entry) => JSON.parse(entry.text) as Line);
  return { cards: activities.flatMap((reply) => reply.attachments ?? []), lines };
}

const press = (button: CardButton, inputs: Record<string, string> = {}) => send({ value: { ...button.data, ...inputs } });

function buttonTitled(card: Card, title: string): CardButton {
  const found = buttons(card).find((b) => b.title === title);
  if (!found)
    throw new Error(
      `no "${title}" among ${buttons(card)
        .map((b) => b.title)
        .join(', ')}`,
    );
  return found;
}

/** Everything the operator can see: the InvocationContext lines and anything printed. */
const everythingLogged = () => [...logged.map((entry) => entry.text), ...consoleOutput].join('\n');

function expectNothingPersonal(extra: string[] = []) {
  const text = everythingLogged();
  for (const secret of [...SECRETS, ...extra]) expect(text).not.toContain(secret);
}

describe('one structured log line per turn, and nothing personal in it', () => {
  it('logs a whole interview (welcome, topic, every answer, verdict, vote) with what happened at each step', async () => {
    const topic: TopicId = 'refurbished-pc';
    // Installing the app in Teams is what greets the user.
    const welcome = await send({ type: 'installationUpdate', action: 'add' });
    let card = welcome.cards[0];
    let turn = await press(buttonTitled(card, TOPICS[topic].title));
    const facts: Record<string, string> = {};
    const turns = [welcome, turn];
    while (choiceSets(turn.cards[0]).length || buttons(turn.cards[0]).some((b) => b.data?.action === 'answer')) {
      card = turn.cards[0];
      const [list] = choiceSets(card);
      if (list) {
        const asked = turn.lines[0].asked as string;
        facts[asked] = list.choices[0].value;
        turn = await press(buttonTitled(card, 'Next'), { value: list.choices[0].value });
      } else {
        const answer = buttons(card).find((b) => b.data?.action === 'answer')!;
        facts[String(answer.data!.fact)] = String(answer.data!.value);
        turn = await press(answer);
      }
      turns.push(turn);
    }
    const verdictTurn = turn;
    const vote = await press(buttonTitled(verdictTurn.cards[0], 'Yes'));
    turns.push(vote);

    // Exactly one line per turn, each with the fields operators filter on.
    for (const { lines } of turns) {
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ event: 'turn', channel: 'msteams', status: 200, outcome: 'ok', latencyMs: expect.any(Number) });
      expect(lines[0].activityType).toEqual(expect.any(String));
      // One name for the activity's type.
      expect(lines[0]).not.toHaveProperty('type');
    }
    expect(welcome.lines[0]).toMatchObject({ activityType: 'installationUpdate', action: 'welcome' });
    expect(turns[1].lines[0]).toMatchObject({ activityType: 'message', action: 'start', topic, asked: expect.any(String) });
    expect(verdictTurn.lines[0]).toMatchObject({ action: 'answer', topic, verdict: expect.any(String), rules: decideTraced(topic, facts).rules });
    expect(verdictTurn.lines[0].rules).not.toHaveLength(0);
    expect(vote.lines[0]).toMatchObject({ action: 'feedback', topic, verdict: verdictTurn.lines[0].verdict, vote: 'yes' });

    expectNothingPersonal();
  });

  it('logs a free question by what was found, never by its words, an email address or a name in it', async () => {
    const question = 'Hi, this is Grace Hopper (grace.hopper@contoso.com, +44 20 7946 0958). Can we reimage refurbished PCs with our volume license media?';
    const turn = await send({ text: question });
    expect(turn.cards).toHaveLength(1);
    expect(turn.lines).toHaveLength(1);
    expect(turn.lines[0]).toMatchObject({
      event: 'turn',
      activityType: 'message',
      channel: 'msteams',
      status: 200,
      action: 'search',
      results: expect.any(Number),
      outcome: 'ok',
    });
    expectNothingPersonal(['Grace', 'Hopper', 'grace.hopper', 'contoso', '@', '7946', 'reimage refurbished', 'volume license media']);
  });

  it('logs a mangled card submit and a long message without echoing either', async () => {
    const note = 'my-private-note-about-Ada';
    const tampered = await send({ value: { action: 'answer', v: 'old', topic: 'refurbished-pc', facts: { motherboard: note }, history: [], fact: 'coa' } });
    expect(tampered.lines[0]).toMatchObject({ action: 'restart-card', outcome: expect.stringMatching(/invalid|guide-changed/) });
    const long = await send({ text: `Ada Lovelace asks: ${'is this allowed? '.repeat(200)}` });
    expect(long.lines[0]).toMatchObject({ action: 'search', truncated: true });
    expectNothingPersonal([note, 'is this allowed']);
  });

  it('logs a rejected request (bad JSON) with its status and reason, and without its content', async () => {
    const response = await handler(httpRequest({ body: '{"type":"message","text":"Ada Lovelace, ada@example.com"' }), context());
    expect(response.status).toBe(400);
    expect(recordLines()).toEqual([{ event: 'turn', status: 400, reason: 'bad-json', latencyMs: expect.any(Number) }]);
    expectNothingPersonal(['ada@example.com']);
  });

  it('logs a request with another method than POST (405) once, with its reason', async () => {
    const response = await handler(httpRequest({ method: 'GET' }), context());
    expect(response.status).toBe(405);
    expect(recordLines()).toEqual([{ event: 'turn', status: 405, reason: 'method-not-allowed', latencyMs: expect.any(Number) }]);
  });

  it('logs a body over 256 KB (413), declared or sent, once each, without its content', async () => {
    const big = await handler(httpRequest({ body: `{"type":"message","text":"Ada Lovelace ${'x'.repeat(MAX_ACTIVITY_BYTES)}"}` }), context());
    const declared = await handler(httpRequest({ body: '{}', headers: { 'content-length': String(10 * 1024 * 1024) } }), context());
    expect([big.status, declared.status]).toEqual([413, 413]);
    expect(recordLines()).toEqual([
      { event: 'turn', status: 413, reason: 'too-large', latencyMs: expect.any(Number) },
      { event: 'turn', status: 413, reason: 'too-large', latencyMs: expect.any(Number) },
    ]);
    expectNothingPersonal();
  });

  it('logs an activity refused before its turn with its type and channel, but not the serviceUrl it named', async () => {
    const body = JSON.stringify({
      type: 'message',
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      text: 'Ada Lovelace',
      ...IDENTITY,
    });
    const response = await handler(httpRequest({ body }), context());
    expect(response.status).toBe(400);
    expect(recordLines()).toEqual([
      { event: 'turn', activityType: 'message', channel: 'msteams', status: 400, reason: 'not-loopback', latencyMs: expect.any(Number) },
    ]);
    expectNothingPersonal(['smba.trafficmanager']);
  });
});

describe('the one copy of each record', () => {
  it('logs every record through context.log, and hands telemetry that very record (it exports votes only)', async () => {
    const records: TurnRecord[] = [];
    const withTelemetry = createMessagesHandler({
      config: parseConfig({ DESK_STORE_FILE: ':memory:' }),
      telemetry: { turn: (record) => void records.push(record) },
    });
    const body = JSON.stringify({ type: 'message', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/', deliveryMode: 'expectReplies', text: 'help' });
    expect((await withTelemetry(httpRequest({ body }), context())).status).toBe(200);
    expect((await withTelemetry(httpRequest({ body: '{' }), context())).status).toBe(400);
    expect(recordLines()).toEqual([
      expect.objectContaining({ event: 'turn', activityType: 'message', action: 'help', status: 200 }),
      expect.objectContaining({ event: 'turn', status: 400, reason: 'bad-json' }),
    ]);
    expect(records).toEqual(recordLines());
  });
});
