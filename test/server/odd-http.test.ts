import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { createLocalServer } from '../../server/local-server';
import { rawRequest } from '../support/raw-http';

// Requests node's HTTP parser accepts but no URL can be made of, sent as raw bytes the way a
// scanner sends them. Each is the caller's mistake: a 4xx, and nothing of what they sent in the log.

const MARK = 'zq7mark';
const lines: string[] = [];
let server: Server;
let port: number;

beforeAll(async () => {
  server = createLocalServer({ log: (line) => lines.push(line) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  lines.length = 0;
});

const request = (line: string, headers: string[]) => `${line}\r\n${headers.join('\r\n')}\r\nConnection: close\r\n\r\n`;

test.each([
  ['a Host of "["', 400, request('GET /api/health HTTP/1.1', [`Host: [${MARK}`])],
  ['a Host with a space', 400, request('GET /api/health HTTP/1.1', [`Host: a ${MARK}`])],
  ['a Host with a broken escape', 400, request('GET /api/health HTTP/1.1', [`Host: %zz${MARK}`])],
  ['a Host with a user name', 400, request('GET /api/health HTTP/1.1', [`Host: evil${MARK}@x`])],
  ['a Host with a path', 400, request('GET /api/health HTTP/1.1', [`Host: x/${MARK}`])],
  ['a target of "//["', 400, request(`GET //[${MARK} HTTP/1.1`, ['Host: localhost'])],
  ['a target naming another host', 400, request(`GET //${MARK}.example/api/health HTTP/1.1`, ['Host: localhost'])],
  ['an absolute target', 400, request(`GET http://${MARK}.example/api/health HTTP/1.1`, ['Host: localhost'])],
  ['TRACE on the guide', 405, request('TRACE /guide HTTP/1.1', ['Host: localhost', `X-Mark: ${MARK}`])],
  ['PROPFIND on the messages endpoint', 405, request('PROPFIND /api/messages HTTP/1.1', ['Host: localhost', `X-Mark: ${MARK}`])],
])('%s gets %i, a JSON message, and leaves nothing of itself in the log', async (_name, status, bytes) => {
  const answer = await rawRequest(port, bytes);
  expect(answer.status).toBe(status);
  expect(answer.text).toMatch(/\{"error":"[^"]+"\}/);
  expect(answer.text).not.toContain(MARK);
  expect(lines.join('\n')).not.toContain(MARK);
});

test("a method outside the app's answers 405 with the route's own methods in Allow", async () => {
  const answer = await rawRequest(port, request('TRACE /guide HTTP/1.1', ['Host: localhost']));
  expect(answer.text).toMatch(/\r\nallow: GET, HEAD\r\n/i);
});

test.each([
  ['a Host with a port', 'localhost:3978'],
  ['a Host with the default port', 'localhost:80'],
  ['an IPv6 Host', '[::1]:3978'],
  ['an IPv4 Host', '127.0.0.1'],
  ['a Host in capitals', 'LOCALHOST'],
])('%s is served as before', async (_name, host) => {
  const answer = await rawRequest(port, request('GET /api/health HTTP/1.1', [`Host: ${host}`]));
  expect(answer.status).toBe(200);
});

test('HTTP/1.0 without a Host is served as before', async () => {
  const answer = await rawRequest(port, 'GET /api/health HTTP/1.0\r\n\r\n');
  expect(answer.status).toBe(200);
});

test('an unknown path with an odd method is still a 404', async () => {
  const answer = await rawRequest(port, request('TRACE /nothing-here HTTP/1.1', ['Host: localhost']));
  expect(answer.status).toBe(404);
});
