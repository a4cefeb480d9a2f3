#!/usr/bin/env node
// npm run node:version: which Node the project's scripts run on. npm itself may run on an older
// Node (this project's CI machines have 20); under `npm run`, node_modules/.bin comes first on
// PATH, so `node` here is the Node 24 of the node-linux-* package where one is installed.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundled = join(root, 'node_modules', `node-${process.platform}-${process.arch}`, 'bin', 'node');
const source = existsSync(bundled) && process.execPath === bundled ? `the node-${process.platform}-${process.arch} package` : 'this machine';
console.log(`node ${process.version} (${source}: ${process.execPath})`);
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(`Node ${process.version} is too old for this project (engines: >=22, deployed on 24).`);
  process.exit(1);
}
