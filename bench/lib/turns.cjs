'use strict';
// Per-turn latency, in process, through the real handlers with expectReplies.
//   node turns.cjs <our module> <echo module> <rounds> <block> <warm-up>
// Both bots are loaded in this one process and measured in alternating blocks (a block of one of
// our turn kinds, then a block of echo turns, and so on), so that whatever else the machine does
// falls on both alike. Requests are built before each block; only the handler call is timed.
// Prints one JSON line: { kinds: { <kind>: { ours: [ms...], echo: [ms...] } }, activities: { <kind>: activity } }.

const functions = require('@azure/functions');
const { ECHO_TURN, httpRequest, quietContext, scenarios, turn } = require('./common.cjs');

const [ourPath, echoPath, rounds, block, warmup] = process.argv.slice(2);
const ours = require(ourPath).messagesHandler;
const echo = require(echoPath).echoMessagesHandler;

async function timeBlock(handler, fields, count, into) {
  const body = JSON.stringify(fields);
  const requests = Array.from({ length: count }, () => httpRequest(functions, body));
  const context = quietContext(functions);
  for (const request of requests) {
    const started = performance.now();
    const response = await handler(request, context);
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`turn answered ${response.status}`);
    into?.push(elapsed);
  }
}

(async () => {
  const kinds = await scenarios(functions, ours);
  await turn(functions, echo, ECHO_TURN);
  for (const fields of Object.values(kinds)) await timeBlock(ours, fields, Number(warmup));
  await timeBlock(echo, ECHO_TURN, Number(warmup) * 2);

  const samples = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, { ours: [], echo: [] }]));
  for (let round = 0; round < Number(rounds); round++) {
    for (const [kind, fields] of Object.entries(kinds)) {
      await timeBlock(ours, fields, Number(block), samples[kind].ours);
      await timeBlock(echo, ECHO_TURN, Number(block), samples[kind].echo);
    }
  }
  process.stdout.write(`${JSON.stringify({ kinds: samples, activities: kinds })}\n`);
})().catch((error) => {
  process.stderr.write(`turns failed: ${error.stack}\n`);
  process.exitCode = 1;
});
