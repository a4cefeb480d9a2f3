#!/usr/bin/env node
// npm run bench: how the bot performs against a bare botbuilder echo bot behind the same
// Functions shim, measured in the same run and interleaved with ours, so that whatever else the
// machine is doing falls on both alike. Prints a table and writes bench/results.json.
//
//   node bench/bench.mjs [--quick] [--docs]
//     --quick    a few runs of everything (checks the benchmark itself, figures are rough)
//     --docs     also writes the table into docs/benchmark.md (--readme, its old name, still works)
//
// Expects `npm run build` to have run (npm run bench does it): it measures dist/bundle (the
// deployed bundle) and dist/functions (the tsc output). Everything else it builds itself into
// bench/.out. Every server listens on 127.0.0.1 only, and every process it starts is stopped
// however it ends.
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { BUNDLE_FILE, ENTRY_FILE, bundle, bundleApp, root, writeEntryAndCodeCache } from '../scripts/bundle.mjs';

const require = createRequire(import.meta.url);
const { build } = require('esbuild');
const { ECHO_TURN, FIRST_TURN, FREE_TEXT, summary } = require('./lib/common.cjs');
const DEPLOYED_DIR = join(root, 'dist', 'bundle', 'functions');

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const SETTINGS = QUICK
  ? { coldRuns: 3, turnRounds: 2, turnBlock: 50, turnWarmup: 50, loadSeconds: 2, loadRounds: 1, warmupSeconds: 1 }
  : { coldRuns: 15, turnRounds: 10, turnBlock: 150, turnWarmup: 300, loadSeconds: 10, loadRounds: 2, warmupSeconds: 2 };
const CONNECTIONS = 20;
const LONG_BASE_URL = 'https://windows-licensing-assistant-prod-westeurope-01.azurewebsites.net/teams/apps/windows-licensing-assistant/v1';

const OUT = join(root, 'bench', '.out');
const LIB = join(root, 'bench', 'lib');
const RESULTS = join(root, 'bench', 'results.json');

// Children get the environment of a local run: no app registration, no telemetry.
const CHILD_ENV = {
  ...process.env,
  MicrosoftAppId: '',
  MicrosoftAppPassword: '',
  MicrosoftAppTenantId: '',
  APPLICATIONINSIGHTS_CONNECTION_STRING: '',
  PUBLIC_BASE_URL: '',
};

// ---------------------------------------------------------------------------------------------
// Child processes: every one is tracked and stopped on any way out.

const children = new Set();
function stopChildren() {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
process.on('exit', stopChildren);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopChildren();
    process.exit(128 + { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 }[signal]);
  });
}

/** Runs a node script to completion and returns its stdout; fails on a non-zero exit or timeout. */
function runNode(script, scriptArgs, { env = CHILD_ENV, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...scriptArgs], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      if (code === 0) resolve(stdout);
      else
        reject(
          new Error(
            `${script} ${signal ? `was killed (${signal})` : `exited ${code}`}: ${stderr
              .split('\n')
              .filter((l) => !l.startsWith('WARNING'))
              .join('\n')
              .slice(-2000)}`,
          ),
        );
    });
  });
}

const lastJsonLine = (text) => JSON.parse(text.trim().split('\n').at(-1));

/** Starts a local server child and resolves when it listens. */
function startServer(kind, modulePath) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', join(LIB, 'server.cjs'), kind, modulePath], {
      env: CHILD_ENV,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    children.add(child);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start in time`)), 60_000);
    child.on('exit', (code) => {
      children.delete(child);
      reject(new Error(`${kind} server exited ${code}: ${stderr.slice(-2000)}`));
    });
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve({
        kind,
        url: `http://127.0.0.1:${message.port}/api/messages`,
        usage: (what = 'usage') =>
          new Promise((done) => {
            child.once('message', done);
            child.send(what);
          }),
        stop: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => {
              children.delete(child);
              done();
            });
            child.send('stop');
            setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
          }),
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Builds

/** The echo bot, compiled like ours but with every package left to load from node_modules. */
const ECHO_BUILD = { bundle: true, packages: 'external', platform: 'node', target: 'node24', format: 'cjs', sourcemap: 'external', logLevel: 'warning' };

/**
 * server/local-server.ts imports our handlers; the echo bot's server must not load them. This
 * replaces each module it imports from handlers/ (but the tiny http-errors) with stand-ins of the
 * same names that answer 404, found by reading its import lines.
 */
const stubOurHandlers = {
  name: 'stub-our-handlers',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.\/handlers\// }, (resolved) =>
      /server[\\/]local-server\.ts$/.test(resolved.importer) && resolved.path !== '../handlers/http-errors'
        ? { path: resolved.path, namespace: 'stub', pluginData: resolved.importer }
        : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'stub' }, (loaded) => {
      const source = readFileSync(loaded.pluginData, 'utf8');
      const names = new Set();
      const imports = new RegExp(`import\\s*(?:type\\s*)?\\{([^}]*)\\}\\s*from\\s*['"]${loaded.path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}['"]`, 'g');
      for (const match of source.matchAll(imports)) {
        for (const name of match[1].split(','))
          if (name.trim())
            names.add(
              name
                .trim()
                .replace(/^type\s+/, '')
                .split(/\s+as\s+/)[0],
            );
      }
      const notHere = 'async () => ({ status: 404, jsonBody: { error: "not part of the echo bot" } })';
      return { contents: [...names].map((name) => `export const ${name} = ${notHere};`).join('\n'), loader: 'ts' };
    });
  },
};

async function buildAll() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const built = {};
  await build({ ...ECHO_BUILD, entryPoints: [join(root, 'bench', 'echo', 'function.ts')], outfile: join(OUT, 'echo', 'function.js') });
  built.echo = join(OUT, 'echo', 'function.js');
  await build({
    ...ECHO_BUILD,
    stdin: {
      contents: "export { createLocalServer, defaultRoutes } from './server/local-server';\nexport { echoMessagesHandler } from './bench/echo/function';\n",
      resolveDir: root,
      sourcefile: 'echo-server.ts',
      loader: 'ts',
    },
    outfile: join(OUT, 'echo-server', 'index.js'),
    plugins: [stubOurHandlers],
  });
  built.echoServer = join(OUT, 'echo-server', 'index.js');
  built.oursServer = join(OUT, 'ours-server', 'index.js');
  await bundle({ contents: "export { createLocalServer } from './server/local-server';\n", outfile: built.oursServer, sourcefile: 'ours-server.ts' });
  built.core = join(OUT, 'core', 'index.js');
  await bundle({
    contents: [
      "export { decide } from './core/decide';",
      "export { search } from './reading/search';",
      "export { TOPICS } from './core/topics';",
      "export { TOPIC_IDS } from './core/types';",
      "export { answerCard, questionCard } from './bot/replies';",
      "export { guide } from './core/knowledge';",
    ].join('\n'),
    outfile: built.core,
    sourcefile: 'core-bench.ts',
  });
  const minified = await bundleApp({ outfile: join(OUT, 'ours-minified', 'index.js'), options: { minify: true } });
  built.minified = minified.outfile;
  built.minifiedBytes = minified.bytes;
  // The deployed entry where the build's code cache does not fit the Node that runs it, in two
  // copies of the deployed files. "No cache": code-cache.json lists a cache for another Node
  // release only, as on a host that runs another patch release than the build did; the entry
  // finds none and require()s the bundle. "Rejected": it lists, for this Node, the cache of a
  // different bundle (ours plus one comment line); V8 reads and refuses it, as it would a cache
  // from another V8 version or other V8 flags, and compiles the bundle as usual.
  const deployed = ['index.js', 'main.js', 'prerendered-cards.json'];
  built.noCache = join(OUT, 'entry-no-cache', 'main.js');
  mkdirSync(dirname(built.noCache), { recursive: true });
  for (const file of deployed) copyFileSync(join(DEPLOYED_DIR, file), join(dirname(built.noCache), file));
  const ours = JSON.parse(readFileSync(join(DEPLOYED_DIR, 'code-cache.json'), 'utf8'));
  const [[target, cacheName]] = Object.entries(ours.caches);
  copyFileSync(join(DEPLOYED_DIR, cacheName), join(dirname(built.noCache), cacheName));
  writeFileSync(join(dirname(built.noCache), 'code-cache.json'), JSON.stringify({ bundle: 'index.js', caches: { 'v0.0.0-x64': cacheName } }));
  const other = join(OUT, 'other-bundle', 'index.js');
  mkdirSync(dirname(other), { recursive: true });
  writeFileSync(other, `${readFileSync(BUNDLE_FILE, 'utf8')}// another build\n`);
  const otherCache = writeEntryAndCodeCache({ bundleFile: other });
  built.rejected = join(OUT, 'entry-rejected', 'main.js');
  mkdirSync(dirname(built.rejected), { recursive: true });
  for (const file of deployed) copyFileSync(join(DEPLOYED_DIR, file), join(dirname(built.rejected), file));
  copyFileSync(otherCache.file, join(dirname(built.rejected), 'other.v8cache'));
  writeFileSync(join(dirname(built.rejected), 'code-cache.json'), JSON.stringify({ bundle: 'index.js', caches: { [target]: 'other.v8cache' } }));
  built.codeCache = { target, file: cacheName, bytes: readFileSync(join(DEPLOYED_DIR, cacheName)).length };
  return built;
}

// ---------------------------------------------------------------------------------------------
// Measurements

async function coldStarts(built) {
  const variants = [
    { key: 'ours', label: 'ours, deployed (entry: bundle + code cache)', exportName: 'messagesHandler', modules: [ENTRY_FILE], codeCache: 'hit' },
    { key: 'echo', label: 'echo bot (baseline)', exportName: 'echoMessagesHandler', modules: [built.echo] },
    { key: 'oursNoCache', label: 'ours, deployed, no code cache for this Node', exportName: 'messagesHandler', modules: [built.noCache], codeCache: 'none' },
    {
      key: 'oursRejected',
      label: 'ours, deployed, code cache rejected by V8',
      exportName: 'messagesHandler',
      modules: [built.rejected],
      codeCache: 'rejected',
    },
    { key: 'oursBundle', label: 'ours, the bundle alone (no entry, no cache)', exportName: 'messagesHandler', modules: [BUNDLE_FILE] },
    {
      key: 'oursUnbundled',
      label: 'ours, unbundled (tsc output)',
      exportName: 'messagesHandler',
      modules: [join(root, 'dist', 'functions', 'index.js'), join(root, 'dist', 'functions', 'messages.js')],
    },
    { key: 'oursMinified', label: 'ours, bundled and minified', exportName: 'messagesHandler', modules: [built.minified] },
  ];
  const runs = Object.fromEntries(variants.map((v) => [v.key, []]));
  const once = async (variant) => {
    const result = lastJsonLine(
      await runNode(join(LIB, 'cold-start.cjs'), [variant.exportName, JSON.stringify(FIRST_TURN), ...variant.modules], { timeoutMs: 60_000 }),
    );
    if (result.status !== 200 || result.replies < 1) throw new Error(`${variant.label}: first turn answered ${result.status} with ${result.replies} replies`);
    if (variant.codeCache && result.codeCache !== variant.codeCache)
      throw new Error(`${variant.label}: the entry's code cache was ${result.codeCache}, not ${variant.codeCache}`);
    return result;
  };
  for (const variant of variants) await once(variant); // untimed: file cache
  for (let round = 0; round < SETTINGS.coldRuns; round++) {
    // A different order each round, so that no variant always follows the same one.
    const order = variants.map((_, i) => variants[(i + round) % variants.length]);
    for (const variant of order) runs[variant.key].push(await once(variant));
    progress(`cold starts ${round + 1}/${SETTINGS.coldRuns}`);
  }
  return Object.fromEntries(
    variants.map((v) => [
      v.key,
      {
        label: v.label,
        totalMs: summary(runs[v.key].map((r) => r.totalMs)),
        loadMs: summary(runs[v.key].map((r) => r.loadMs)),
        firstTurnMs: summary(runs[v.key].map((r) => r.firstTurnMs)),
        bootMs: summary(runs[v.key].map((r) => r.bootMs)),
      },
    ]),
  );
}

async function turns() {
  const output = await runNode(
    join(LIB, 'turns.cjs'),
    [BUNDLE_FILE, join(OUT, 'echo', 'function.js'), SETTINGS.turnRounds, SETTINGS.turnBlock, SETTINGS.turnWarmup],
    { timeoutMs: 600_000 },
  );
  const { kinds, activities } = lastJsonLine(output);
  const perKind = {};
  const pooled = { ours: [], echo: [] };
  for (const [kind, samples] of Object.entries(kinds)) {
    perKind[kind] = { ours: summary(samples.ours), echo: summary(samples.echo) };
    pooled.ours.push(...samples.ours);
    pooled.echo.push(...samples.echo);
  }
  return { perKind, all: { ours: summary(pooled.ours), echo: summary(pooled.echo) }, activities };
}

/**
 * One autocannon run. Besides requests per second (which depends on how much CPU the machine has
 * left for the server), it reports the server's own CPU time per request, which does not.
 */
async function load(server, body, seconds) {
  const before = (await server.usage()).cpu;
  const result = await autocannon({
    url: server.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
    duration: seconds,
  });
  const after = (await server.usage()).cpu;
  if (result.errors || result.timeouts || result.non2xx)
    throw new Error(`${server.kind}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers under load`);
  const cpuMs = (after.user + after.system - before.user - before.system) / 1000;
  return {
    requestsPerSecond: result.requests.total / result.duration,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    requests: result.requests.total,
    serverCpuMsPerRequest: cpuMs / result.requests.total,
    responseBytes: result.throughput.total / result.requests.total,
  };
}

async function throughput(built, kinds) {
  const servers = {};
  try {
    [servers.ours, servers.echo] = await Promise.all([startServer('ours', built.oursServer), startServer('echo', built.echoServer)]);
    const bodies = {
      echo: JSON.stringify(ECHO_TURN),
      'interview step': JSON.stringify(kinds['interview step']),
      'free text': JSON.stringify(kinds['free text']),
    };
    const memoryBefore = { ours: (await servers.ours.usage()).memory, echo: (await servers.echo.usage()).memory };
    await load(servers.echo, bodies.echo, SETTINGS.warmupSeconds);
    for (const kind of ['interview step', 'free text']) await load(servers.ours, bodies[kind], SETTINGS.warmupSeconds);

    // Each of our runs sits next to an echo run: [echo, step, echo, free], then reversed.
    const runs = { 'interview step': [], 'free text': [], echo: [] };
    const plan = [
      ['echo', 'interview step', 'echo', 'free text'],
      ['free text', 'echo', 'interview step', 'echo'],
    ];
    let done = 0;
    for (let round = 0; round < SETTINGS.loadRounds; round++) {
      for (const kind of plan[round % 2]) {
        runs[kind].push(await load(kind === 'echo' ? servers.echo : servers.ours, bodies[kind], SETTINGS.loadSeconds));
        progress(`load runs ${++done}/${SETTINGS.loadRounds * 4}`);
      }
    }
    const memoryAfter = { ours: (await servers.ours.usage()).memory, echo: (await servers.echo.usage()).memory };
    // Then what is still in use once the garbage is collected (RSS is taken first: collecting can return pages).
    const liveAfter = { ours: (await servers.ours.usage('live')).memory, echo: (await servers.echo.usage('live')).memory };
    const mean = (list, key) => list.reduce((sum, run) => sum + run[key], 0) / list.length;
    const summarise = (list) => ({
      requestsPerSecond: mean(list, 'requestsPerSecond'),
      latencyP50: mean(list, 'latencyP50'),
      latencyP99: mean(list, 'latencyP99'),
      serverCpuMsPerRequest: mean(list, 'serverCpuMsPerRequest'),
      responseBytes: mean(list, 'responseBytes'),
      runs: list,
    });
    return {
      connections: CONNECTIONS,
      seconds: SETTINGS.loadSeconds,
      ours: { 'interview step': summarise(runs['interview step']), 'free text': summarise(runs['free text']) },
      echo: summarise(runs.echo),
      memoryBefore,
      memoryAfter,
      liveAfter,
    };
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const ms = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const ratio = (value) => `${value.toFixed(2)}x`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function table(results) {
  const { cold, turn, load: loadResults, core, targets } = results.details;
  const lines = [];
  const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
  row('measure', 'ours', 'echo bot', 'ours / echo', 'target');
  row('---', '---:', '---:', '---:', '---');
  const echoCold = cold.echo;
  for (const [key, variant] of Object.entries(cold)) {
    if (key === 'echo') continue;
    const isDeployed = key === 'ours';
    row(
      `cold start to first reply, p50 (p99): ${variant.label}`,
      `${ms(variant.totalMs.p50)} ms (${ms(variant.totalMs.p99)})`,
      `${ms(echoCold.totalMs.p50)} ms (${ms(echoCold.totalMs.p99)})`,
      ratio(variant.totalMs.p50 / echoCold.totalMs.p50),
      isDeployed ? targets.coldStart : '',
    );
  }
  for (const [key, variant] of Object.entries(cold)) {
    if (key === 'echo') continue;
    row(
      `module load alone, p50: ${variant.label}`,
      `${ms(variant.loadMs.p50)} ms`,
      `${ms(echoCold.loadMs.p50)} ms`,
      ratio(variant.loadMs.p50 / echoCold.loadMs.p50),
      '',
    );
  }
  row(
    'first turn after load, p50 (deployed)',
    `${ms(cold.ours.firstTurnMs.p50)} ms`,
    `${ms(echoCold.firstTurnMs.p50)} ms`,
    ratio(cold.ours.firstTurnMs.p50 / echoCold.firstTurnMs.p50),
    '',
  );
  for (const [kind, { ours, echo }] of Object.entries(turn.perKind)) {
    row(
      `turn in process, p50 (p99): ${kind}`,
      `${ms(ours.p50)} ms (${ms(ours.p99)})`,
      `${ms(echo.p50)} ms (${ms(echo.p99)})`,
      `${ratio(ours.p50 / echo.p50)} (${ratio(ours.p99 / echo.p99)})`,
      '',
    );
  }
  row(
    'turn in process, p50 (p99): all five kinds pooled',
    `${ms(turn.all.ours.p50)} ms (${ms(turn.all.ours.p99)})`,
    `${ms(turn.all.echo.p50)} ms (${ms(turn.all.echo.p99)})`,
    `${ratio(turn.all.ours.p50 / turn.all.echo.p50)} (${ratio(turn.all.ours.p99 / turn.all.echo.p99)})`,
    targets.turnP50,
  );
  for (const [kind, run] of Object.entries(loadResults.ours)) {
    row(
      `local server, ${loadResults.connections} connections, ${loadResults.seconds} s: ${kind} (req/s; latency p50/p99)`,
      `${run.requestsPerSecond.toFixed(0)}; ${ms(run.latencyP50)}/${ms(run.latencyP99)} ms`,
      `${loadResults.echo.requestsPerSecond.toFixed(0)}; ${ms(loadResults.echo.latencyP50)}/${ms(loadResults.echo.latencyP99)} ms`,
      ratio(run.requestsPerSecond / loadResults.echo.requestsPerSecond),
      kind === 'interview step' ? targets.throughput : '',
    );
  }
  for (const [kind, run] of Object.entries(loadResults.ours)) {
    row(
      `local server: ${kind}, server CPU per request (response size)`,
      `${ms(run.serverCpuMsPerRequest)} ms (${kb(run.responseBytes)})`,
      `${ms(loadResults.echo.serverCpuMsPerRequest)} ms (${kb(loadResults.echo.responseBytes)})`,
      ratio(run.serverCpuMsPerRequest / loadResults.echo.serverCpuMsPerRequest),
      '',
    );
  }
  row(
    'RSS after the load runs',
    mb(loadResults.memoryAfter.ours.rss),
    mb(loadResults.memoryAfter.echo.rss),
    ratio(loadResults.memoryAfter.ours.rss / loadResults.memoryAfter.echo.rss),
    targets.rss,
  );
  row(
    'live heap after the load runs (heapUsed after a full GC)',
    mb(loadResults.liveAfter.ours.heapUsed),
    mb(loadResults.liveAfter.echo.heapUsed),
    ratio(loadResults.liveAfter.ours.heapUsed / loadResults.liveAfter.echo.heapUsed),
    '',
  );
  row(
    'RSS before the load runs (server started, nothing served)',
    mb(loadResults.memoryBefore.ours.rss),
    mb(loadResults.memoryBefore.echo.rss),
    ratio(loadResults.memoryBefore.ours.rss / loadResults.memoryBefore.echo.rss),
    '',
  );
  row(
    `every topic's fact space through decide(): ${core.enumeration.states} states, ${core.enumeration.verdicts} verdicts`,
    `${ms(core.enumeration.ms)} ms`,
    '',
    '',
    '',
  );
  row('decide() alone, per call, p50 (p99)', `${core.decideUs.p50.toFixed(1)} µs (${core.decideUs.p99.toFixed(1)})`, '', '', '');
  row(
    'search() alone, per call, p50 (p99); first call builds the index',
    `${core.searchUs.p50.toFixed(0)} µs (${core.searchUs.p99.toFixed(0)}); first ${ms(core.searchFirstCallMs)} ms`,
    '',
    '',
    '',
  );
  for (const kind of ['question', 'answer'])
    row(
      `render a ${kind} card alone, p50 (p99): new data; data rendered before (kept by cards/render.ts)`,
      `${core.renderUs[kind].p50.toFixed(0)} µs (${core.renderUs[kind].p99.toFixed(0)}); ${core.renderHitUs[kind].p50.toFixed(1)} µs (${core.renderHitUs[kind].p99.toFixed(1)})`,
      '',
      '',
      '',
    );
  row(
    `largest answer card (${core.largestCard.topic}, ${core.largestCard.facts} facts, ${core.largestCard.baseUrlChars}-character base URL); whole reply activity`,
    `${kb(core.largestCard.cardBytes)}; ${kb(core.largestCard.activityBytes)}`,
    '',
    '',
    targets.largestCard,
  );
  return lines.join('\n');
}

function progress(message) {
  if (process.stderr.isTTY) process.stderr.write(`\r${message}        `);
}

function writeDocsTable(markdown) {
  const path = join(root, 'docs', 'benchmark.md');
  const doc = readFileSync(path, 'utf8');
  const start = '<!-- bench:table:start -->';
  const end = '<!-- bench:table:end -->';
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/benchmark.md has no ${start} ... ${end} markers`);
  writeFileSync(path, `${doc.slice(0, from + start.length)}\n${markdown}\n${doc.slice(to)}`);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  for (const needed of [BUNDLE_FILE, ENTRY_FILE, join(root, 'dist', 'functions', 'index.js')]) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run npm run build first (npm run bench does)`);
  }
  const started = Date.now();
  const machine = { node: process.version, cpus: cpus().length, loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))) };
  progress('type-checking bench/');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'bench', 'tsconfig.json')], { stdio: 'inherit' });
  progress('building');
  const built = await buildAll();
  // The deployed entry (package.json main: the bundle through its code cache) must register
  // exactly what the tsc output registers.
  const main = join(root, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).main);
  if (main !== ENTRY_FILE) throw new Error(`package.json main is ${main}, not the entry ${ENTRY_FILE}`);
  const [fromBundle, fromTsc] = await Promise.all(
    [ENTRY_FILE, join(root, 'dist', 'functions', 'index.js')].map(async (entry) => lastJsonLine(await runNode(join(LIB, 'registrations.cjs'), [entry]))),
  );
  if (JSON.stringify(fromBundle) !== JSON.stringify(fromTsc))
    throw new Error(`the deployed entry registers ${JSON.stringify(fromBundle)}, the tsc output ${JSON.stringify(fromTsc)}`);
  if (!fromBundle.registered.some((f) => f.name === 'messages') || !/^200 [1-9]/.test(fromBundle.answers.messages ?? ''))
    throw new Error(`the deployed entry's messages function does not answer: ${JSON.stringify(fromBundle)}`);
  const bundleBytes = readFileSync(BUNDLE_FILE).length;

  progress('decision core, search and the largest card');
  const core = lastJsonLine(
    await runNode(join(LIB, 'core.cjs'), [built.core, BUNDLE_FILE], { env: { ...CHILD_ENV, PUBLIC_BASE_URL: LONG_BASE_URL }, timeoutMs: 300_000 }),
  );
  if (core.cards.failureCount) throw new Error(`answer cards failed to render: ${core.cards.failures.join('; ')}`);
  const cold = await coldStarts(built);
  progress('turns in process');
  const turn = await turns();
  const loadResults = await throughput(built, turn.activities);
  if (process.stderr.isTTY) process.stderr.write('\n');

  const ratios = {
    coldStart: cold.ours.totalMs.p50 / cold.echo.totalMs.p50,
    turnP50: turn.all.ours.p50 / turn.all.echo.p50,
    turnP99: turn.all.ours.p99 / turn.all.echo.p99,
    // Higher is better here: the harmonic mean of our two kinds is the rate of an even mix of them.
    throughput:
      2 / (1 / loadResults.ours['interview step'].requestsPerSecond + 1 / loadResults.ours['free text'].requestsPerSecond) / loadResults.echo.requestsPerSecond,
    rss: loadResults.memoryAfter.ours.rss / loadResults.memoryAfter.echo.rss,
  };
  const largestCardBytes = core.largestCard.activityBytes;
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  const targets = {
    coldStart: `≤ 0.6x: ${verdict(ratios.coldStart <= 0.6)}`,
    turnP50: `≤ 1.5x: ${verdict(ratios.turnP50 <= 1.5)}`,
    throughput: `≥ 0.8x (even mix of both kinds ${ratio(ratios.throughput)}): ${verdict(ratios.throughput >= 0.8)}`,
    rss: `≤ 1.2x: ${verdict(ratios.rss <= 1.2)}`,
    largestCard: `< 28 KB: ${verdict(largestCardBytes < 28 * 1024)}`,
  };
  const results = {
    ratios,
    largestCardBytes,
    baseline: {
      coldStartMs: cold.echo.totalMs,
      moduleLoadMs: cold.echo.loadMs,
      firstTurnMs: cold.echo.firstTurnMs,
      turnMs: turn.all.echo,
      throughput: loadResults.echo,
      rssBytes: loadResults.memoryAfter.echo.rss,
    },
    ours: {
      coldStartMs: cold.ours.totalMs,
      moduleLoadMs: cold.ours.loadMs,
      firstTurnMs: cold.ours.firstTurnMs,
      turnMs: turn.all.ours,
      turnMsByKind: Object.fromEntries(Object.entries(turn.perKind).map(([kind, v]) => [kind, v.ours])),
      throughput: loadResults.ours,
      rssBytes: loadResults.memoryAfter.ours.rss,
      bundleBytes,
      minifiedBundleBytes: built.minifiedBytes,
      enumeration: core.enumeration,
      decideUs: core.decideUs,
      searchUs: core.searchUs,
      searchFirstCallMs: core.searchFirstCallMs,
      renderUs: core.renderUs,
      renderHitUs: core.renderHitUs,
      codeCacheBytes: built.codeCache.bytes,
      largestCard: core.largestCard,
    },
    details: {
      cold,
      turn: { perKind: turn.perKind, all: turn.all },
      load: loadResults,
      core,
      targets,
      codeCache: built.codeCache,
      registered: fromBundle,
    },
    settings: { ...SETTINGS, quick: QUICK, connections: CONNECTIONS, freeText: FREE_TEXT },
    machine: { ...machine, loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2))), seconds: Math.round((Date.now() - started) / 1000) },
  };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  const markdown = table(results);
  console.log(markdown);
  console.log(
    `\nbundle ${kb(bundleBytes)} (minified ${kb(built.minifiedBytes)}); ${machine.cpus} CPUs, load average ${machine.loadAverageAtStart.join(' ')} at start, ${results.machine.loadAverageAtEnd.join(' ')} at end; ${results.machine.seconds} s${QUICK ? '; --quick: rough figures' : ''}`,
  );
  console.log(`wrote ${RESULTS}`);
  if (args.has('--docs') || args.has('--readme')) {
    writeDocsTable(markdown);
    console.log('updated the table in docs/benchmark.md');
  }
}

main().catch((error) => {
  stopChildren();
  console.error(`bench failed: ${error.stack ?? error}`);
  process.exitCode = 1;
});
