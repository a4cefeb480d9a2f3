import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { TOPICS } from '../../core/topics';
import { activity } from '../support/activities';
import { buttons, CardButton, kindOf } from '../support/cards';
import { answerData } from '../support/interview-driver';
import { ConnectorStandIn, startConnectorStandIn } from '../support/connector-stand-in';
import { cardsOf, Card } from '../support/http';

// The built server (as `npm start` runs it) killed with SIGKILL in the middle of an interview and
// of a turn whose reply hangs, then started again on the same port: the channel's request in
// flight ends (it does not hang), and the user's next press on the card they already have goes on
// where it was, because every card carries its own state (decision 0002).

const entry = join(__dirname, '..', '..', 'dist', 'server', 'main.js');
let connector: ConnectorStandIn;
let port: number;
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port: free } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return free;
}

/** Starts dist/server/main.js on `port` and resolves once it says it listens. */
function start(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: String(port), MicrosoftAppId: '', PUBLIC_BASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function post(fields: Record<string, unknown>): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity(fields)),
  });
}

async function card(fields: Record<string, unknown>): Promise<Card> {
  const response = await post(fields);
  expect(response.status).toBe(200);
  const cards = cardsOf(((await response.json()) as { activities: never[] }).activities);
  expect(cards).toHaveLength(1);
  return cards[0];
}

const press = (button: CardButton) => card({ value: button.data });

beforeAll(async () => {
  if (!existsSync(entry)) throw new Error('dist/server/main.js is missing: run `npm run build` first (npm test does)');
  connector = await startConnectorStandIn();
  port = await freePort();
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await connector.close();
});

test('killed mid-interview and mid-turn, restarted on the same port: the turn in flight ends, the interview goes on from the card', async () => {
  let server = await start();
  const welcome = await card({ type: 'conversationUpdate', membersAdded: [{ id: 'user-1' }] });
  const question = await press(buttons(welcome).find((b) => b.title === TOPICS['used-pc'].title)!);
  expect(kindOf(question)).toBe('question');

  // A turn whose reply the channel never takes: the server dies while it waits.
  connector.modes.set('killed-turn', 'hang');
  const inFlight = post({ text: 'help', serviceUrl: connector.url, deliveryMode: undefined, conversation: { id: 'killed-turn' } }).then(
    (response) => response.status,
    (error: Error) => error.name,
  );
  for (let waited = 0; !connector.of('killed-turn').length && waited < 100; waited++) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(connector.of('killed-turn')).toHaveLength(1);
  await kill(server);
  // The channel sees the connection end (a failed fetch), not a request left hanging.
  expect(await inFlight).toBe('TypeError');

  server = await start();
  const health = await fetch(`http://127.0.0.1:${port}/api/health`);
  expect(health.status).toBe(200);
  // The press the user makes next, on the card they already had, works on the new process.
  const next = await card({ value: answerData(question) });
  expect(['question', 'answer']).toContain(kindOf(next));
  await kill(server);
}, 60_000);
