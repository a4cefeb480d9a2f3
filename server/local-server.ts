import { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, createServer as createNetServer, Server as NetServer } from 'node:net';
import { ROUTE_NAMES, ROUTES, RouteName } from '../functions/routes';
import { decisionHandler } from '../handlers/decision';
import { guideHandler } from '../handlers/guide';
import { healthHandler } from '../handlers/health';
import { homeHandler } from '../handlers/home';
import { failureReason, failureResponse, MAX_ACTIVITY_BYTES } from '../handlers/http-errors';
import { HttpHandler, messagesHandler } from '../handlers/messages';
import { webchatAssetHandler } from '../handlers/webchat-assets';
import { webchatTokenHandler } from '../handlers/webchat-token';
import { readRequestLine } from './request-line';
import { compileRouteTemplate, RouteMatcher, RouteParams } from './route-template';

// Serves the very handlers the Functions app registers, on node's own http server, because
// Functions Core Tools download a binary at install time and cannot be installed everywhere.
// The routes are the Functions app's own (functions/routes.ts), matched by their templates. As
// on Azure, where every method is registered, each handler answers the methods it does not serve.

export interface Route {
  functionName: RouteName;
  match: RouteMatcher;
  handler: HttpHandler;
}

/** The app's routes with the handlers functions/*.ts register for them (the messages one replaceable). */
export function defaultRoutes(messages: HttpHandler = messagesHandler): Route[] {
  const handlers: Record<RouteName, HttpHandler> = {
    messages,
    health: healthHandler,
    guide: guideHandler,
    decision: decisionHandler,
    webchat: homeHandler,
    webchatAssets: webchatAssetHandler,
    webchatToken: webchatTokenHandler,
  };
  return ROUTE_NAMES.map((name) => ({ functionName: name, match: compileRouteTemplate(ROUTES[name].route), handler: handlers[name] }));
}

/** The route a path goes to, and its parameters, as the Functions host would resolve them. */
export function resolveRoute(routes: readonly Route[], pathname: string): { route: Route; params: RouteParams } | undefined {
  for (const route of routes) {
    const params = route.match(pathname);
    if (params) return { route, params };
  }
  return undefined;
}

export interface LocalServerOptions {
  routes?: Route[];
  log?: (line: string) => void;
}

export function createLocalServer(options: LocalServerOptions = {}): Server {
  const routes = options.routes ?? defaultRoutes();
  const log = options.log ?? (() => undefined);
  return createServer((req, res) => {
    handle(req, res, routes, log).catch((error: unknown) => {
      // A bug of ours: what the caller sent (Host, target, method) is checked before any of it is
      // used, so an error's message here is about our code, and the operator needs it.
      log(`request failed: ${error instanceof Error ? `${error.name}: ${error.message}` : typeof error}`);
      if (!res.headersSent) send(res, failureResponse({ kind: 'internal' }));
      else res.end();
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, routes: Route[], log: (line: string) => void): Promise<void> {
  const line = readRequestLine(req, (pathname) => {
    const found = resolveRoute(routes, pathname);
    return found && ROUTES[found.route.functionName].methods;
  });
  if (!line.ok) {
    if (line.failure.kind !== 'not-found') log(`request refused: ${failureReason(line.failure)}`);
    return send(res, failureResponse(line.failure));
  }
  const { route, params } = resolveRoute(routes, line.pathname)!;
  const body = await readBody(req, MAX_ACTIVITY_BYTES);
  if (body === undefined) {
    send(res, failureResponse({ kind: 'too-large' }, { Connection: 'close' }));
    req.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  let request: HttpRequest;
  try {
    request = new HttpRequest({ method: line.method, url: line.url, headers, params, body: body.length ? { bytes: body } : undefined });
  } catch {
    // A header value node's parser took and the Fetch Headers class refuses.
    log('request refused: bad-header');
    return send(res, failureResponse({ kind: 'bad-input', reason: 'bad-header' }));
  }
  const context = new InvocationContext({
    functionName: route.functionName,
    logHandler: (level, ...args) => log(`[${route.functionName}] ${level}: ${args.map(String).join(' ')}`),
  });
  send(res, await route.handler(request, context));
}

/** Reads the body, or gives undefined as soon as it grows past the limit, without buffering the rest. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return resolve(undefined);
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settled = true;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!settled) resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!settled) reject(error);
    });
  });
}

function send(res: ServerResponse, response: HttpResponseInit): void {
  const headers: Record<string, string> = {};
  new Headers(response.headers).forEach((value, name) => {
    headers[name] = value;
  });
  let payload: string | Buffer | undefined;
  if (response.jsonBody !== undefined) {
    payload = JSON.stringify(response.jsonBody);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  } else if (typeof response.body === 'string' || Buffer.isBuffer(response.body)) {
    payload = response.body;
  } else if (response.body instanceof Uint8Array) {
    payload = Buffer.from(response.body);
  }
  res.writeHead(response.status ?? 200, headers);
  res.end(payload);
}

export interface Listening {
  port: number;
  /** Every address:port accepting connections, e.g. ["127.0.0.1:3978", "[::1]:3978"]. */
  addresses: string[];
  close(): Promise<void>;
}

/**
 * Listens on `host` when one is given (HOST), otherwise on loopback only: 127.0.0.1, and ::1 as
 * well where the machine has it, because "localhost" resolves to either and the Emulator and the
 * Playground dial "localhost". Without a MicrosoftAppId the bot checks no token, so nothing but
 * this machine should reach it unless someone says otherwise.
 */
export async function listenLocal(server: Server, port: number, host?: string): Promise<Listening> {
  const listenOn = (target: NetServer, address: string, wanted: number) =>
    new Promise<number>((resolve, reject) => {
      target.once('error', reject);
      target.listen(wanted, address, () => {
        target.off('error', reject);
        resolve((target.address() as AddressInfo).port);
      });
    });
  const describe = (address: AddressInfo) => `${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  if (host !== undefined) {
    const bound = await listenOn(server, host, port);
    return { port: bound, addresses: [describe(server.address() as AddressInfo)], close: () => closeServer(server) };
  }
  const bound = await listenOn(server, '127.0.0.1', port);
  const addresses = [describe(server.address() as AddressInfo)];
  // A second listener on the IPv6 loopback that hands its connections to the same HTTP server.
  const v6 = createNetServer((socket) => server.emit('connection', socket));
  let v6Listening = false;
  try {
    await listenOn(v6, '::1', bound);
    v6Listening = true;
    addresses.push(describe(v6.address() as AddressInfo));
  } catch {
    // No IPv6 loopback here (EADDRNOTAVAIL, EAFNOSUPPORT): 127.0.0.1 alone serves "localhost".
  }
  return {
    port: bound,
    addresses,
    // Both at once: the IPv6 listener waits for its sockets, which only the HTTP server can end.
    close: () => Promise.all([v6Listening ? new Promise<void>((resolve) => v6.close(() => resolve())) : undefined, closeServer(server)]).then(() => undefined),
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeIdleConnections();
    server.close(() => resolve());
  });
}
