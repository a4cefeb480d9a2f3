import { HttpResponseInit, InvocationContext } from '@azure/functions';
import fc from 'fast-check';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { runInThisContext } from 'node:vm';
import { parseConfig } from '../../config/config';
import { createMessagesHandler } from '../../handlers/messages';
import { NO_TELEMETRY } from '../../telemetry/app-insights';
import { cardProblems } from '../support/cards';
import { activity, MENTION } from '../support/activities';
import { httpRequest, jsonOf } from '../support/http';
import { anyActivity, anyJson, anyString, anyText, submitActivity, toBody } from './support/arbitraries';

// Property-based fuzzing of POST /api/messages (auth off, replies in the response body):
// whatever arrives, the answer is never a 5xx, no promise is left rejected, no turn crashes
// into the "something went wrong" path, and every reply is a valid Adaptive Card 1.5 or text.
//
// 10,000 generated activities in all. A failure prints fast-check's seed and path; rerun it with
// FUZZ_SEED=<seed> (and FUZZ_PATH=<path>) to replay exactly that case.

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const PATH = process.env.FUZZ_PATH || undefined;
const runs = (n: number) => ({ numRuns: n, seed: SEED, path: PATH, endOnFailure: false });

const handler = createMessagesHandler({ config: parseConfig({ DESK_STORE_FILE: ':memory:' }), telemetry: NO_TELEMETRY });

// Teams answers are tidied up by editing the answered card through the channel's connector:
// a stub on 127.0.0.1 plays the channel so those calls are real and fast.
let connector: Server;
let serviceUrl = '';
const connectorCalls: string[] = [];

// The test's own `process` is jest's sandbox copy, whose listeners never fire: listen on the
// real one. (jest also fails a test on an unhandled rejection; this names the run that caused it.)
const realProcess = runInThisContext('process') as NodeJS.Process;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeAll(async () => {
  realProcess.on('unhandledRejection', onRejection);
  connector = createServer((req, res) => {
    connectorCalls.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"stub-activity"}'));
  });
  await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
  // botbuilder and the bot print a line for some rejected input: expected here, and noisy.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterAll(async () => {
  realProcess.off('unhandledRejection', onRejection);
  jest.restoreAllMocks();
  await new Promise<void>((resolve) => {
    connector.closeAllConnections();
    connector.close(() => resolve());
  });
});

// Parsing a card costs about a millisecond and most replies are the same few cards.
const cardVerdicts = new Map<string, string[]>();
function problemsOf(attachment: { contentType?: string; content?: unknown }): string[] {
  const key = JSON.stringify(attachment);
  let problems = cardVerdicts.get(key);
  if (!problems) {
    problems = cardProblems(attachment);
    cardVerdicts.set(key, problems);
  }
  return problems;
}

interface Outcome {
  response: HttpResponseInit;
  logs: string[];
}

async function post(body: string): Promise<Outcome> {
  const logs: string[] = [];
  const context = new InvocationContext({ functionName: 'messages', logHandler: (_level, ...args) => logs.push(args.map(String).join(' ')) });
  const response = await handler(httpRequest({ body }), context);
  // Anything the turn left behind settles before the next run, so a late rejection is caught here.
  await new Promise((resolve) => setImmediate(resolve));
  return { response, logs };
}

/** What the runs of one property came to, so a generator that drifted into all-400s shows. */
const tally = { runs: 0, rejected: 0, cards: 0 };
const resetTally = () => Object.assign(tally, { runs: 0, rejected: 0, cards: 0 });

/** Throws with a readable reason when an answer breaks a promise made to users or operators. */
function check({ response, logs }: Outcome): void {
  const status = response.status ?? 200;
  tally.runs += 1;
  if (status >= 400) tally.rejected += 1;
  if (status >= 500) throw new Error(`status ${status}: ${JSON.stringify(jsonOf(response))}`);
  if (rejections.length) throw new Error(`unhandled rejection: ${String(rejections[0])}`);

  if (status >= 400) {
    const body = jsonOf(response) as { error?: unknown } | undefined;
    if (typeof body?.error !== 'string' || Object.keys(body).length !== 1) throw new Error(`error body ${JSON.stringify(body)}`);
    if (body.error.length > 200 || /\bat .+:\d+|Error:/.test(body.error)) throw new Error(`error message leaks detail: ${body.error}`);
    return;
  }

  const turn = logs
    .map((line) => line.slice(line.indexOf('{')))
    .filter((line) => line.includes('"event":"turn"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  if (turn.length !== 1) throw new Error(`expected one turn log line, got ${logs.length}: ${logs.join(' | ')}`);
  if (turn[0].outcome === 'error') throw new Error(`the turn crashed into the error reply: ${JSON.stringify(turn[0])}`);

  const body = jsonOf(response) as { activities?: unknown } | undefined;
  if (body === undefined) return;
  if (!Array.isArray(body.activities)) throw new Error(`200 body without activities: ${JSON.stringify(body).slice(0, 200)}`);
  for (const reply of body.activities as { type?: string; text?: unknown; attachments?: unknown[] }[]) {
    if (reply.type === 'invokeResponse') continue; // the invoke's HTTP answer, not something a user reads
    if (reply.type !== 'message') throw new Error(`reply of type ${reply.type}`);
    const attachments = reply.attachments ?? [];
    if (!attachments.length) {
      if (typeof reply.text !== 'string' || !reply.text.trim()) throw new Error(`reply with neither card nor text: ${JSON.stringify(reply)}`);
      continue;
    }
    tally.cards += 1;
    for (const attachment of attachments as { contentType?: string; content?: unknown }[]) {
      const problems = problemsOf(attachment);
      if (problems.length) throw new Error(`invalid card: ${problems.join('; ')}`);
    }
  }
}

describe('fuzzing POST /api/messages (auth off, expectReplies)', () => {
  beforeEach(resetTally);

  it('listens for unhandled rejections on the real process', () => {
    expect(realProcess.listeners('unhandledRejection')).toContain(onRejection);
  });

  it('any activity, with any field of any type (5,000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(anyActivity(serviceUrl), async (activity) => check(await post(toBody(activity)))),
      runs(5000),
    );
    // Both sides were exercised: cards for what is well formed, 400s for what is not. (A quarter:
    // an id, account or conversation of the wrong type is refused since replies carry them back.)
    expect(tally.cards).toBeGreaterThan(tally.runs * 0.25);
    expect(tally.rejected).toBeGreaterThan(tally.runs * 0.05);
  }, 120_000);

  it('card submits: every real interview step, and each with one field broken (4,000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(submitActivity(serviceUrl), async (activity) => check(await post(toBody(activity)))),
      runs(4000),
    );
    // Every submit, real or tampered with, is answered with a card (the next step, or a restart).
    expect(tally.cards).toBe(tally.runs);
  }, 120_000);

  it('free text of any size and script, mentions and commands included (700 runs)', async () => {
    const message = fc
      .tuple(fc.oneof(anyText, anyString), fc.constantFrom('msteams', 'webchat', 'emulator'))
      .map(([text, channelId]) => activity({ channelId, serviceUrl, text, entities: [MENTION] }));
    await fc.assert(
      fc.asyncProperty(message, async (activity) => check(await post(toBody(activity)))),
      runs(700),
    );
    expect(tally.cards).toBe(tally.runs);
  }, 120_000);

  it('bodies that are not activities: any JSON, truncated JSON, random bytes (300 runs)', async () => {
    const body = fc.oneof(
      anyJson.map(toBody),
      fc.jsonValue().map((value) => (JSON.stringify(value) ?? '').slice(0, -1)),
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const outcome = await post(text);
        check(outcome);
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        const isActivity = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && typeof (parsed as { type?: unknown }).type === 'string';
        if (!isActivity && outcome.response.status !== 400) throw new Error(`not an activity, yet ${outcome.response.status}`);
      }),
      runs(300),
    );
    expect(tally.rejected).toBe(tally.runs);
  }, 60_000);

  it('ran the Teams card edits through the local connector stub, never elsewhere', () => {
    expect(connectorCalls.length).toBeGreaterThan(0);
    // Only card edits (a conversation id may be empty in a fuzzed activity); anything else is listed.
    expect(connectorCalls.filter((call) => !/^PUT \/v3\/conversations\/[^/]*\/activities\/[^/]+$/.test(call))).toEqual([]);
  });
});
