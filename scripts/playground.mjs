#!/usr/bin/env node
// Starts the Microsoft 365 Agents Playground against the local bot (npm start must be running) and,
// once it answers, prints the address to open in a browser (it opens none itself).
// TEAMSAPPTESTER_BROWSER=none keeps it from opening a browser; APPLICATION_INSIGHTS_NO_STATSBEAT
// stops the calls to Azure it makes even with --disable-telemetry.
// Settings: PORT (the bot's, default 3978), PLAYGROUND_PORT (default 56150); the first argument is
// the channel (default msteams; emulator also renders cards).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pkg = require.resolve('@microsoft/m365agentsplayground/package.json');
const bin = join(dirname(pkg), require(pkg).bin.agentsplayground ?? require(pkg).bin);
const botPort = process.env.PORT || '3978';
const playgroundPort = process.env.PLAYGROUND_PORT || '56150';
const channel = process.argv[2] || 'msteams';
const botUrl = `http://localhost:${botPort}`;
const playgroundUrl = `http://localhost:${playgroundPort}`;

const child = spawn(process.execPath, [bin, 'start', '-e', `${botUrl}/api/messages`, '-c', channel, '--disable-telemetry', '-p', playgroundPort], {
  stdio: 'inherit',
  env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', APPLICATION_INSIGHTS_NO_STATSBEAT: 'true' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

/** Whether `url` answers at all within a second (any status). */
async function answers(url, expect) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    const text = await response.text();
    return expect === undefined || text.trim() === expect;
  } catch {
    return false;
  }
}

// The Playground says it is ready at GET /_debug/ping ("pong"); only then is the address worth opening.
let ready = false;
for (let tries = 0; tries < 120 && !ready && child.exitCode === null; tries++) {
  ready = await answers(`${playgroundUrl}/_debug/ping`, 'pong');
  if (!ready) await new Promise((resolve) => setTimeout(resolve, 500));
}
if (ready) {
  console.log(`\nAgents Playground (${channel}) is ready: open ${playgroundUrl} in a browser.`);
  if (!(await answers(`${botUrl}/api/health`))) {
    console.log(`The bot does not answer at ${botUrl}: start it in another terminal with \`npm start\` (PORT=${botPort}).`);
  }
} else if (child.exitCode === null) {
  console.log(`\nThe Agents Playground did not answer at ${playgroundUrl} within a minute; its own output above says why.`);
}
