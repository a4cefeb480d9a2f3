import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nextStep } from '../../bot/interview';
import { helpCard, welcomeCard } from '../../bot/replies';
import { keptCards, PRERENDERED_FILE } from '../../cards/render';
import { TOPIC_IDS } from '../../core/types';

// package.json main is what the Functions host loads: dist/bundle/functions/main.js, the entry
// (functions/main.cjs) that loads the bundle through the V8 code cache npm run build made for
// this Node, or with a plain require() when there is none. Each case loads it in a fresh node
// (the one running jest, as the build used) and reports what the entry did and what it exports.
// Nothing here is timed.

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
const entry = join(root, pkg.main);
const dir = join(root, 'dist', 'bundle', 'functions');
const built = existsSync(entry) && existsSync(join(dir, 'code-cache.json'));

function load(file: string, env: Record<string, string> = {}): { codeCache: string; exports: string[] } {
  const script = `const m = require(${JSON.stringify(file)}); console.log(JSON.stringify({ codeCache: globalThis[Symbol.for('wla.codeCache')], exports: Object.keys(m).sort() }));`;
  const out = execFileSync(process.execPath, ['-e', script], {
    env: { ...process.env, MicrosoftAppId: '', MicrosoftAppPassword: '', APPLICATIONINSIGHTS_CONNECTION_STRING: '', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { codeCache: string; exports: string[] };
}

(built ? describe : describe.skip)('the deployed entry (package.json main; after npm run build)', () => {
  it('is main.js beside the bundle, and the build listed one code cache for the Node that made it', () => {
    expect(pkg.main).toBe('dist/bundle/functions/main.js');
    const list = JSON.parse(readFileSync(join(dir, 'code-cache.json'), 'utf8')) as { bundle: string; caches: Record<string, string> };
    expect(list.bundle).toBe('index.js');
    expect(Object.keys(list.caches)).toEqual([`${process.version}-${process.arch}`]);
    expect(existsSync(join(dir, list.caches[`${process.version}-${process.arch}`]))).toBe(true);
  });

  it('loads the bundle through the code cache and exports every handler', () => {
    const loaded = load(entry);
    expect(loaded.codeCache).toBe('hit');
    expect(loaded.exports).toEqual(expect.arrayContaining(['messagesHandler', 'guideHandler', 'healthHandler', 'decisionHandler']));
  });

  it('lets an operator see from /api/health whether the deployed bundle was loaded from the cache', () => {
    const script = `const m = require(${JSON.stringify(entry)}); m.healthHandler({ method: 'GET' }).then((r) => console.log(JSON.stringify(r.jsonBody.codeCache)));`;
    const health = (env: Record<string, string>) =>
      execFileSync(process.execPath, ['-e', script], {
        env: { ...process.env, MicrosoftAppId: '', MicrosoftAppPassword: '', APPLICATIONINSIGHTS_CONNECTION_STRING: '', ...env },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      })
        .trim()
        .split('\n')
        .at(-1);
    expect(health({})).toBe('"hit"');
    expect(health({ WLA_CODE_CACHE: 'off' })).toBe('"off"');
  });

  it('exports the same as the bundle alone, with the cache turned off', () => {
    const off = load(entry, { WLA_CODE_CACHE: 'off' });
    expect(off.codeCache).toBe('off');
    expect(off.exports).toEqual(load(join(dir, 'index.js')).exports);
  });

  it('ships the cards that need no user data prerendered, exactly as the sources render them now', () => {
    const shipped = JSON.parse(readFileSync(join(dir, PRERENDERED_FILE), 'utf8')) as [string, unknown][];
    welcomeCard();
    helpCard();
    for (const topic of TOPIC_IDS) nextStep({ topic, facts: {}, history: [] }, '');
    const now = new Map(keptCards());
    expect(shipped).toHaveLength(2 + TOPIC_IDS.length);
    for (const [key, content] of shipped) expect(now.get(key)).toEqual(content);
  });

  it('gives the bundle already loaded rather than a second copy of it', () => {
    const script = `const a = require(${JSON.stringify(join(dir, 'index.js'))}); const b = require(${JSON.stringify(entry)}); console.log(JSON.stringify({ codeCache: globalThis[Symbol.for('wla.codeCache')], exports: [String(a === b)] }));`;
    const out = execFileSync(process.execPath, ['-e', script], {
      env: { ...process.env, MicrosoftAppId: '' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual({ codeCache: 'none', exports: ['true'] });
  });

  describe('in a copy of the deployed files', () => {
    let copy: string;
    beforeEach(() => {
      copy = mkdtempSync(join(tmpdir(), 'entry-'));
      for (const file of ['main.js', 'index.js']) copyFileSync(join(dir, file), join(copy, file));
    });
    afterEach(() => rmSync(copy, { recursive: true, force: true }));

    it('loads the bundle with require() when there is no cache for this Node, or no list at all', () => {
      expect(load(join(copy, 'main.js')).codeCache).toBe('none');
      writeFileSync(join(copy, 'code-cache.json'), JSON.stringify({ bundle: 'index.js', caches: { 'v0.0.0-x64': 'index.v8cache' } }));
      expect(load(join(copy, 'main.js')).codeCache).toBe('none');
    });

    it("compiles the bundle as usual when V8 refuses the cache (not this bundle's)", () => {
      writeFileSync(join(copy, 'other.v8cache'), Buffer.alloc(4096, 7));
      writeFileSync(join(copy, 'code-cache.json'), JSON.stringify({ bundle: 'index.js', caches: { [`${process.version}-${process.arch}`]: 'other.v8cache' } }));
      const loaded = load(join(copy, 'main.js'));
      expect(loaded.codeCache).toBe('rejected');
      expect(loaded.exports).toContain('messagesHandler');
    });

    it('reads no file the list names outside its own folder', () => {
      writeFileSync(
        join(copy, 'code-cache.json'),
        JSON.stringify({ bundle: 'index.js', caches: { [`${process.version}-${process.arch}`]: '../index.v8cache' } }),
      );
      expect(load(join(copy, 'main.js')).codeCache).toBe('none');
    });
  });
});
