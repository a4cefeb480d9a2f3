import type { HttpFunctionOptions, HttpHandler, HttpMethod } from '@azure/functions';

// Every HTTP function of the app: its name, the methods it serves and its Functions route
// template. functions/*.ts register these with the host, and the local server (npm start) matches
// the same templates itself (server/route-template.ts), so a route is written down once.
// No handler is imported here: the benchmark builds the local server without ours.

export interface RouteSpec {
  /** What the function serves; its handler answers any other method 405 with these in Allow. */
  readonly methods: readonly HttpMethod[];
  /** The Functions route template; host.json's routePrefix is empty, so this is the whole path. */
  readonly route: string;
}

export const ROUTES = {
  messages: { methods: ['POST'], route: 'api/messages' },
  health: { methods: ['GET'], route: 'api/health' },
  guide: { methods: ['GET', 'HEAD'], route: 'guide/{document?}' },
  decision: { methods: ['GET', 'HEAD'], route: 'decision/{topic}' },
  // The partner-portal Web Chat page at the site root. With an empty routePrefix an empty route
  // is not matched by the host (it shows its own home page instead), so the route is an optional
  // parameter that may only be empty: it matches "/" and nothing else.
  webchat: { methods: ['GET', 'HEAD'], route: '{root:maxlength(0)?}' },
  webchatAssets: { methods: ['GET', 'HEAD'], route: 'webchat/{file}' },
  webchatToken: { methods: ['POST', 'OPTIONS'], route: 'api/webchat/token' },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;

export const ROUTE_NAMES = Object.keys(ROUTES) as RouteName[];

/**
 * What each function is registered for: every method, not only those it serves. The host
 * answers a method a function was not registered for with an empty 404 (azure-functions-host
 * issue 10098), where the handler answers 405 with Allow and a JSON message; registering them
 * all gives the deployed app the answer the local server gives. See docs/decisions/0008.
 */
export const REGISTERED_METHODS: HttpMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** The options to register a route's function with: `app.http(name, registration(name, handler))`. */
export function registration(name: RouteName, handler: HttpHandler): HttpFunctionOptions {
  return { methods: REGISTERED_METHODS, authLevel: 'anonymous', route: ROUTES[name].route, handler };
}
