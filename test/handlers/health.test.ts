import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_CACHE_STATES, healthHandler } from '../../handlers/health';
import { httpRequest } from '../support/http';

// An operator reading `codeCache` in GET /api/health finds every value it can take, and what to do
// about it, in docs/operations.md; CODE_CACHE_STATES is the one list both follow.
const root = join(__dirname, '..', '..');
const STATUS = Symbol.for('wla.codeCache');
const states = Object.keys(CODE_CACHE_STATES);

async function reported(): Promise<unknown> {
  const response = await healthHandler(httpRequest({ method: 'GET', path: '/api/health' }));
  return (response.jsonBody as { codeCache: unknown }).codeCache;
}

afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[STATUS];
});

describe('codeCache in GET /api/health', () => {
  it.each(states.filter((state) => state !== 'not-used'))('reports "%s" when the deployed entry says so', async (state) => {
    (globalThis as Record<symbol, unknown>)[STATUS] = state;
    await expect(reported()).resolves.toBe(state);
  });

  it.each([undefined, 'bogus', 42])('reports "not-used" when the entry did not load the bundle (%p)', async (value) => {
    (globalThis as Record<symbol, unknown>)[STATUS] = value;
    await expect(reported()).resolves.toBe('not-used');
  });

  it('lists every value the deployed entry (functions/main.cjs) can write', () => {
    const entry = readFileSync(join(root, 'functions', 'main.cjs'), 'utf8');
    // The statuses are the quoted words on the lines that produce one: the assignment to the
    // global and loadCached's return.
    const producing = entry.split('\n').filter((line) => /Symbol\.for\('wla\.codeCache'\)\] =|status: /.test(line) && !line.trim().startsWith('//'));
    const written = producing.flatMap((line) => [...line.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]));
    expect(written.length).toBeGreaterThanOrEqual(4);
    expect(written.filter((word) => !states.includes(word))).toEqual([]);
  });

  it('is documented value by value in docs/operations.md, and the README links there', () => {
    const docs = readFileSync(join(root, 'docs', 'operations.md'), 'utf8');
    const rows = [...docs.matchAll(/^\| `codeCache: ([a-z-]+)` \|/gm)].map((m) => m[1]);
    expect(rows.sort()).toEqual([...states].sort());
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('docs/operations.md');
  });
});
