#!/usr/bin/env node
// Runs the free-question evaluation (reading/eval/*.ts) against the compiled knowledge. Like the
// knowledge compiler, esbuild bundles the TypeScript first, in a few milliseconds.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'node_modules', '.cache', 'eval-questions', 'main.cjs');
await build({
  entryPoints: [join(root, 'reading', 'eval', 'main.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile,
  logLevel: 'warning',
});
const { main } = createRequire(import.meta.url)(outfile);
process.exitCode = main(root);
