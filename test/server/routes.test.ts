import type { HttpFunctionOptions } from '@azure/functions';
import { readFileSync } from 'node:fs';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { REGISTERED_METHODS, ROUTE_NAMES, ROUTES } from '../../functions/routes';
import { parseConfig } from '../../config/config';
import { createMessagesHandler } from '../../handlers/messages';
import { createLocalServer, defaultRoutes, resolveRoute } from '../../server/local-server';
import { compileRouteTemplate } from '../../server/route-template';
import { NO_TELEMETRY } from '../../telemetry/app-insights';

// One route table (functions/routes.ts): the Functions app registers it, the local server matches
// its templates. These tests hold the two to the same functions, parameters and methods.

// What functions/index.ts registers with the host, captured instead of registered.
const mockRegistered = new Map<string, HttpFunctionOptions>();
jest.mock('@azure/functions', () => ({
  ...jest.requireActual<object>('@azure/functions'),
  app: { http: (name: string, options: HttpFunctionOptions) => mockRegistered.set(name, options) },
}));
// The Functions entry point, loaded as the host loads it.
import '../../functions/index';

describe('the Functions app and the local server serve the same routes', () => {
  it("registers every route of the table with the host, at the table's template, and nothing else", () => {
    const registered = mockRegistered;
    expect([...registered.keys()].sort()).toEqual([...ROUTE_NAMES].sort());
    for (const name of ROUTE_NAMES) {
      expect(registered.get(name)).toMatchObject({ route: ROUTES[name].route, authLevel: 'anonymous', methods: REGISTERED_METHODS });
    }
  });

  it('gives the host and the local server the same handler for each route', () => {
    const local = new Map(defaultRoutes().map((route) => [route.functionName, route.handler]));
    for (const name of ROUTE_NAMES) expect(mockRegistered.get(name)?.handler).toBe(local.get(name));
  });

  it('has routePrefix "" in host.json, so a template is the whole path on Azure as it is locally', () => {
    const host = JSON.parse(readFileSync(join(__dirname, '..', '..', 'host.json'), 'utf8')) as { extensions: { http: { routePrefix: string } } };
    expect(host.extensions.http.routePrefix).toBe('');
  });

  it.each([
    ['/api/messages', 'messages', {}],
    ['/api/health', 'health', {}],
    ['/API/Health', 'health', {}],
    ['/guide', 'guide', {}],
    ['/guide/', 'guide', {}],
    ['/guide/doc', 'guide', { document: 'doc' }],
    ['/guide/virtual%2Dmachines', 'guide', { document: 'virtual-machines' }],
    ['/decision/x', 'decision', { topic: 'x' }],
    ['/decision/used-pc/', 'decision', { topic: 'used-pc' }],
    ['/', 'webchat', {}],
    ['/webchat/app.js', 'webchatAssets', { file: 'app.js' }],
    ['/api/webchat/token', 'webchatToken', {}],
  ])('resolves %s to %s with %j', (path, functionName, params) => {
    const resolved = resolveRoute(defaultRoutes(), path);
    expect(resolved?.route.functionName).toBe(functionName);
    expect(resolved?.params).toEqual(params);
    // No two templates claim one path: the host picks by precedence, the local server by order.
    expect(defaultRoutes().filter((route) => route.match(path))).toHaveLength(1);
  });

  it.each(['/nothing-here', '/decision', '/decision/', '/guide/a/b', '/webchat', '/webchat/', '/api', '/api/messages/x', '/guide/%E0%A4%A'])(
    'resolves %s to no route (404)',
    (path) => {
      expect(resolveRoute(defaultRoutes(), path)).toBeUndefined();
    },
  );

  it('refuses a template with syntax it does not match like the host, rather than guessing', () => {
    expect(() => compileRouteTemplate('items/{id:int}')).toThrow(/unsupported constraint/);
    expect(() => compileRouteTemplate('{a?}/b')).toThrow(/only the last parameter/);
    expect(() => compileRouteTemplate('files/{*path}')).toThrow(/unsupported segment/);
  });
});

describe('methods: 405 with Allow from the table, locally as on Azure', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    const messages = createMessagesHandler({ config: parseConfig({}), telemetry: NO_TELEMETRY });
    server = createLocalServer({ routes: defaultRoutes(messages) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const samplePath: Record<(typeof ROUTE_NAMES)[number], string> = {
    messages: '/api/messages',
    health: '/api/health',
    guide: '/guide',
    decision: '/decision/used-pc',
    webchat: '/',
    webchatAssets: '/webchat/app.js',
    webchatToken: '/api/webchat/token',
  };
  const cases = ROUTE_NAMES.flatMap((name) => REGISTERED_METHODS.map((method) => [name, method] as const));

  it.each(cases)('%s, %s: 405 exactly when the table does not list the method', async (name, method) => {
    const response = await fetch(`${base}${samplePath[name]}`, {
      method,
      body: method === 'POST' || method === 'PUT' || method === 'PATCH' ? '{}' : undefined,
    });
    await response.arrayBuffer();
    const listed = (ROUTES[name].methods as readonly string[]).includes(method);
    if (listed) {
      expect(response.status).not.toBe(405);
    } else {
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe(ROUTES[name].methods.join(', '));
    }
  });
});

describe('what the local server answers itself, from the same failure mapping', () => {
  it('a handler that throws: 500 "Internal error." with no stack, and the error logged', async () => {
    const log: string[] = [];
    const failing = createLocalServer({
      routes: [{ functionName: 'health', match: compileRouteTemplate('api/health'), handler: () => Promise.reject(new TypeError('x is not a function')) }],
      log: (line) => log.push(line),
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = failing.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: 'Internal error.' });
      expect(log.join('\n')).toMatch(/TypeError: x is not a function/);
      const missing = await fetch(`http://127.0.0.1:${port}/api/nothing`);
      expect([missing.status, await missing.json()]).toEqual([404, { error: 'Not found.' }]);
    } finally {
      failing.closeAllConnections();
      await new Promise((resolve) => failing.close(resolve));
    }
  });
});
