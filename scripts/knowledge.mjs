#!/usr/bin/env node
// Runs the knowledge compiler (scripts/knowledge/*.ts). It is TypeScript that shares the decision
// engine with the core, so esbuild bundles it first, in a few milliseconds, into node_modules/.cache.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'node_modules', '.cache', 'knowledge-compiler', 'main.cjs');
await build({
  entryPoints: [join(root, 'scripts', 'knowledge', 'main.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile,
  logLevel: 'warning',
});
const { main } = createRequire(import.meta.url)(outfile);
process.exitCode = main(process.argv.slice(2), root);
