#!/usr/bin/env node
// `npm run test:e2e`: end-to-end tests through a real chat client.
//
// Builds if the sources are newer than dist/, starts the local bot server and one Microsoft 365
// Agents Playground per channel (msteams, emulator), each on a free port, then runs jest with
// jest.e2e.config.js (every test under test/e2e/, one at a time). Both kinds of server are stopped
// in every outcome: success, failure, the overall time limit, Ctrl-C or a kill. A Playground left
// running would make the next one silently take a random port.
//
// Extra arguments go to jest:  npm run test:e2e -- -t "welcome"
// Settings (environment):
//   E2E_CHANNELS    channels to test, comma-separated (default "msteams,emulator")
//   E2E_TIMEOUT_MS  hard limit for the whole run (default 720000); on expiry everything is stopped
//   E2E_CHROMIUM    browser executable (default /usr/bin/chromium)
//   E2E_HEADED=1    show the browser (needs a display)
// What the tests receive: E2E_BOT_URL, E2E_PLAYGROUND_<CHANNEL> (e.g. E2E_PLAYGROUND_MSTEAMS),
// E2E_CHANNELS, E2E_ARTIFACTS (test-results/e2e), E2E_CHROMIUM; with msteams also E2E_PLAYGROUND_DESK,
// E2E_DESK_TEAM and E2E_DESK_CHANNEL (the licensing desk's own Playground, see deskSetup below).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, 'test-results', 'e2e');
const channels = (process.env.E2E_CHANNELS ?? 'msteams,emulator')
  .split(',')
  .map((c) => c.trim())
  .filter(Boolean);
const chromium = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const timeoutMs = Number(process.env.E2E_TIMEOUT_MS ?? 720_000);
const playgroundCli = join(root, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
const jestBin = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const started = Date.now();
// The servers of a run that was killed outright (SIGKILL leaves no chance to clean up), stopped by the next run.
const pidFile = join(tmpdir(), `licensing-bot-e2e-${createHash('sha256').update(root).digest('hex').slice(0, 12)}.pids`);

/** Every child we started, in its own process group so that stopping it stops its children too. */
const children = new Set();
let stopping = false;

const log = (line) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);

function fail(message) {
  const error = new Error(message);
  error.expected = true;
  throw error;
}

// ---- build if needed --------------------------------------------------------------------------

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'generated' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function buildIfNeeded() {
  const built = join(root, 'dist', 'server', 'main.js');
  const include = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).include ?? [];
  const sources = include
    .filter((entry) => !/^test(\/|$)/.test(entry))
    .map((entry) => join(root, entry.split('*')[0]))
    .concat(['package.json', 'tsconfig.json', 'tsconfig.build.json', 'tsconfig.web.json', 'scripts/copy-webchat.mjs'].map((f) => join(root, f)));
  const newestSource = Math.max(...sources.map(newestMtime));
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource) {
    log('dist/ is up to date');
    return;
  }
  log('building (npm run build)');
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(`npm run build failed (exit ${result.status})`);
}

// ---- leftovers of a killed run ----------------------------------------------------------------

function recordPids() {
  const pids = [...children].map((r) => r.child.pid);
  try {
    if (pids.length) writeFileSync(pidFile, JSON.stringify(pids));
    else rmSync(pidFile, { force: true });
  } catch {
    // best effort
  }
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function stopLeftovers() {
  if (!existsSync(pidFile)) return;
  let pids = [];
  try {
    pids = JSON.parse(readFileSync(pidFile, 'utf8'));
  } catch {
    // unreadable: nothing to do
  }
  const ours = pids.filter((pid) => {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      // Only what this script starts, from this checkout: a reused pid is left alone.
      return cmdline.includes(root) && /m365agentsplayground|dist\/server\/main\.js|jest\.e2e\.config\.js/.test(cmdline);
    } catch {
      return false; // gone
    }
  });
  // SIGTERM first: jest's Playwright then closes its Chromium too.
  for (const pid of ours) {
    log(`stopping a process left over by an earlier run (pid ${pid})`);
    signalPid(pid, 'SIGTERM');
  }
  const deadline = Date.now() + 4000;
  while (ours.some(alive) && Date.now() < deadline) await sleep(100);
  for (const pid of ours.filter(alive)) signalPid(pid, 'SIGKILL');
  rmSync(pidFile, { force: true });
}

function signalPid(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // gone
    }
  }
}

// ---- processes --------------------------------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a long-running child in its own process group and keeps its output for error reports. */
function start(name, command, args, env) {
  const child = spawn(command, args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const record = { name, child, output: '', exited: false };
  children.add(record);
  recordPids();
  const keep = (chunk) => {
    record.output = (record.output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.on('exit', (code, signal) => {
    record.exited = true;
    record.exitInfo = signal ?? code;
    children.delete(record);
    recordPids();
    if (!stopping && name !== 'jest') log(`${name} exited unexpectedly (${signal ?? code})\n${record.output}`);
  });
  child.on('error', (error) => {
    record.output += `\n${error.message}`;
  });
  return record;
}

function signalGroup(record, signal) {
  signalPid(record.child.pid, signal);
}

/** SIGTERM, then SIGKILL after a grace period, for every child still running. */
async function stopAll(graceMs = 4000) {
  stopping = true;
  const running = [...children];
  if (!running.length) return;
  for (const record of running) signalGroup(record, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (running.some((r) => !r.exited) && Date.now() < deadline) await sleep(100);
  for (const record of running) if (!record.exited) signalGroup(record, 'SIGKILL');
  const killDeadline = Date.now() + 2000;
  while (running.some((r) => !r.exited) && Date.now() < killDeadline) await sleep(50);
  log(`stopped ${running.map((r) => r.name).join(', ')}`);
}

// Last resort when the process goes down without running the async cleanup.
process.on('exit', () => {
  for (const record of children) {
    try {
      process.kill(-record.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what, record, check, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (record.exited) fail(`${record.name} exited (${record.exitInfo}) before ${what}:\n${record.output}`);
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    await sleep(150);
  }
  fail(`timed out after ${timeout} ms waiting for ${what}:\n${record.output}`);
}

// ---- the licensing desk ------------------------------------------------------------------------

// The desk's round trip (test/e2e/desk.test.ts) is between two people: the asker in the msteams
// Playground, and a desk member in a second Teams Playground whose mocked team has the desk
// channel. A Playground has one current user, set (with its team and channels) by its config file
// (M365_AGENTS_PLAYGROUND_CONFIG_PATH, JSON being YAML); the bot lets that team register the desk
// and keeps its requests in a store of this run only. Nothing here is in committed settings.
const DESK_TEAM = { id: 'e2e-licensing-team', name: 'Licensing' };
const DESK_CHANNEL = { id: 'e2e-licensing-desk-channel', name: 'Licensing desk' };
let deskDir;

function deskSetup() {
  deskDir = mkdtempSync(join(tmpdir(), 'licensing-bot-e2e-desk-'));
  let people = 0;
  const person = (id, given, surname) => ({
    id,
    name: `${given} ${surname}`,
    userPrincipleName: `${id}@example.com`,
    aadObjectId: `00000000-0000-4000-8000-${String((people += 1)).padStart(12, '0')}`,
    givenName: given,
    surname,
    email: `${id}@example.com`,
  });
  const member = person('desk-member', 'Mel', 'Member');
  const users = [];
  // The config's schema wants exactly five other users.
  for (const [id, given, surname] of [
    ['desk-colleague-1', 'Oscar', 'Other'],
    ['desk-colleague-2', 'Rita', 'Reviewer'],
    ['desk-colleague-3', 'Sam', 'Support'],
    ['desk-colleague-4', 'Tess', 'Terms'],
    ['desk-colleague-5', 'Uma', 'Upgrade'],
  ])
    users.push(person(id, given, surname));
  const config = {
    version: '0.1.1',
    tenantId: '00000000-0000-4000-8000-0000000000e2',
    bot: { id: 'e2e-licensing-bot', name: 'Licensing Assistant' },
    currentUser: member,
    users,
    personalChat: { id: 'e2e-desk-member-personal-chat' },
    groupChat: { id: 'e2e-desk-group-chat', name: 'Desk group chat' },
    team: { ...DESK_TEAM, aadGroupId: '00000000-0000-4000-8000-0000000000e3', channels: [DESK_CHANNEL] },
  };
  const configPath = join(deskDir, 'playground-desk.yml');
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  return {
    configPath,
    botEnv: { DESK_STORE: 'embedded', DESK_STORE_FILE: join(deskDir, 'desk.sqlite'), DESK_TEAM_ID: DESK_TEAM.id, DESK_OWNER_IDS: '' },
  };
}

async function startBot(extraEnv = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), PUBLIC_BASE_URL: url, ...extraEnv };
  // Bot Framework authentication off, as the Playground expects.
  for (const name of ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'APPLICATIONINSIGHTS_CONNECTION_STRING'])
    delete env[name];
  const record = start('bot', process.execPath, [join(root, 'dist', 'server', 'main.js')], env);
  await waitFor(`the bot on ${url}`, record, async () => (await fetch(`${url}/api/health`)).ok);
  log(`bot server on ${url}`);
  return url;
}

async function startPlayground(channel, botUrl, { name = channel, configPath } = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: 'none', // else it opens a browser
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true', // else it calls Azure even with --disable-telemetry
  };
  // Without a config file of its own a Playground mocks its default team and users.
  delete env.M365_AGENTS_PLAYGROUND_CONFIG_PATH;
  if (configPath) env.M365_AGENTS_PLAYGROUND_CONFIG_PATH = configPath;
  const args = [playgroundCli, 'start', '-e', `${botUrl}/api/messages`, '-c', channel, '--disable-telemetry', '-p', String(port)];
  const record = start(`playground(${name})`, process.execPath, args, env);
  // A busy port makes it fall back to a random one, silently but for its "Listening on" line; and
  // whatever answers the ping on our port would then be some other Playground.
  await waitFor(`the Playground (${name}) to listen`, record, async () => /Listening on \d+/.test(record.output));
  const listening = Number(record.output.match(/Listening on (\d+)/)[1]);
  if (listening !== port) fail(`the Playground (${name}) took port ${listening} instead of ${port}`);
  await waitFor(`the Playground (${name}) on ${url}`, record, async () => (await (await fetch(`${url}/_debug/ping`)).text()).trim() === 'pong');
  log(`Playground (${name}) on ${url}`);
  return url;
}

function runJest(env) {
  return new Promise((resolve) => {
    const args = [jestBin, '-c', join(root, 'jest.e2e.config.js'), '--runInBand', ...process.argv.slice(2)];
    const child = spawn(process.execPath, args, { cwd: root, env, detached: true, stdio: 'inherit' });
    const record = { name: 'jest', child, output: '', exited: false };
    children.add(record);
    recordPids();
    child.on('exit', (code, signal) => {
      record.exited = true;
      children.delete(record);
      recordPids();
      resolve(signal ? 1 : (code ?? 1));
    });
  });
}

// ---- main -------------------------------------------------------------------------------------

let finishing;
async function finish(code, reason) {
  finishing ??= (async () => {
    if (reason) log(reason);
    // Let jest (and the browser Playwright started) shut down first: SIGINT lets Playwright close Chromium.
    for (const record of children) if (record.name === 'jest') signalGroup(record, 'SIGINT');
    await stopAll();
    if (deskDir) rmSync(deskDir, { recursive: true, force: true });
    log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s, exit ${code}`);
    process.exit(code);
  })();
  return finishing;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => void finish(130, `${signal} received: stopping everything`));
}
const timer = setTimeout(() => void finish(124, `time limit of ${timeoutMs} ms reached: stopping everything`), timeoutMs);
timer.unref();

try {
  if (!existsSync(chromium)) fail(`no browser at ${chromium} (apt-get install -y chromium, or set E2E_CHROMIUM)`);
  for (const channel of channels) {
    if (!['msteams', 'emulator'].includes(channel)) fail(`unsupported channel "${channel}": the Playground renders card replies only in msteams and emulator`);
  }
  await stopLeftovers();
  buildIfNeeded();
  rmSync(artifacts, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  mkdirSync(artifacts, { recursive: true });
  const desk = channels.includes('msteams') ? deskSetup() : undefined;
  const botUrl = await startBot(desk?.botEnv);
  const env = { ...process.env, E2E_BOT_URL: botUrl, E2E_CHANNELS: channels.join(','), E2E_ARTIFACTS: artifacts, E2E_CHROMIUM: chromium };
  const [deskPlayground, ...playgrounds] = await Promise.all([
    desk ? startPlayground('msteams', botUrl, { name: 'desk', configPath: desk.configPath }) : undefined,
    ...channels.map((channel) => startPlayground(channel, botUrl)),
  ]);
  channels.forEach((channel, i) => (env[`E2E_PLAYGROUND_${channel.toUpperCase()}`] = playgrounds[i]));
  if (deskPlayground) Object.assign(env, { E2E_PLAYGROUND_DESK: deskPlayground, E2E_DESK_TEAM: DESK_TEAM.name, E2E_DESK_CHANNEL: DESK_CHANNEL.name });
  const code = await runJest(env);
  await finish(code, `jest finished with exit code ${code}`);
} catch (error) {
  console.error(error.expected ? `e2e: ${error.message}` : error);
  await finish(1);
}
