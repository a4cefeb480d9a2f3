'use strict';
// The Functions app's entry (package.json "main"), copied next to the bundle as
// dist/bundle/functions/main.js by scripts/bundle.mjs. It loads ./index.js, the bundle, and
// nothing else: through V8's code cache when the build made one for exactly this Node release
// and architecture (docs/decisions/0010-code-cache.md), otherwise with a plain require(), as if
// this file were not there.
//
// The cache (index.<bundle hash>.<node version>-<arch>.v8cache, listed in code-cache.json) is
// made by scripts/bundle.mjs after the bundle has answered a first turn, so it holds the code
// that turn compiles as well as the bundle's top level. V8 refuses a cache made by another V8
// version or with other flags (then the bundle compiles as usual); it checks the source by its
// length alone, which is why the build names the cache by the bundle's hash and writes the
// bundle, the cache and the list together. WLA_CODE_CACHE=off turns the cache off.
// globalThis[Symbol.for('wla.codeCache')] tells what happened: 'hit', 'rejected' (V8 refused the
// cache and compiled the bundle as usual), 'none' (no cache for this Node) or 'off'.

const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

const BUNDLE = join(__dirname, 'index.js');

/** The cache file for this Node release, or undefined when the build made none for it. */
function cacheFile() {
  if (process.env.WLA_CODE_CACHE === 'off') return undefined;
  try {
    const list = JSON.parse(readFileSync(join(__dirname, 'code-cache.json'), 'utf8'));
    const name = list.bundle === 'index.js' ? list.caches?.[`${process.version}-${process.arch}`] : undefined;
    return typeof name === 'string' && /^[\w.-]+\.v8cache$/.test(name) ? join(__dirname, name) : undefined;
  } catch {
    return undefined;
  }
}

/** Loads the bundle as require() would, but compiled with the cached code. */
function loadCached(file) {
  let cachedData;
  try {
    cachedData = readFileSync(file);
  } catch {
    return undefined;
  }
  const script = new vm.Script(Module.wrap(readFileSync(BUNDLE, 'utf8')), { filename: BUNDLE, cachedData });
  const bundle = new Module(BUNDLE, module);
  bundle.filename = BUNDLE;
  bundle.paths = Module._nodeModulePaths(__dirname);
  require.cache[BUNDLE] = bundle;
  try {
    script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(BUNDLE), bundle, BUNDLE, __dirname);
  } catch (error) {
    delete require.cache[BUNDLE];
    throw error;
  }
  bundle.loaded = true;
  return { exports: bundle.exports, status: script.cachedDataRejected === true ? 'rejected' : 'hit' };
}

// Loaded already (someone require()d index.js first): that copy, not a second one that would
// register every function again.
const file = require.cache[BUNDLE] ? undefined : cacheFile();
const cached = file ? loadCached(file) : undefined;
globalThis[Symbol.for('wla.codeCache')] = cached ? cached.status : process.env.WLA_CODE_CACHE === 'off' ? 'off' : 'none';
module.exports = cached ? cached.exports : require(BUNDLE);
