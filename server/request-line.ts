import type { IncomingMessage } from 'node:http';
import { REGISTERED_METHODS } from '../functions/routes';
import type { HttpFailure } from '../handlers/http-errors';

// What node's HTTP parser lets through but a URL or a Fetch Request refuses: a Host such as "[",
// "a b", "%zz" or "evil@x", a target such as "//[", a method such as TRACE (undici will not build
// a Request for it). Each used to throw inside the server and come back as a 500, with the
// caller's Host in the log line. Here each is the caller's mistake, a 4xx, and named without its
// value: nothing the caller sent reaches the log.

export type RequestLine = { ok: true; method: string; url: string; pathname: string } | { ok: false; failure: HttpFailure };

// A host name, an IPv4 address or a bracketed IPv6 one, and a port: the characters RFC 3986
// allows in a host and port, without userinfo ("@"), a path or anything a URL would read as one.
const HOST_CHARACTERS = /^[A-Za-z0-9.\-_~!$&'()*+,;=:[\]%]+$/;
const METHODS: ReadonlySet<string> = new Set(REGISTERED_METHODS);

/**
 * The request's method, its absolute URL (as the Functions host hands it to a handler) and its
 * path; or why it cannot be served. `allowed` gives the methods of the route a path goes to, or
 * undefined for a path nothing serves.
 */
export function readRequestLine(
  req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>,
  allowed: (pathname: string) => readonly string[] | undefined,
): RequestLine {
  const target = req.url ?? '/';
  // Origin form only: a path (and query). "//host/x" or "http://host/x" names a host, not a path.
  const local = target.startsWith('/') && !target.startsWith('//') ? parse(target, 'http://localhost') : undefined;
  if (!local || local.host !== 'localhost') return refuse('bad-target');

  // HTTP/1.0 may leave Host out: this server answers to any name, as the Functions host does.
  const host = req.headers.host ?? 'localhost';
  const named = HOST_CHARACTERS.test(host) ? parse(`http://${host}/`) : undefined;
  if (!named || named.username || named.password || named.pathname !== '/') return refuse('bad-host');

  const methods = allowed(local.pathname);
  if (methods === undefined) return { ok: false, failure: { kind: 'not-found' } };
  const method = req.method ?? 'GET';
  // A method the Functions app is not registered for (TRACE, CONNECT, PROPFIND, ...) never
  // reaches a handler on Azure either; the route's own methods are what the caller may use.
  if (!METHODS.has(method)) return { ok: false, failure: { kind: 'method-not-allowed', allow: methods } };
  return { ok: true, method, url: `http://${named.host}${local.pathname}${local.search}`, pathname: local.pathname };
}

function refuse(reason: 'bad-target' | 'bad-host'): RequestLine {
  return { ok: false, failure: { kind: 'bad-input', reason } };
}

function parse(text: string, base?: string): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}
