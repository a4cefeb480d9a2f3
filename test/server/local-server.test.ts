import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { activity } from '../support/activities';
import { cardsOf } from '../support/http';
import { cardText } from '../support/cards';

// Starts the built server exactly as `npm start` does (node dist/server/main.js) on a free port.
const root = join(__dirname, '..', '..');
const entry = join(root, 'dist', 'server', 'main.js');

let server: ChildProcess;
let base: string;

beforeAll(async () => {
  if (!existsSync(entry)) throw new Error('dist/server/main.js is missing: run `npm run build` first (npm test does)');
  server = spawn(process.execPath, [entry], { env: { ...process.env, PORT: '0', MicrosoftAppId: '', PUBLIC_BASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  base = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 20000);
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/localhost:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}, 30000);

afterAll(() => {
  server?.kill('SIGTERM');
});

describe('npm start: the local server', () => {
  it('answers a conversationUpdate with expectReplies with the welcome card, as curl would see it', async () => {
    const response = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity({ type: 'conversationUpdate', membersAdded: [{ id: 'user-1' }] })),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { activities: never[] };
    const cards = cardsOf(body.activities);
    expect(cards).toHaveLength(1);
    expect(cardText(cards[0])).toMatch(/licens/i);
  });

  it('serves the guide pages and the health check', async () => {
    const page = await fetch(`${base}/guide/virtual-machines`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(await page.text()).toContain('<section id="vm-listed-providers">');
    const health = await fetch(`${base}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
  });

  it('refuses an oversized body with 413 and malformed JSON with 400, never a 5xx', async () => {
    const big = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(300 * 1024) });
    expect(big.status).toBe(413);
    const bad = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: expect.any(String) });
  });

  it('answers unknown paths with 404', async () => {
    expect((await fetch(`${base}/nothing-here`)).status).toBe(404);
  });
});
