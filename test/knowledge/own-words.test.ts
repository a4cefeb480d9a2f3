import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { itWithShared, sharedPath } from '../support/shared-folder';

// The guide and the rules must state the sources' facts in their own words: the project's
// checker (beside the repository, as in CI) finds every run of 10+ words copied from a source.
const root = join(__dirname, '..', '..');
const checker = sharedPath('tools', 'own-words.mjs');

describe('the knowledge folder', () => {
  itWithShared('copies no run of ten or more words from the source documents', [checker, sharedPath('seeds')], () => {
    const result = spawnSync(process.execPath, [checker, join(root, 'knowledge')], { encoding: 'utf8' });
    expect(result.stdout).toMatch(/no run of 10\+ words copied from the sources/);
    expect(result.status).toBe(0);
  });
});
