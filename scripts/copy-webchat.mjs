#!/usr/bin/env node
// Part of `npm run build`: copies what the app serves under /webchat/ to dist/webchat/, where the
// webchat function finds it even when the deployment ships neither node_modules nor the sources
// (handlers/webchat-assets.ts looks there first and lists the same files): Bot Framework Web Chat's
// browser bundle and its licence notice from the botframework-webchat package, and the page's own
// script, web/webchat-app.js, as app.js.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const webchat = join(root, 'node_modules', 'botframework-webchat', 'dist');
const files = {
  'webchat.js': join(webchat, 'webchat.js'),
  'webchat.js.LICENSE.txt': join(webchat, 'webchat.js.LICENSE.txt'),
  'app.js': join(root, 'web', 'webchat-app.js'),
};
const to = join(root, 'dist', 'webchat');
mkdirSync(to, { recursive: true });
for (const [name, from] of Object.entries(files)) copyFileSync(from, join(to, name));
