import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The project runs on Node 24 (the deployed runtime) even where the machine's own Node is older:
// the node-linux-* optional dependency puts Node 24 first on PATH under npm run and npx. This
// checks that jest itself got it, not only the scripts that print it.

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  optionalDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const platformPackage = `node-${process.platform}-${process.arch}`;
const bundledNode = join(root, 'node_modules', platformPackage, 'bin', 'node');

describe('the Node that runs the tests', () => {
  it('is at least the oldest version engines allows (22)', () => {
    expect(pkg.engines.node).toBe('>=22');
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(22);
  });

  const installed = existsSync(bundledNode);
  (installed ? it : it.skip)(`is the ${platformPackage} package's Node 24 where that package is installed`, () => {
    expect(process.execPath).toBe(bundledNode);
    expect(process.version).toBe(`v${pkg.optionalDependencies[platformPackage]}`);
    expect(process.versions.node.split('.')[0]).toBe('24');
  });

  it('has type definitions for the same major version', () => {
    expect(pkg.devDependencies['@types/node'].split('.')[0]).toBe('24');
    for (const version of Object.values(pkg.optionalDependencies)) expect(version.split('.')[0]).toBe('24');
  });

  it('is what .nvmrc names, for machines where no platform package exists', () => {
    expect(readFileSync(join(root, '.nvmrc'), 'utf8').trim()).toBe('24');
  });
});
