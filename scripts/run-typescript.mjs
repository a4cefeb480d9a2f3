// Runs one of the project's TypeScript command modules without a build: esbuild bundles its
// entry, in a few milliseconds, into node_modules/.cache/<name>/main.cjs, which is then required.
// The knowledge compiler and the free-question evaluation share the engine and the model with the
// product, so they are TypeScript too.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The module exported by `entry` (a path from the repository's root), bundled under `name`. */
export async function loadTypeScript(entry, name) {
  const outfile = join(root, 'node_modules', '.cache', name, 'main.cjs');
  await build({ entryPoints: [join(root, entry)], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
  return createRequire(import.meta.url)(outfile);
}
