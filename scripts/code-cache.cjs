'use strict';
// Makes the V8 code cache that functions/main.cjs (the deployed entry) loads the bundle with:
//   node scripts/code-cache.cjs <bundle> <cache file>
// Compiles the bundle exactly as main.cjs does and talks to it the way a user does, so that the
// code those turns run is compiled too: the first turn (a conversationUpdate), one interview from
// its start to the verdict and a free-text question, all with expectReplies (nothing leaves the
// process). Then it writes V8's cache of the whole script. A cold start's first reply needs no
// templating (cards/render.ts has it prerendered), but the turns after it do, and without this
// they would compile the templating engine and the search code without the cache. Run by scripts/bundle.mjs with the Node that the
// cache is for; the cache is only good for that Node release and architecture.

const { readFileSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

const [bundlePath, cachePath] = process.argv.slice(2);
if (!bundlePath || !cachePath) throw new Error('usage: node scripts/code-cache.cjs <bundle> <cache file>');

const user = { id: 'user-1', name: 'User', role: 'user' };
const bot = { id: 'bot-1', name: 'Bot', role: 'bot' };
const activity = (fields) => ({
  type: 'message',
  id: 'activity-1',
  timestamp: '2025-01-01T00:00:00.000Z',
  channelId: 'emulator',
  serviceUrl: 'http://127.0.0.1:9/',
  from: user,
  recipient: bot,
  conversation: { id: 'conversation-1' },
  deliveryMode: 'expectReplies',
  ...fields,
});
const FIRST_TURN = activity({ type: 'conversationUpdate', membersAdded: [user, bot] });

const script = new vm.Script(Module.wrap(readFileSync(bundlePath, 'utf8')), { filename: bundlePath });
const bundle = new Module(bundlePath, module);
bundle.filename = bundlePath;
bundle.paths = Module._nodeModulePaths(dirname(bundlePath));
script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(bundlePath), bundle, bundlePath, dirname(bundlePath));

const quiet = () => undefined;
const context = { functionName: 'messages', invocationId: 'code-cache', log: quiet, trace: quiet, debug: quiet, info: quiet, warn: quiet, error: quiet };

/** The JSON an answer carries: the messages handler serialises its own (a string body), failures use jsonBody. */
const answerJson = (response) => response.jsonBody ?? (typeof response.body === 'string' ? JSON.parse(response.body) : undefined);

/** One turn through the messages handler; returns the first reply's card. */
async function turn(fields) {
  const body = JSON.stringify(fields);
  const request = {
    method: 'POST',
    url: 'http://127.0.0.1/api/messages',
    headers: new Headers({ 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }),
    params: {},
    query: new URLSearchParams(),
    text: async () => body,
  };
  const response = await bundle.exports.messagesHandler(request, context);
  const replies = answerJson(response)?.activities ?? [];
  if (response.status !== 200 || replies.length < 1) throw new Error(`a turn answered ${response.status} with ${replies.length} replies`);
  return replies.flatMap((reply) => reply.attachments ?? []).map((attachment) => attachment.content)[0];
}

/** Every Action.Submit's data on a card. */
function submits(card) {
  const found = [];
  const visit = (node) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      if (node.type === 'Action.Submit' && node.data) found.push(node.data);
      Object.values(node).forEach(visit);
    }
  };
  visit(card);
  return found;
}

/** A question whose options are many or long is a choice list: its Next, with the first choice as the list's value. */
function choiceAnswer(card) {
  const list = (card.body ?? []).find((element) => element.type === 'Input.ChoiceSet');
  const next = submits(card).find((data) => data.action === 'answer' && data.value === undefined);
  return list && next ? { ...next, [list.id]: list.choices[0].value } : undefined;
}

async function main() {
  const welcome = await turn(FIRST_TURN);
  let card = await turn(activity({ value: submits(welcome).find((data) => data.action === 'start') }));
  for (let step = 0; step < 20; step++) {
    const answer = submits(card).find((data) => data.action === 'answer' && data.value !== undefined) ?? choiceAnswer(card);
    if (!answer) break;
    card = await turn(activity({ value: answer }));
  }
  if (!submits(card).some((data) => data.action === 'change')) throw new Error('the interview did not end in a verdict');
  await turn(activity({ text: 'Can we run Windows in virtual machines on shared hardware?' }));
  writeFileSync(cachePath, script.createCachedData());
}

main().catch((error) => {
  process.stderr.write(`code cache: ${error.stack ?? error}\n`);
  process.exitCode = 1;
});
