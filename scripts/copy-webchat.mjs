#!/usr/bin/env node
// Part of `npm run build`: copies Bot Framework Web Chat's browser bundle (and its licence notice)
// from the botframework-webchat package to dist/webchat/, where the webchat function serves it
// from even when the deployment ships no node_modules (handlers/webchat-assets.ts looks there first).
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'node_modules', 'botframework-webchat', 'dist');
const to = join(root, 'dist', 'webchat');
mkdirSync(to, { recursive: true });
for (const file of ['webchat.js', 'webchat.js.LICENSE.txt']) copyFileSync(join(from, file), join(to, file));
