'use strict';
/* global Headers, URLSearchParams -- Node's own globals, which this config does not list */
// Makes the V8 code cache that functions/main.cjs (the deployed entry) loads the bundle with:
//   node scripts/code-cache.cjs <bundle> <cache file>
// Compiles the bundle exactly as main.cjs does, answers one first turn (a conversationUpdate with
// expectReplies, nothing leaves the process) so that the code that turn runs is compiled too,
// then writes V8's cache of the whole script. Run by scripts/bundle.mjs with the Node that the
// cache is for; the cache is only good for that Node release and architecture.

const { readFileSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

const [bundlePath, cachePath] = process.argv.slice(2);
if (!bundlePath || !cachePath) throw new Error('usage: node scripts/code-cache.cjs <bundle> <cache file>');

const user = { id: 'user-1', name: 'User', role: 'user' };
const bot = { id: 'bot-1', name: 'Bot', role: 'bot' };
const FIRST_TURN = {
  type: 'conversationUpdate',
  id: 'activity-1',
  timestamp: '2025-01-01T00:00:00.000Z',
  channelId: 'emulator',
  serviceUrl: 'http://127.0.0.1:9/',
  from: user,
  recipient: bot,
  conversation: { id: 'conversation-1' },
  deliveryMode: 'expectReplies',
  membersAdded: [user, bot],
};

const script = new vm.Script(Module.wrap(readFileSync(bundlePath, 'utf8')), { filename: bundlePath });
const bundle = new Module(bundlePath, module);
bundle.filename = bundlePath;
bundle.paths = Module._nodeModulePaths(dirname(bundlePath));
script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(bundlePath), bundle, bundlePath, dirname(bundlePath));

const body = JSON.stringify(FIRST_TURN);
const request = {
  method: 'POST',
  url: 'http://127.0.0.1/api/messages',
  headers: new Headers({ 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }),
  params: {},
  query: new URLSearchParams(),
  text: async () => body,
};
const quiet = () => undefined;
const context = { functionName: 'messages', invocationId: 'code-cache', log: quiet, trace: quiet, debug: quiet, info: quiet, warn: quiet, error: quiet };

bundle.exports
  .messagesHandler(request, context)
  .then((response) => {
    const replies = response.jsonBody?.activities?.length ?? 0;
    if (response.status !== 200 || replies < 1) throw new Error(`the first turn answered ${response.status} with ${replies} replies`);
    writeFileSync(cachePath, script.createCachedData());
  })
  .catch((error) => {
    process.stderr.write(`code cache: ${error.stack ?? error}\n`);
    process.exitCode = 1;
  });
