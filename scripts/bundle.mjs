#!/usr/bin/env node
// Bundles the deployed Functions app into one file, dist/bundle/functions/index.js, so that a cold
// start reads and compiles one script instead of resolving and loading some 1,430 modules
// (botbuilder alone is about 780). Loading it registers every function, exactly as
// functions/index.ts does, and it also exports each function's handler so that they can be called
// (and benchmarked) without the Functions host.
//
//   node scripts/bundle.mjs            writes dist/bundle/functions/index.js and its source map,
//                                      main.js (the entry, functions/main.cjs), a V8 code cache
//                                      of the bundle for the Node running this, and code-cache.json
//
// bench/ imports bundleApp() so that whatever it measures is built exactly like the deployment.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_FILE = join(root, 'dist', 'bundle', 'functions', 'index.js');
/** package.json main: loads BUNDLE_FILE, through the code cache when there is one for its Node. */
export const ENTRY_FILE = join(root, 'dist', 'bundle', 'functions', 'main.js');

/**
 * The esbuild options every bundle of ours uses. Not minified: minifying halves the file, but
 * npm run bench (which measures a minified build beside this one) finds no consistent difference
 * in cold start, and unminified stack traces stay readable. keepNames keeps class and function names where
 * bundling would rename a clash (`Foo` -> `Foo2`), for code that reads `constructor.name`.
 */
export const BUNDLE_OPTIONS = Object.freeze({
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  minify: false,
  keepNames: true,
  sourcemap: 'external',
  logLevel: 'warning',
  external: [
    // Supplied by the Functions worker at run time; outside the host @azure/functions runs in test mode.
    '@azure/functions-core',
    // The optional Application Insights exporter (telemetry/app-insights.ts) is loaded on the first
    // turn only when a connection string is set. Bundled, its megabytes would be read and compiled
    // on every cold start for nothing; external, it loads from node_modules exactly as unbundled.
    '@azure/monitor-opentelemetry',
    '@opentelemetry/*',
    // The licensing desk's Table Storage client loads on the desk's first use in Azure
    // (desk/open-store.ts); bundled, it added about 1 MB that every cold start read and compiled.
    // (@azure/identity stays bundled: botframework-connector loads it on every start.)
    '@azure/data-tables',
  ],
});

// The entry: functions/index.ts (registers every function and parses the configuration), plus
// whatever each function's module exports (its handler), for anyone who loads the bundle outside
// the host: the local server, tests, the benchmark.
function appEntry() {
  const modules = readdirSync(join(root, 'functions'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && file !== 'index.ts')
    .sort()
    .map((file) => `export * from './functions/${file.slice(0, -3)}';`);
  return [`import './functions/index';`, ...modules, ''].join('\n');
}

/** Bundles `contents` (an entry module, resolved from the project root) to `outfile`. */
export async function bundle({ contents, outfile, sourcefile = 'bundle-entry.ts', options = {} }) {
  mkdirSync(dirname(outfile), { recursive: true });
  const result = await build({
    ...BUNDLE_OPTIONS,
    ...options,
    plugins: options.plugins ?? [],
    stdin: { contents, resolveDir: root, sourcefile, loader: 'ts' },
    outfile,
    absWorkingDir: root,
    metafile: true,
  });
  asciiOnly(outfile);
  return result.metafile;
}

/**
 * esbuild escapes non-ASCII characters in strings and identifiers but leaves them in comments and
 * regular expression literals (16 lines of the bundle: an arrow, dashes, a section sign, an
 * ellipsis in a regex, "рф"). One character above U+00FF makes V8 hold the whole 9 MB source as a
 * two-byte string, 18 MB of heap for the life of the process; escaped (\uXXXX means the same in a
 * comment, a string or a regex literal), the source is one byte per character. The source map's
 * columns after an escape on those lines move by five per character.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  // eslint-disable-next-line no-control-regex -- every character outside ASCII
  const escaped = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (escaped !== text) writeFileSync(file, escaped);
}

/** Builds dist/bundle/functions/index.js; returns its size and the size of each package in it. */
export async function bundleApp({ outfile = BUNDLE_FILE, options = {} } = {}) {
  const metafile = await bundle({ contents: appEntry(), outfile, sourcefile: 'functions/bundle-entry.ts', options });
  const output = metafile.outputs[relative(root, outfile).split('\\').join('/')];
  return { outfile, bytes: readFileSync(outfile).length, packages: packageSizes(output?.inputs ?? {}) };
}

/**
 * Writes the entry (functions/main.cjs) next to a bundle, and the V8 code cache it loads the
 * bundle with: made by `node` (by default the Node running this, which under npm run is the
 * node-linux-* package's), named by the bundle's hash and that Node's version and architecture,
 * and listed in code-cache.json, which is rewritten with only this cache in it. Returns the
 * cache's path and size.
 */
export function writeEntryAndCodeCache({ bundleFile = BUNDLE_FILE, node = process.execPath, env = {} } = {}) {
  const dir = dirname(bundleFile);
  copyFileSync(join(root, 'functions', 'main.cjs'), join(dir, 'main.js'));
  for (const file of readdirSync(dir)) if (file.endsWith('.v8cache')) rmSync(join(dir, file));
  const hash = createHash('sha256').update(readFileSync(bundleFile)).digest('hex').slice(0, 12);
  const target = execFileSync(node, ['-p', 'process.version + "-" + process.arch'], { encoding: 'utf8' }).trim();
  const name = `index.${hash}.${target}.v8cache`;
  // No app registration and no telemetry while it answers its one turn.
  const childEnv = {
    ...process.env,
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppTenantId: '',
    APPLICATIONINSIGHTS_CONNECTION_STRING: '',
    ...env,
  };
  execFileSync(node, [join(root, 'scripts', 'code-cache.cjs'), bundleFile, join(dir, name)], { env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  writeFileSync(join(dir, 'code-cache.json'), `${JSON.stringify({ bundle: 'index.js', caches: { [target]: name } }, null, 2)}\n`);
  return { file: join(dir, name), target, bytes: readFileSync(join(dir, name)).length };
}

function packageSizes(inputs) {
  const sizes = {};
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const name = match ? match[1] : '(this project)';
    sizes[name] = (sizes[name] ?? 0) + bytesInOutput;
  }
  return Object.fromEntries(Object.entries(sizes).sort((a, b) => b[1] - a[1]));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { outfile, bytes, packages } = await bundleApp();
  const top = Object.entries(packages)
    .slice(0, 5)
    .map(([name, size]) => `${name} ${Math.round(size / 1024)} KB`)
    .join(', ');
  console.log(`bundled ${relative(root, outfile)}: ${Math.round(bytes / 1024)} KB (largest: ${top})`);
  const prerendered = JSON.parse(execFileSync(process.execPath, [join(root, 'scripts', 'prerender-cards.cjs'), dirname(outfile)], { encoding: 'utf8' }));
  console.log(`prerendered ${prerendered.cards} cards (${Math.round(prerendered.bytes / 1024)} KB) into ${relative(root, dirname(outfile))}`);
  const cache = writeEntryAndCodeCache();
  console.log(`code cache for node ${cache.target}: ${relative(root, cache.file)}, ${Math.round(cache.bytes / 1024)} KB`);
}
