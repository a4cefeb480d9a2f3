'use strict';
// What a Functions app entry registers with the host, and whether its handlers answer.
//   node registrations.cjs <entry>
// Stands in for the Functions worker the way it works: the worker answers require() of
// '@azure/functions-core' with its own API, and app.http() calls registerFunction() on it. Prints
// one JSON line: the registered functions (name and bindings), and the status each handler gave.

const Module = require('node:module');

const registered = [];
const handlers = new Map();
const core = {
  version: '3.10.0',
  setProgrammingModel: () => undefined,
  getProgrammingModel: () => undefined,
  registerFunction(metadata, handler) {
    registered.push({ name: metadata.name, bindings: metadata.bindings });
    handlers.set(metadata.name, handler);
    return { dispose: () => undefined };
  },
  registerHook: () => ({ dispose: () => undefined }),
  log: () => undefined,
};
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  return request === '@azure/functions-core' ? core : originalLoad.call(this, request, parent, isMain);
};

require(process.argv[2]);
Module._load = originalLoad;

const { FIRST_TURN } = require('./common.cjs');
const quiet = () => undefined;
const context = { functionName: 'check', invocationId: 'check', log: quiet, trace: quiet, debug: quiet, info: quiet, warn: quiet, error: quiet };
const request = (method, body, params = {}) => ({
  method,
  url: 'http://127.0.0.1/',
  headers: new Headers({ 'content-type': 'application/json' }),
  params,
  query: new URLSearchParams(),
  text: async () => body ?? '',
});

(async () => {
  const answers = {};
  if (handlers.has('messages')) {
    const response = await handlers.get('messages')(request('POST', JSON.stringify(FIRST_TURN)), context);
    answers.messages = `${response.status} ${(response.jsonBody ?? (typeof response.body === 'string' ? JSON.parse(response.body) : undefined))?.activities?.length ?? 0} replies`;
  }
  if (handlers.has('guide')) answers.guide = String((await handlers.get('guide')(request('GET', undefined, { document: 'virtual-machines' }), context)).status);
  if (handlers.has('health')) answers.health = String((await handlers.get('health')(request('GET'), context)).status);
  registered.sort((a, b) => a.name.localeCompare(b.name));
  process.stdout.write(`${JSON.stringify({ registered, answers })}\n`);
})().catch((error) => {
  process.stderr.write(`registrations: ${error.stack}\n`);
  process.exitCode = 1;
});
