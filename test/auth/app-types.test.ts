import { InvocationContext } from '@azure/functions';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseConfig } from '../../config/config';
import { createMessagesHandler } from '../../handlers/messages';
import { NO_TELEMETRY } from '../../telemetry/app-insights';
import { activity } from '../support/activities';
import { cardsOf, httpRequest, repliesOf } from '../support/http';
import { cardText } from '../support/cards';
import { authenticationAt, ISSUER, LocalIssuer, signTokens, startIssuer } from './support/issuer';
import { guardSockets, type SocketGuard } from '../support/socket-guard';

// The two app types a new Azure Bot can have (multi-tenant registrations can no longer be
// created): UserAssignedMSI, the deployed configuration (MicrosoftAppId is the managed
// identity's client id, no password), and SingleTenant (an Entra app with a secret). Both run
// botbuilder's real token validation against the local OpenID metadata and JWKS.

const IDENTITY_CLIENT_ID = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const ENTRA_APP_ID = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
const TENANT_ID = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

const APP_TYPES = [
  ['UserAssignedMSI', IDENTITY_CLIENT_ID, { MicrosoftAppId: IDENTITY_CLIENT_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT_ID }],
  [
    'SingleTenant',
    ENTRA_APP_ID,
    { MicrosoftAppId: ENTRA_APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT_ID, MicrosoftAppPassword: 'not-a-real-secret' },
  ],
] as const;

let guard: SocketGuard;
let connections: string[] = [];
let signed: Awaited<ReturnType<typeof signTokens>>;
let issuer: LocalIssuer;

beforeAll(async () => {
  guard = guardSockets();
  connections = guard.connections;
  const claims = (aud: string) => ({ iss: ISSUER, aud, serviceurl: SERVICE_URL });
  signed = await signTokens(
    [{ name: 'channel', publish: true, endorsements: ['msteams', 'webchat', 'directline'] }],
    [
      { name: `for-${IDENTITY_CLIENT_ID}`, key: 'channel', claims: claims(IDENTITY_CLIENT_ID) },
      { name: `for-${ENTRA_APP_ID}`, key: 'channel', claims: claims(ENTRA_APP_ID) },
    ],
  );
  issuer = await startIssuer(signed.jwks);
  // Before any credential exists: the identity library picks its managed identity source once.
  await startIdentityStandIns();
}, 30000);

afterAll(async () => {
  guard.restore();
  await issuer.close();
  await stopIdentityStandIns();
});

// The Functions host gives the app its identity through IDENTITY_ENDPOINT and IDENTITY_HEADER;
// here both point at a stand-in on 127.0.0.1, and the channel's connector is another one.
const seen: { msi: { url: string; header?: string }[]; replies: { url: string; authorization?: string }[] } = { msi: [], replies: [] };
let msi: Server;
let connector: Server;
let connectorUrl = '';
const saved = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };
const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

async function startIdentityStandIns() {
  msi = createServer((req: IncomingMessage, res) => {
    seen.msi.push({ url: req.url ?? '', header: req.headers['x-identity-header'] as string | undefined });
    const expiresOn = Math.floor(Date.now() / 1000) + 3600;
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        access_token: 'token-from-the-managed-identity',
        expires_on: String(expiresOn),
        resource: ISSUER,
        token_type: 'Bearer',
        client_id: IDENTITY_CLIENT_ID,
      }),
    );
  });
  connector = createServer((req: IncomingMessage, res) => {
    req.resume();
    req.on('end', () => {
      seen.replies.push({ url: req.url ?? '', authorization: req.headers.authorization });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"r1"}');
    });
  });
  process.env.IDENTITY_ENDPOINT = `${await listen(msi)}/msi/token`;
  process.env.IDENTITY_HEADER = 'identity-header-for-this-test';
  connectorUrl = `${await listen(connector)}/`;
}

async function stopIdentityStandIns() {
  for (const [name, value] of [
    ['IDENTITY_ENDPOINT', saved.endpoint],
    ['IDENTITY_HEADER', saved.header],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  for (const server of [msi, connector]) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe.each(APP_TYPES)('MicrosoftAppType %s', (_type, appId, env) => {
  const otherAppId = appId === IDENTITY_CLIENT_ID ? ENTRA_APP_ID : IDENTITY_CLIENT_ID;
  const handler = () =>
    createMessagesHandler({
      config: parseConfig(env),
      telemetry: NO_TELEMETRY,
      authentication: authenticationAt(issuer),
    });
  const post = (authorization: string | undefined) =>
    handler()(
      httpRequest({
        body: JSON.stringify(activity({ type: 'message', text: 'help', channelId: 'msteams', serviceUrl: SERVICE_URL })),
        headers: authorization === undefined ? {} : { authorization },
      }),
      new InvocationContext({ functionName: 'messages', logHandler: () => undefined }),
    );

  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('passes a channel token issued for this app id and answers the turn', async () => {
    const response = await post(`Bearer ${signed.tokens[`for-${appId}`]}`);
    expect(response.status).toBe(200);
    expect(cardText(cardsOf(repliesOf(response))[0])).toMatch(/How I can help/);
  });

  it('refuses a token issued for another app id, and a request without one, with 401', async () => {
    expect((await post(`Bearer ${signed.tokens[`for-${otherAppId}`]}`)).status).toBe(401);
    expect((await post(undefined)).status).toBe(401);
  });
});

describe('UserAssignedMSI replies posted to the channel (outbound token from the managed identity endpoint)', () => {
  it('asks the identity endpoint for a Bot Framework token for its client id and posts the reply with it', async () => {
    const tokens = await signTokens(
      [{ name: 'channel', publish: true, endorsements: ['msteams'] }],
      [{ name: 'to-connector', key: 'channel', claims: { iss: ISSUER, aud: IDENTITY_CLIENT_ID, serviceurl: connectorUrl } }],
    );
    const ownIssuer = await startIssuer(tokens.jwks);
    try {
      const handler = createMessagesHandler({
        config: parseConfig(APP_TYPES[0][2]),
        telemetry: NO_TELEMETRY,
        authentication: {
          ToBotFromChannelOpenIdMetadataUrl: ownIssuer.metadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: ownIssuer.metadataUrl,
          ToBotFromChannelTokenIssuer: ISSUER,
        },
      });
      const body = JSON.stringify(activity({ type: 'message', text: 'help', channelId: 'msteams', serviceUrl: connectorUrl, deliveryMode: undefined }));
      const response = await handler(
        httpRequest({ body, headers: { authorization: `Bearer ${tokens.tokens['to-connector']}` } }),
        new InvocationContext({ functionName: 'messages', logHandler: () => undefined }),
      );
      expect(response.status).toBe(200);
      expect(seen.msi.length).toBeGreaterThan(0);
      const asked = new URL(seen.msi[0].url, 'http://127.0.0.1');
      expect(asked.searchParams.get('client_id')).toBe(IDENTITY_CLIENT_ID);
      expect(asked.searchParams.get('resource') ?? '').toContain('api.botframework.com');
      expect(seen.msi[0].header).toBe('identity-header-for-this-test');
      expect(seen.replies).toHaveLength(1);
      expect(seen.replies[0].authorization).toBe('Bearer token-from-the-managed-identity');
    } finally {
      await ownIssuer.close();
    }
  }, 20000);
});

describe('configuration of the two app types', () => {
  it('requires the tenant for both, refuses a password for the managed identity and requires one for SingleTenant', () => {
    expect(() => parseConfig({ MicrosoftAppId: IDENTITY_CLIENT_ID, MicrosoftAppType: 'UserAssignedMSI' })).toThrow(/MicrosoftAppTenantId/);
    expect(() => parseConfig({ MicrosoftAppId: ENTRA_APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'x' })).toThrow(/MicrosoftAppTenantId/);
    expect(() => parseConfig({ ...APP_TYPES[0][2], MicrosoftAppPassword: 'x' })).toThrow(/must not be set/);
    expect(() => parseConfig({ MicrosoftAppId: ENTRA_APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT_ID })).toThrow(
      /MicrosoftAppPassword/,
    );
    expect(parseConfig(APP_TYPES[0][2]).bot).toEqual({ appId: IDENTITY_CLIENT_ID, appType: 'UserAssignedMSI', tenantId: TENANT_ID, appPassword: undefined });
  });
});

describe('the network', () => {
  it('was touched only on 127.0.0.1: no managed identity endpoint, no Entra login, for replies in the body', () => {
    expect(connections.length).toBeGreaterThan(0);
    expect(connections.filter((host) => host !== '127.0.0.1')).toEqual([]);
  });
});
