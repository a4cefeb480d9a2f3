'use strict';
// One cold start, in a fresh process: load the function module(s), answer one turn, report.
//   node cold-start.cjs <export name> <activity json> <module> [more modules...]
// Prints one JSON line: { bootMs, loadMs, firstTurnMs, totalMs, replies, codeCache }, where
// bootMs is node's own start-up (before this file runs), totalMs is from process start to the
// reply, and codeCache is what the deployed entry (functions/main.cjs) says it did, if loaded.
// The request and context are the few members the handlers use, built from globals, so that
// neither side loads anything for them that the other does not.

const bootMs = performance.now();
const [exportName, activityJson, ...modules] = process.argv.slice(2);

const loadStart = performance.now();
let exported;
for (const path of modules) exported = require(path);
const handler = exported[exportName];
const loadEnd = performance.now();

const request = {
  method: 'POST',
  url: 'http://127.0.0.1/api/messages',
  headers: new Headers({ 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(activityJson)) }),
  params: {},
  query: new URLSearchParams(),
  text: async () => activityJson,
};
const quiet = () => undefined;
const context = { functionName: 'messages', invocationId: 'cold-start', log: quiet, trace: quiet, debug: quiet, info: quiet, warn: quiet, error: quiet };

handler(request, context).then(
  (response) => {
    const turnEnd = performance.now();
    const replies = (response.jsonBody ?? (typeof response.body === 'string' ? JSON.parse(response.body) : undefined))?.activities?.length ?? 0;
    process.stdout.write(
      `${JSON.stringify({ bootMs, loadMs: loadEnd - loadStart, firstTurnMs: turnEnd - loadEnd, totalMs: turnEnd, status: response.status, replies, codeCache: globalThis[Symbol.for('wla.codeCache')] })}\n`,
    );
  },
  (error) => {
    process.stderr.write(`cold start failed: ${error && error.stack}\n`);
    process.exitCode = 1;
  },
);
