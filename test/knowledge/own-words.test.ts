import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// The guide and the rules must state the sources' facts in their own words: the project's
// checker (beside the repository, as in CI) finds every run of 10+ words copied from a source.
const root = join(__dirname, '..', '..');
const checker = join(root, '..', 'shared', 'tools', 'own-words.mjs');

describe('the knowledge folder', () => {
  it('copies no run of ten or more words from the source documents', () => {
    if (!existsSync(checker)) throw new Error(`the own-words checker is missing at ${checker}`);
    const result = spawnSync(process.execPath, [checker, join(root, 'knowledge')], { encoding: 'utf8' });
    expect(result.stdout).toMatch(/no run of 10\+ words copied from the sources/);
    expect(result.status).toBe(0);
  });
});
