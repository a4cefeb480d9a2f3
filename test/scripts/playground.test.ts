import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../support/free-port';

// `npm run playground` starts the Microsoft 365 Agents Playground and, once it answers, prints the
// address to open (it opens no browser itself), and says so when the bot is not running.
const root = join(__dirname, '..', '..');

let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

it('prints the Playground address once it is ready, and that the bot is not answering', async () => {
  const [playgroundPort, botPort] = [await freePort(), await freePort()];
  child = spawn(process.execPath, [join(root, 'scripts', 'playground.mjs')], {
    env: { ...process.env, PLAYGROUND_PORT: String(playgroundPort), PORT: String(botPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed within 60 s:\n${output}`)), 60_000);
    const check = () => {
      if (/npm start/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child!.stdout!.on('data', check);
    child!.once('exit', (code) => reject(new Error(`the script exited with ${code}:\n${output}`)));
  });
  expect(output).toContain(`is ready: open http://localhost:${playgroundPort} in a browser`);
  expect(output).toContain(`The bot does not answer at http://localhost:${botPort}`);
  // Ready means ready: the address answers the Playground's own readiness check.
  const ping = await fetch(`http://127.0.0.1:${playgroundPort}/_debug/ping`);
  expect((await ping.text()).trim()).toBe('pong');
}, 90_000);
