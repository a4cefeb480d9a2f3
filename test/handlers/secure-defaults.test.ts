import { HttpResponseInit, InvocationContext } from '@azure/functions';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LicensingBot } from '../../bot/licensing-bot';
import { OTHER_TENANT_REPLY } from '../../bot/tenant-gate';
import { AZURE_HOST_SIGNALS, ConfigError, parseConfig } from '../../config/config';
import { isLoopbackUrl } from '../../handlers/loopback';
import { createMessagesHandler, LOOPBACK_ONLY_MESSAGE, NOT_CONFIGURED_MESSAGE } from '../../handlers/messages';
import { NO_TELEMETRY } from '../../telemetry/app-insights';
import { startPayload } from '../../bot/payloads';
import { cardText } from '../support/cards';
import { answerData } from '../support/interview-driver';
import { activity } from '../support/activities';
import { cardsOf, httpRequest, repliesOf } from '../support/http';
import { guardSockets, type SocketGuard } from '../support/socket-guard';

// The defaults that keep an unconfigured bot from being useful to anyone but its developer.
// Every socket the process opens is recorded; no test here dials anything but 127.0.0.1, and the
// refused requests must open no socket at all.

let guard: SocketGuard;
let connections: string[] = [];

// A stand-in for a channel's connector on 127.0.0.1: records every reply the bot posts to it.
let connector: Server;
let connectorUrl = '';
const posted: { url: string; body: Record<string, unknown> }[] = [];

beforeAll(async () => {
  guard = guardSockets();
  connections = guard.connections;
  connector = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      posted.push({ url: req.url ?? '', body: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `reply-${posted.length}` }));
    });
  });
  await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
  connectorUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  guard.restore();
  await new Promise<void>((resolve) => {
    connector.closeAllConnections();
    connector.close(() => resolve());
  });
});

let run: jest.SpyInstance;
beforeEach(() => {
  connections.length = 0;
  posted.length = 0;
  run = jest.spyOn(LicensingBot.prototype, 'run');
});
afterEach(() => jest.restoreAllMocks());

function bot(env: Record<string, string> = {}) {
  const handler = createMessagesHandler({ config: parseConfig(env), telemetry: NO_TELEMETRY });
  const logs: { level: string; line: string }[] = [];
  const context = () =>
    new InvocationContext({ functionName: 'messages', logHandler: (level, ...args) => logs.push({ level, line: args.map(String).join(' ') }) });
  return {
    logs,
    post: (fields: Record<string, unknown>): Promise<HttpResponseInit> => handler(httpRequest({ body: JSON.stringify(activity(fields)) }), context()),
    turnLines: () =>
      logs
        .filter((entry) => entry.line.includes('"event":"turn"'))
        .map((entry) => JSON.parse(entry.line.slice(entry.line.indexOf('{'))) as Record<string, unknown>),
  };
}

describe('isLoopbackUrl', () => {
  it.each(['http://localhost:3978/', 'http://127.0.0.1:9/', 'https://127.8.9.10/x', 'http://[::1]:56150/_connector', 'HTTP://LOCALHOST/'])(
    'accepts %s',
    (url) => {
      expect(isLoopbackUrl(url)).toBe(true);
    },
  );

  it.each([
    undefined,
    '',
    'not a url',
    'https://smba.trafficmanager.net/teams/',
    'http://169.254.169.254/metadata/identity',
    'http://10.0.0.7:3978/',
    'http://0.0.0.0:9/',
    'http://[::ffff:127.0.0.1]/',
    'http://127.0.0.1.evil.example/',
    'http://localhost.evil.example/',
    'http://user:pass@127.0.0.1/',
    'ftp://127.0.0.1/',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(isLoopbackUrl(url)).toBe(false);
  });
});

describe('no MicrosoftAppId (local mode): replies go only to loopback', () => {
  it.each([
    ['a cloud connector', 'https://smba.trafficmanager.net/teams/'],
    ['the instance metadata address', 'http://169.254.169.254/'],
    ['a private network address', 'http://10.0.0.7:3978/'],
    ['a name that merely starts like localhost', 'http://localhost.evil.example/'],
  ])('refuses %s as serviceUrl with 400, runs no turn and opens no socket', async (_name, serviceUrl) => {
    const b = bot();
    const response = await b.post({ type: 'message', text: 'help', serviceUrl, deliveryMode: undefined });
    expect(response.status).toBe(400);
    expect(response.jsonBody).toEqual({ error: LOOPBACK_ONLY_MESSAGE });
    expect(run).not.toHaveBeenCalled();
    expect(connections).toEqual([]);
    expect(b.logs.map((entry) => entry.line).join('\n')).toMatch(/serviceUrl that is not loopback/);
    expect(b.logs.map((entry) => entry.line).join('\n')).not.toContain(serviceUrl);
  });

  it('refuses an activity with no serviceUrl at all (botbuilder would fall back to a public default)', async () => {
    const response = await bot().post({ type: 'message', text: 'help', serviceUrl: undefined, deliveryMode: undefined });
    expect(response.status).toBe(400);
    expect(connections).toEqual([]);
  });

  it('still answers an expectReplies activity in the response body, whatever its serviceUrl, without dialling it', async () => {
    const response = await bot().post({ type: 'message', text: 'help', serviceUrl: 'https://smba.trafficmanager.net/teams/' });
    expect(response.status).toBe(200);
    expect(cardText(cardsOf(repliesOf(response))[0])).toMatch(/How I can help/);
    expect(connections).toEqual([]);
  });

  it('does not edit the answered Teams card at a serviceUrl that is not loopback, even with expectReplies', async () => {
    const b = bot();
    const evil = 'https://smba.trafficmanager.net/teams/';
    const start = await b.post({ type: 'message', channelId: 'msteams', serviceUrl: evil, value: startPayload('refurbished-pc') });
    const question = cardsOf(repliesOf(start))[0];
    const response = await b.post({ type: 'message', channelId: 'msteams', serviceUrl: evil, replyToId: 'question-1', value: answerData(question) });
    expect(response.status).toBe(200);
    expect(cardsOf(repliesOf(response))).toHaveLength(1);
    expect(connections).toEqual([]);
    expect(b.turnLines().at(-1)).toMatchObject({ replaced: false, replaceError: 'NotLoopbackError' });
  });

  it('still edits the answered Teams card at a loopback serviceUrl (the Playground)', async () => {
    const b = bot();
    const start = await b.post({ type: 'message', channelId: 'msteams', serviceUrl: connectorUrl, value: startPayload('refurbished-pc') });
    await b.post({ type: 'message', channelId: 'msteams', serviceUrl: connectorUrl, replyToId: 'question-1', value: answerData(cardsOf(repliesOf(start))[0]) });
    expect(posted.map((call) => call.url)).toEqual(['/v3/conversations/conversation-1/activities/question-1']);
    expect(b.turnLines().at(-1)).toMatchObject({ replaced: true });
  });

  it('posts the replies to a loopback serviceUrl (the Emulator and the Playground): the control case', async () => {
    const response = await bot().post({ type: 'message', text: 'help', serviceUrl: connectorUrl, deliveryMode: undefined });
    expect(response.status).toBe(200);
    expect(posted).toHaveLength(1);
    expect(posted[0].url).toMatch(/^\/v3\/conversations\/conversation-1\/activities\//);
    // (The connection may be a kept-alive one from an earlier test: no new connect is needed.)
    expect(connections.filter((host) => host !== '127.0.0.1')).toEqual([]);
  });
});

describe('in Azure with no MicrosoftAppId', () => {
  it.each(AZURE_HOST_SIGNALS)('refuses every request with 503 when the host sets %s, and says once which setting is missing', async (signal) => {
    const b = bot({ [signal]: signal === 'WEBSITE_SKU' ? 'FlexConsumption' : 'some-value', FUNCTIONS_WORKER_RUNTIME: 'node' });
    for (let i = 0; i < 3; i++) {
      const response = await b.post({ type: 'message', text: 'help' });
      expect(response.status).toBe(503);
      expect(response.jsonBody).toEqual({ error: NOT_CONFIGURED_MESSAGE });
    }
    expect(run).not.toHaveBeenCalled();
    const errors = b.logs.filter((entry) => entry.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toMatch(/MicrosoftAppId is not set/);
    expect(errors[0].line).toContain(signal);
  });

  it('serves when ALLOW_UNAUTHENTICATED=true says the deployment is a throwaway test (still loopback or body only)', async () => {
    const b = bot({ WEBSITE_SKU: 'FlexConsumption', ALLOW_UNAUTHENTICATED: 'true' });
    expect((await b.post({ type: 'message', text: 'help' })).status).toBe(200);
    expect((await b.post({ type: 'message', text: 'help', serviceUrl: 'https://smba.trafficmanager.net/teams/', deliveryMode: undefined })).status).toBe(400);
  });

  it('is not triggered by FUNCTIONS_WORKER_RUNTIME alone, which local runs set too', async () => {
    expect((await bot({ FUNCTIONS_WORKER_RUNTIME: 'node' }).post({ type: 'message', text: 'help' })).status).toBe(200);
  });

  it('is not triggered by CONTAINER_NAME outside a Functions host (container runtimes set it; npm start in Docker)', async () => {
    expect((await bot({ CONTAINER_NAME: 'dev-box' }).post({ type: 'message', text: 'help' })).status).toBe(200);
  });

  it('accepts only true or false for ALLOW_UNAUTHENTICATED', () => {
    expect(() => parseConfig({ ALLOW_UNAUTHENTICATED: 'yes' })).toThrow(ConfigError);
    expect(parseConfig({}).allowUnauthenticated).toBe(false);
  });
});

describe('ALLOWED_TENANT_IDS', () => {
  const OURS = '11111111-2222-4333-8444-555555555555';
  const THEIRS = '99999999-8888-4777-8666-555555555555';
  const PERSON = '29:1a2b3c-person-id';
  const teams = (tenant: string | undefined, fields: Record<string, unknown> = {}) => ({
    channelId: 'msteams',
    from: { id: PERSON, aadObjectId: 'aad-object-of-a-person', name: 'Someone' },
    conversation: { id: 'conversation-1', tenantId: tenant },
    channelData: tenant ? { tenant: { id: tenant } } : {},
    ...fields,
  });

  it('answers a Teams message from another tenant with a short refusal and logs tenant: other, never an id', async () => {
    const b = bot({ ALLOWED_TENANT_IDS: OURS });
    const response = await b.post(teams(THEIRS, { type: 'message', text: 'help' }));
    expect(response.status).toBe(200);
    expect(repliesOf(response).map((reply) => reply.text)).toEqual([OTHER_TENANT_REPLY]);
    expect(run).not.toHaveBeenCalled();
    const lines = b.turnLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ tenant: 'other', status: 200 });
    const everything = b.logs.map((entry) => entry.line).join('\n');
    for (const secret of [THEIRS, PERSON, 'aad-object-of-a-person', 'Someone']) expect(everything).not.toContain(secret);
  });

  it('serves a Teams message from an allowed tenant (ids compared without regard to case)', async () => {
    const b = bot({ ALLOWED_TENANT_IDS: ` ${OURS.toUpperCase()} , ${THEIRS.slice(0, 8)}-0000-4000-8000-000000000000` });
    const response = await b.post(teams(OURS, { type: 'message', text: 'help' }));
    expect(cardText(cardsOf(repliesOf(response))[0])).toMatch(/How I can help/);
    expect(b.turnLines()[0]).not.toHaveProperty('tenant');
  });

  it('refuses a Teams activity that names no tenant, and does not greet an install from another tenant', async () => {
    const b = bot({ ALLOWED_TENANT_IDS: OURS });
    expect(repliesOf(await b.post(teams(undefined, { type: 'message', text: 'help' }))).map((reply) => reply.text)).toEqual([OTHER_TENANT_REPLY]);
    const install = await b.post(teams(THEIRS, { type: 'installationUpdate', action: 'add' }));
    expect(repliesOf(install)).toEqual([]);
    expect(run).not.toHaveBeenCalled();
  });

  it('does not filter other channels (Web Chat and the Emulator carry no tenant)', async () => {
    const response = await bot({ ALLOWED_TENANT_IDS: OURS }).post({ type: 'message', text: 'help', channelId: 'webchat' });
    expect(cardsOf(repliesOf(response))).toHaveLength(1);
  });

  it('is off when unset, and a malformed list stops the process at start', () => {
    expect(parseConfig({}).allowedTenantIds).toEqual([]);
    expect(() => parseConfig({ ALLOWED_TENANT_IDS: 'contoso.onmicrosoft.com' })).toThrow(/ALLOWED_TENANT_IDS/);
  });
});

describe('the network', () => {
  it('saw nothing but 127.0.0.1 in this file', () => {
    // Each test checks its own; this is the belt to those braces, over the whole file's run.
    expect(connections.filter((host) => host !== '127.0.0.1')).toEqual([]);
  });
});
