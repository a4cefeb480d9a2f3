#!/usr/bin/env node
// Starts the Microsoft 365 Agents Playground against the local bot (npm start must be running).
// TEAMSAPPTESTER_BROWSER=none keeps it from opening a browser; APPLICATION_INSIGHTS_NO_STATSBEAT
// stops the calls to Azure it makes even with --disable-telemetry.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pkg = require.resolve('@microsoft/m365agentsplayground/package.json');
const bin = join(dirname(pkg), require(pkg).bin.agentsplayground ?? require(pkg).bin);
const botPort = process.env.PORT || '3978';
const channel = process.argv[2] || 'msteams';
const child = spawn(
  process.execPath,
  [bin, 'start', '-e', `http://localhost:${botPort}/api/messages`, '-c', channel, '--disable-telemetry', '-p', process.env.PLAYGROUND_PORT || '56150'],
  {
    stdio: 'inherit',
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', APPLICATION_INSIGHTS_NO_STATSBEAT: 'true' },
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
