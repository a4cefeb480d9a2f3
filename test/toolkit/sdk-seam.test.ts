import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './support';

// Decision record 0001: moving off botbuilder (archived) must stay a swap of bot/ and of the one
// test harness that drives it. So no test outside test/bot/ may reach botbuilder, least of all
// its TestAdapter/TestFlow, which neither successor SDK ships; they drive the bot through the
// project's own HTTP handler (test/support/http-chat.ts) instead.

const SDK_IMPORT = /(?:from\s+|import\(\s*|require\(\s*)['"](botbuilder(?:-[a-z-]+)?|botframework-[a-z-]+)(?:\/[^'"]*)?['"]/g;
const TEST_ADAPTER = /\b(TestAdapter|TestFlow)\b/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs|cjs|js)$/.test(entry.name) ? [path] : [];
  });
}

// This file names the SDK in its own samples below, so it leaves itself out.
const tests = sourceFiles('test').filter((path) => !path.startsWith('test/bot/') && path !== 'test/toolkit/sdk-seam.test.ts');
const codeOf = (path: string) => readFileSync(join(root, path), 'utf8').replace(/^\s*(\/\/|\*|\/\*).*$/gm, '');

describe('the SDK seam', () => {
  it('finds the tests it checks (the scan is not empty)', () => {
    expect(tests.length).toBeGreaterThan(50);
    expect(tests).toContain('test/support/interview-driver.ts');
    expect(tests).toContain('test/support/http-chat.ts');
  });

  it('no test outside test/bot/ imports botbuilder or botframework-*', () => {
    const offenders = tests.flatMap((path) => [...codeOf(path).matchAll(SDK_IMPORT)].map((match) => `${path}: ${match[1]}`));
    expect(offenders).toEqual([]);
  });

  it("no test outside test/bot/ uses botbuilder's TestAdapter or TestFlow", () => {
    expect(tests.filter((path) => TEST_ADAPTER.test(codeOf(path)))).toEqual([]);
  });

  it('the patterns catch what they are meant to (not vacuous)', () => {
    const sample = "import { TestAdapter } from 'botbuilder';\nconst c = await import('botframework-connector');\nrequire('botbuilder-core/lib/x');";
    expect([...sample.matchAll(SDK_IMPORT)].map((match) => match[1])).toEqual(['botbuilder', 'botframework-connector', 'botbuilder-core']);
    expect(TEST_ADAPTER.test(sample)).toBe(true);
  });
});
