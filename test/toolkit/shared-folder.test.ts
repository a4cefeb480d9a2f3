import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath, sharedVerdict } from '../support/shared-folder';

// A clone without ../shared passes `npm test` by skipping what needs it; CI, which always has it,
// must never pass that way.
const root = join(__dirname, '..', '..');

describe('tests that read the shared folder beside the repository', () => {
  const absent = sharedPath('no-such-folder', 'tool.mjs');

  it('run when every file they read is there', () => {
    expect(sharedVerdict([join(root, 'package.json')], {})).toEqual({ run: true });
  });

  it('are skipped with a reason naming the missing path when it is not', () => {
    expect(sharedVerdict([join(root, 'package.json'), absent], {})).toEqual({
      run: false,
      skip: expect.stringContaining('not beside the repository: ../shared/no-such-folder/tool.mjs'),
    });
  });

  it('fail instead under REQUIRE_SHARED=1', () => {
    expect(sharedVerdict([absent], { REQUIRE_SHARED: '1' })).toEqual({
      run: false,
      fail: expect.stringContaining('missing under REQUIRE_SHARED=1: ../shared/no-such-folder/tool.mjs'),
    });
  });

  it('are required in CI: .ci/run sets REQUIRE_SHARED=1 before it runs npm test', () => {
    const script = readFileSync(join(root, '.ci', 'run'), 'utf8');
    const exported = script.search(/^export REQUIRE_SHARED=1$/m);
    expect(exported).toBeGreaterThan(-1);
    expect(exported).toBeLessThan(script.search(/^npm test$/m));
  });
});
