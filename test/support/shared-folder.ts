import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';

// The shared folder beside the repository (../shared: the source documents, the real questions, the
// specialist review, the own-words checker) is no part of a clone. A test that reads it is skipped,
// with a line saying why, when it is absent; CI always has it and sets REQUIRE_SHARED=1 (.ci/run),
// and then an absent file fails instead, so a CI run never passes by skipping.

const root = join(__dirname, '..', '..');

/** A path inside ../shared, e.g. sharedPath('tools', 'own-words.mjs'). */
export function sharedPath(...parts: string[]): string {
  return join(root, '..', 'shared', ...parts);
}

/** Whether a test that reads `paths` runs, is skipped (and why) or fails (and why); REQUIRE_SHARED=1 turns a skip into a failure. */
export type SharedVerdict = { run: true } | { run: false; skip: string } | { run: false; fail: string };

export function sharedVerdict(paths: readonly string[], env: NodeJS.ProcessEnv = process.env): SharedVerdict {
  const absent = paths.filter((path) => !existsSync(path)).map((path) => relative(root, path));
  if (!absent.length) return { run: true };
  if (env.REQUIRE_SHARED === '1')
    return { run: false, fail: `missing under REQUIRE_SHARED=1: ${absent.join(', ')} (put the shared folder beside the repository)` };
  return { run: false, skip: `skipped, not beside the repository: ${absent.join(', ')} (CI has the shared folder and sets REQUIRE_SHARED=1)` };
}

const failing = (why: string) => () => {
  throw new Error(why);
};

/** The line that says why, in the run's output: jest lists no test of a file it skips whole. */
const announce = (title: string, why: string) => process.stderr.write(`${title}: ${why}\n`);

/** `describe`, when every path exists; otherwise skipped with the reason in its title, or a failing test under REQUIRE_SHARED=1. */
export function describeWithShared(title: string, paths: readonly string[], body: () => void): void {
  const verdict = sharedVerdict(paths);
  if (verdict.run) describe(title, body);
  else if ('fail' in verdict) describe(title, () => it('has the shared files it reads', failing(verdict.fail)));
  else {
    announce(title, verdict.skip);
    describe.skip(`${title} (${verdict.skip})`, body);
  }
}

/** `it`, when every path exists; otherwise skipped with the reason in its title, or failing under REQUIRE_SHARED=1. */
export function itWithShared(title: string, paths: readonly string[], body: jest.ProvidesCallback): void {
  const verdict = sharedVerdict(paths);
  if (verdict.run) it(title, body);
  else if ('fail' in verdict) it(title, failing(verdict.fail));
  else {
    announce(title, verdict.skip);
    it.skip(`${title} (${verdict.skip})`, body);
  }
}
