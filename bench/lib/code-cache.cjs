'use strict';
// What-if only, not deployed: loads a bundle through V8's code cache (what Node 22's
// module.enableCompileCache() does for every module; Node 20 lacks it), to show how much of a
// cold start is compiling the bundle's code rather than running it.
//   node code-cache.cjs <bundle> <cache> <activity json>   loads the bundle, answers one turn,
//                                                           then writes the cache
// V8 accepts a cache only from the same V8 version and flags, and checks the source by length
// alone, so a real use would also have to key the cache on the bundle's hash.

const { readFileSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

function load(bundlePath, cachePath, { requireCache = true } = {}) {
  const source = readFileSync(bundlePath, 'utf8');
  let cachedData;
  try {
    cachedData = readFileSync(cachePath);
  } catch {
    if (requireCache) throw new Error(`no code cache at ${cachePath}`);
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundlePath, cachedData });
  if (cachedData && script.cachedDataRejected) throw new Error('V8 rejected the code cache');
  const module = new Module(bundlePath, null);
  module.filename = bundlePath;
  module.paths = Module._nodeModulePaths(dirname(bundlePath));
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  module.loaded = true;
  return { exports: module.exports, script };
}

module.exports = { load };

if (require.main === module) {
  const [bundlePath, cachePath, activityJson] = process.argv.slice(2);
  const { exports, script } = load(bundlePath, cachePath, { requireCache: false });
  const request = { method: 'POST', headers: new Headers({ 'content-type': 'application/json' }), params: {}, text: async () => activityJson };
  const quiet = () => undefined;
  exports
    .messagesHandler(request, { log: quiet, warn: quiet, error: quiet, info: quiet, debug: quiet, trace: quiet })
    .then((response) => {
      if (response.status !== 200) throw new Error(`the warm-up turn answered ${response.status}`);
      // Made after a turn, the cache also holds the functions that turn compiled.
      writeFileSync(cachePath, script.createCachedData());
    })
    .catch((error) => {
      process.stderr.write(`code cache: ${error.stack}\n`);
      process.exitCode = 1;
    });
}
