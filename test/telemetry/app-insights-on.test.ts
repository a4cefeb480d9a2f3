import { InvocationContext } from '@azure/functions';
import { Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseConfig } from '../../config/config';
import { createMessagesHandler, HttpHandler } from '../../handlers/messages';
import { applicationInsights, shutdownTelemetry } from '../../telemetry/app-insights';
import { buttons, choiceSets } from '../support/cards';
import { activity } from '../support/activities';
import { cardsOf, httpRequest, repliesOf } from '../support/http';

// With APPLICATIONINSIGHTS_CONNECTION_STRING set, each turn's record reaches Application Insights
// once: as the context.log line, which the Functions host forwards (not tested here: no host).
// The Azure Monitor OpenTelemetry distro adds only what the host cannot: each vote as a
// "feedback" custom event, loaded once, on the first vote. The exporter's HTTP client is
// replaced by one that keeps what would have been sent: nothing leaves the process.

// Counts how often the distro is started, without changing what it does.
jest.mock('@azure/monitor-opentelemetry', () => {
  const actual = jest.requireActual<typeof import('@azure/monitor-opentelemetry')>('@azure/monitor-opentelemetry');
  return { ...actual, useAzureMonitor: jest.fn(actual.useAzureMonitor) };
});
// eslint-disable-next-line @typescript-eslint/no-require-imports
const distro = require('@azure/monitor-opentelemetry') as { useAzureMonitor: jest.Mock };

interface Envelope {
  name: string;
  iKey?: string;
  data: { baseType: string; baseData: { message?: string; name?: string; properties?: Record<string, string> } };
}
interface SentRequest {
  url: string;
  headers: { get(name: string): string | undefined };
  body?: unknown;
}

const CONNECTION_STRING =
  'InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://ingestion.invalid/;LiveEndpoint=https://live.invalid/';
const envelopes: Envelope[] = [];
const urls: string[] = [];
const connections: string[] = [];

/** Stands in for the ingestion endpoint: keeps every envelope and accepts it. */
const httpClient = {
  sendRequest(request: SentRequest) {
    urls.push(request.url);
    const raw = request.body as string | Uint8Array | undefined;
    const bytes = raw === undefined ? undefined : typeof raw === 'string' ? Buffer.from(raw) : Buffer.from(raw);
    const text = bytes && (request.headers.get('content-encoding') === 'gzip' ? gunzipSync(bytes) : bytes).toString('utf8');
    const sent = text ? (JSON.parse(text) as Envelope[]) : [];
    envelopes.push(...sent);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createHttpHeaders } = require('@azure/core-rest-pipeline') as { createHttpHeaders: () => unknown };
    return Promise.resolve({
      request,
      status: 200,
      headers: createHttpHeaders(),
      bodyAsText: JSON.stringify({ itemsReceived: sent.length, itemsAccepted: sent.length, errors: [] }),
    });
  },
};

// Called below with the socket it belongs to as `this` (apply), which the rule cannot see.
// eslint-disable-next-line @typescript-eslint/unbound-method
const originalConnect = Socket.prototype.connect;
const savedEnv = { ...process.env };
beforeAll(() => {
  // Every socket opened is recorded, to prove nothing tried to reach Azure (or anything else).
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    connections.push(JSON.stringify(args[0]));
    return (originalConnect as (...a: unknown[]) => Socket).apply(this, args);
  };
  // No statsbeat or SDK self-reporting to Microsoft, and an App Service name so the distro does
  // not probe the Azure VM metadata endpoint.
  Object.assign(process.env, {
    APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
    APPLICATIONINSIGHTS_SDKSTATS_DISABLED: 'true',
    WEBSITE_SITE_NAME: 'licensing-assistant-test',
  });
});
afterAll(() => {
  // The exporter polls its settings service (settings.sdk.monitor.azure.com) from a process-wide
  // singleton that outlives the distro's shutdown; stopped here, it cannot reach out later while
  // another test file in this worker records the sockets it opens.
  const exporterEntry = require.resolve('@azure/monitor-opentelemetry-exporter');
  const settings = jest.requireActual<{ ConfigurationManager: { getInstance(): { shutdown(): void } } }>(
    join(dirname(exporterEntry), '_configuration', 'configurationManager.js'),
  );
  settings.ConfigurationManager.getInstance().shutdown();
  Socket.prototype.connect = originalConnect;
  process.env = savedEnv;
});

const logged: string[] = [];
const context = () => new InvocationContext({ functionName: 'messages', logHandler: (_level, ...args) => logged.push(args.map(String).join(' ')) });

let posts = 0;
async function post(handler: HttpHandler, fields: Record<string, unknown>) {
  posts += 1;
  const body = JSON.stringify(activity({ from: { id: 'user-secret-id', name: 'Ada Lovelace' }, ...fields }));
  const response = await handler(httpRequest({ body }), context());
  expect(response.status).toBe(200);
  return cardsOf(repliesOf(response));
}

describe('Application Insights on (connection string set)', () => {
  it('exports each vote as a feedback event and no turn a second time, loading the exporter once, on the first vote', async () => {
    const handler = createMessagesHandler({
      config: parseConfig({}),
      telemetry: applicationInsights(CONNECTION_STRING, { exporterOptions: { httpClient: httpClient as never } }),
    });
    expect(distro.useAzureMonitor).not.toHaveBeenCalled();
    const [welcome] = await post(handler, { type: 'installationUpdate', action: 'add' });

    // An interview to its verdict by pressing the cards' buttons, then a "No" vote.
    const start = buttons(welcome).find((b) => b.data?.action === 'start')!;
    let [card] = await post(handler, { value: start.data });
    const topic = String(start.data!.topic);
    for (let step = 0; step < 12 && !buttons(card).some((b) => b.data?.action === 'feedback'); step++) {
      const [list] = choiceSets(card);
      const press = list ? buttons(card).find((b) => b.title === 'Next')! : buttons(card).find((b) => b.data?.action === 'answer')!;
      [card] = await post(handler, { value: { ...press.data, ...(list ? { value: list.choices[0].value } : {}) } });
    }
    const vote = buttons(card).find((b) => b.data?.action === 'feedback' && b.data.helpful === false)!;
    expect(distro.useAzureMonitor).not.toHaveBeenCalled();
    await post(handler, { value: vote.data });
    expect(distro.useAzureMonitor).toHaveBeenCalledTimes(1);
    await post(handler, { text: 'My name is Ada Lovelace, ada@example.com: can we use VDA on AWS?' });

    // The handler the app builds from its configuration exports through the same exporter.
    const configured = createMessagesHandler({ config: parseConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION_STRING }) });
    await post(configured, { text: 'help' });
    await post(configured, { value: vote.data });
    expect(distro.useAzureMonitor).toHaveBeenCalledTimes(1);

    await shutdownTelemetry(); // sends what is batched

    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((url) => url.startsWith('https://ingestion.invalid/'))).toBe(true);
    // Only the two votes' events: no trace of a turn, which the host already forwards.
    expect(envelopes.filter((e) => e.data.baseType === 'MessageData')).toEqual([]);
    const events = envelopes.filter((e) => e.data.baseType === 'EventData').map((e) => e.data.baseData);
    expect(events).toHaveLength(2);
    for (const event of events) expect(event).toMatchObject({ name: 'feedback', properties: { topic, vote: 'no', verdict: expect.any(String) } });

    // Every turn's record is the context.log line, exactly one per request, the vote's included.
    const lines = logged.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(posts);
    expect(lines[0]).toMatchObject({ event: 'turn', activityType: 'installationUpdate', action: 'welcome', status: 200, outcome: 'ok' });
    expect(lines.find((t) => t.action === 'answer' && t.verdict)).toMatchObject({ topic, verdict: expect.any(String), rules: expect.any(Array) });
    expect(lines.filter((t) => t.action === 'feedback')).toEqual([expect.objectContaining({ vote: 'no' }), expect.objectContaining({ vote: 'no' })]);

    const exported = JSON.stringify(envelopes) + logged.join('\n');
    for (const secret of ['user-secret-id', 'Ada', 'Lovelace', 'ada@example.com', 'VDA on AWS']) expect(exported).not.toContain(secret);
    expect(connections).toEqual([]);
  }, 30000);
});
