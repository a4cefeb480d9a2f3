import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';

// npm run deploy:flex against a stand-in for Azure Resource Manager and the app's deployment
// (scm) host on loopback. The script runs as npm runs it, in its own Node process, with a guard
// preloaded that fails any connection to anything but 127.0.0.1 and reports it on stderr.

const root = join(__dirname, '..', '..');
const script = join(root, 'scripts', 'deploy-flex.mjs');
const TOKEN = 'test-arm-token';
const RESOURCE_ID = '/subscriptions/0000/resourceGroups/licensing-dev/providers/Microsoft.Web/sites/licensing-app';
const GUARD = `import { Socket } from 'node:net';
const connect = Socket.prototype.connect;
Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === 'object' && first !== null ? first : { host: typeof args[1] === 'string' ? args[1] : 'localhost' };
  const host = options.path ?? options.host ?? 'localhost';
  if (host !== '127.0.0.1') { process.stderr.write('GUARD: blocked ' + host + '\\n'); process.nextTick(() => this.destroy(new Error('blocked ' + host))); return this; }
  return connect.apply(this, args);
};
`;

let dir: string;
let guard: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'deploy-flex-'));
  guard = join(dir, 'guard.mjs');
  writeFileSync(guard, GUARD);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A project tree as `npm run build` and `npm prune` leave it, with the repository's own .funcignore. */
function project(name: string, change: (put: (path: string, text: string) => void, path: (p: string) => string) => void = () => undefined): string {
  const base = join(dir, name);
  const put = (path: string, text: string) => {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  };
  copyFileSync(join(root, '.funcignore'), (mkdirSync(base, { recursive: true }), join(base, '.funcignore')));
  put('host.json', readFileSync(join(root, 'host.json'), 'utf8'));
  put('package.json', JSON.stringify({ name: 'app', main: 'dist/bundle/functions/main.js' }));
  put('dist/bundle/functions/main.js', 'module.exports = 1;');
  put('dist/bundle/functions/index.js', 'x'.repeat(5000));
  put('dist/bundle/functions/prerendered-cards.json', '{}');
  put('dist/bundle/functions/index.0123456789ab.v24.22.3-x64.v8cache', 'cache');
  put('dist/bundle/functions/code-cache.json', JSON.stringify({ bundle: 'index.js', caches: { 'v24.22.3-x64': 'index.0123456789ab.v24.22.3-x64.v8cache' } }));
  put('dist/webchat/app.js', 'app');
  put('node_modules/@azure/monitor-opentelemetry/package.json', '{}');
  put('node_modules/.package-lock.json', '{}');
  put('node_modules/x/bin.js', '');
  mkdirSync(join(base, 'node_modules/.bin'), { recursive: true });
  symlinkSync('../x/bin.js', join(base, 'node_modules/.bin/x'));
  put('bot/adapter.ts', 'source');
  put('dist/bot/adapter.js', 'tsc output');
  put('env/.env.dev', 'BOT_ID=');
  put('.localConfigs', 'MicrosoftAppPassword=secret');
  put('local.settings.json', '{}');
  put('m365agents.yml', 'version: v1.11');
  put('dist/deploy/function-app.zip', 'an earlier package');
  change(put, (p) => join(base, p));
  return base;
}

const KEPT = [
  'dist/bundle/functions/code-cache.json',
  'dist/bundle/functions/index.0123456789ab.v24.22.3-x64.v8cache',
  'dist/bundle/functions/index.js',
  'dist/bundle/functions/main.js',
  'dist/bundle/functions/prerendered-cards.json',
  'dist/webchat/app.js',
  'host.json',
  'node_modules/@azure/monitor-opentelemetry/package.json',
  'node_modules/x/bin.js',
  'package.json',
];

interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

type Answer = { status: number; body: unknown };

/** Resource Manager and the scm host in one loopback server; `answers` say what each route replies, in turn. */
async function standIn(answers: { publish: Answer[]; latest: Answer[]; site?: Answer }) {
  const requests: Recorded[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://127.0.0.1');
      requests.push({ method: req.method!, path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks) });
      const send = ({ status, body }: Answer) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
      };
      const { port } = server.address() as AddressInfo;
      if (url.pathname === RESOURCE_ID && answers.site) return send(answers.site);
      if (url.pathname === RESOURCE_ID)
        return send({
          status: 200,
          body: {
            properties: {
              hostNameSslStates: [
                { name: 'app.example', hostType: 'Standard' },
                { name: `127.0.0.1:${port}`, hostType: 'Repository' },
              ],
            },
          },
        });
      const queue = url.pathname === '/api/publish' ? answers.publish : url.pathname === '/api/deployments/latest' ? answers.latest : undefined;
      send(queue?.length ? (queue.length > 1 ? queue.shift()! : queue[0]) : { status: 404, body: 'not found' });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { requests, url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((done) => server.close(() => done())) };
}

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(AZURE_|BOT_|FUNCTION_APP_|DEPLOY_)/.test(name)));
  const child = spawn(process.execPath, ['--import', guard, script, ...args], {
    env: { ...clean, DEPLOY_POLL_SECONDS: '0.01', DEPLOY_STORAGE_RETRY_SECONDS: '5', DEPLOY_TIMEOUT_SECONDS: '5', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

const entriesOf = async (bytes: Buffer) => {
  const zip = await JSZip.loadAsync(bytes);
  return Object.values(zip.files).filter((file) => !file.dir);
};
const succeeded = { status: 200, body: { id: 'd-1', status: 4, status_text: '', complete: true } };
const running = { status: 200, body: { id: 'd-1', status: 1, status_text: 'Building', complete: false } };

describe('npm run deploy:flex: the package', () => {
  it('holds exactly what .funcignore keeps, readable by a zip reader, byte for byte', async () => {
    const base = project('contents');
    const out = join(dir, 'contents.zip');
    const result = await run(['--root', base, '--dry-run', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const entries = await entriesOf(readFileSync(out));
    expect(entries.map((entry) => entry.name).sort()).toEqual(KEPT);
    expect(await entries.find((entry) => entry.name === 'dist/bundle/functions/index.js')!.async('string')).toBe('x'.repeat(5000));
    expect(await entries.find((entry) => entry.name === 'host.json')!.async('string')).toBe(readFileSync(join(root, 'host.json'), 'utf8'));
    expect(result.stdout).toMatch(/package: 10 files/);
    expect(result.stdout).toMatch(/dry run: nothing uploaded/);
  });

  it('is the same bytes every time for the same files', async () => {
    const base = project('twice');
    await run(['--root', base, '--dry-run', '--out', join(dir, 'one.zip')]);
    await run(['--root', base, '--dry-run', '--out', join(dir, 'two.zip')]);
    expect(readFileSync(join(dir, 'one.zip')).equals(readFileSync(join(dir, 'two.zip')))).toBe(true);
  });

  it.each([
    ['host.json', (_: unknown, path: (p: string) => string) => rmSync(path('host.json')), /host\.json is missing/],
    ['package.json main', (put: (p: string, t: string) => void) => put('package.json', '{"name":"app"}'), /package\.json has no "main"/],
    [
      'the entry main names',
      (_: unknown, path: (p: string) => string) => rmSync(path('dist/bundle/functions/main.js')),
      /"main" is dist\/bundle\/functions\/main\.js, which is not in the package/,
    ],
    [
      'the bundle',
      (_: unknown, path: (p: string) => string) => rmSync(path('dist/bundle/functions/index.js')),
      /the bundle dist\/bundle\/functions\/index\.js is missing/,
    ],
    ['the code cache list', (_: unknown, path: (p: string) => string) => rmSync(path('dist/bundle/functions/code-cache.json')), /code-cache\.json is missing/],
    [
      'the code cache',
      (_: unknown, path: (p: string) => string) => rmSync(path('dist/bundle/functions/index.0123456789ab.v24.22.3-x64.v8cache')),
      /the code cache dist\/bundle\/functions\/index\.0123456789ab\.v24\.22\.3-x64\.v8cache is missing/,
    ],
  ])('refuses a package without %s, and uploads nothing', async (name, change, message) => {
    const server = await standIn({ publish: [succeeded], latest: [succeeded] });
    try {
      const base = project(`without-${name.replace(/\W+/g, '-')}`, change);
      const result = await run(['--root', base, '--scm-url', server.url], { AZURE_ACCESS_TOKEN: TOKEN });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/cannot start on the Functions host, nothing uploaded/);
      expect(result.stderr).toMatch(message);
      expect(server.requests).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe("the repository's .funcignore", () => {
  // Every file git tracks, and what tsc and the bundle write for each source folder, as the
  // deploy script's own reader of .funcignore sees them: only the host's files may be left.
  // A new folder or config file at the top fails here until .funcignore names it.
  const ALLOWED = /^(host\.json|package\.json|dist\/bundle\/.*|dist\/webchat\/.*|node_modules\/.*)$/;

  it('keeps of the whole repository only host.json, package.json, the bundle, Web Chat and node_modules', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    // tsc (tsconfig.build.json) compiles tsconfig.json's folders, tests excluded, into dist/.
    const { include } = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as { include: string[] };
    const folders = include.map((entry) => entry.split('/')[0]).filter((folder) => folder !== 'test');
    const built = [
      ...folders.map((folder) => `dist/${folder}/x.js`),
      'dist/bundle/functions/index.js',
      'dist/webchat/app.js',
      'dist/teams-app.zip',
      'dist/deploy/function-app.zip',
    ];
    const probe = `import { funcignoreMatcher } from ${JSON.stringify(pathToFileURL(join(root, 'scripts', 'deploy', 'package.mjs')).href)};
import { readFileSync } from 'node:fs';
const ignored = funcignoreMatcher(readFileSync(${JSON.stringify(join(root, '.funcignore'))}, 'utf8'));
// A path is left out when it, or any folder above it, is.
const leftOut = (path) => path.split('/').some((_, i, parts) => ignored(parts.slice(0, i + 1).join('/'), i < parts.length - 1));
const paths = JSON.parse(readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(paths.filter((path) => !leftOut(path))));`;
    const kept = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', probe], {
        input: JSON.stringify([...tracked, ...built, 'node_modules/zod/package.json']),
        encoding: 'utf8',
      }),
    ) as string[];
    expect(kept.filter((path) => !ALLOWED.test(path))).toEqual([]);
    expect(kept).toEqual(
      expect.arrayContaining(['host.json', 'package.json', 'dist/bundle/functions/index.js', 'dist/webchat/app.js', 'node_modules/zod/package.json']),
    );
  });
});

describe('npm run deploy:flex: the upload', () => {
  it('finds the scm host through Resource Manager, POSTs the zip to One Deploy with the token, polls until the deployment succeeds, and says what went where', async () => {
    const server = await standIn({ publish: [{ status: 202, body: '' }], latest: [{ status: 404, body: '' }, running, running, succeeded] });
    try {
      const result = await run(['--root', project('upload'), '--resource-id', RESOURCE_ID], {
        AZURE_ACCESS_TOKEN: TOKEN,
        AZURE_RESOURCE_MANAGER_URL: server.url,
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        `GET ${RESOURCE_ID}`,
        'POST /api/publish',
        'GET /api/deployments/latest',
        'GET /api/deployments/latest',
        'GET /api/deployments/latest',
        'GET /api/deployments/latest',
      ]);
      for (const r of server.requests) expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(server.requests[0].query.get('api-version')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const publish = server.requests[1];
      expect(Object.fromEntries(publish.query)).toEqual({ type: 'zip', RemoteBuild: 'false' });
      expect(publish.headers['content-type']).toBe('application/zip');
      expect((await entriesOf(publish.body)).map((entry) => entry.name).sort()).toEqual(KEPT);
      expect(result.stdout).toContain(`uploaded to ${server.url}/api/publish?type=zip&RemoteBuild=false (attempt 1) for ${RESOURCE_ID}`);
      expect(result.stdout).toMatch(/deployment d-1 succeeded/);
      expect(result.stdout).toMatch(/sha256 [0-9a-f]{64}/);
    } finally {
      await server.close();
    }
  });

  it("retries a first deployment while the storage refuses the app's identity (a 400 carrying a 403), then succeeds", async () => {
    const refused = {
      status: 400,
      body: 'Failed to upload blob to storage account: Response status code does not indicate success: 403 (This request is not authorized).',
    };
    const server = await standIn({ publish: [refused, refused, { status: 200, body: '' }], latest: [succeeded] });
    try {
      const result = await run(['--root', project('retry'), '--scm-url', server.url], { AZURE_ACCESS_TOKEN: TOKEN });
      expect(result.code).toBe(0);
      expect(server.requests.filter((r) => r.path === '/api/publish')).toHaveLength(3);
      expect(result.stdout).toMatch(/attempt 1: the deployment storage refused the upload \(400\)/);
      expect(result.stdout).toMatch(/\(attempt 3\)/);
    } finally {
      await server.close();
    }
  });

  it('does not retry any other refusal: it stops with the answer and exit code 1', async () => {
    const server = await standIn({ publish: [{ status: 401, body: 'Unauthorized' }], latest: [succeeded] });
    try {
      const result = await run(['--root', project('refused'), '--scm-url', server.url], { AZURE_ACCESS_TOKEN: TOKEN });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/answered 401: Unauthorized/);
      expect(server.requests.map((r) => r.path)).toEqual(['/api/publish']);
    } finally {
      await server.close();
    }
  });

  it('fails, exit code 1, when the publish answered 200 but the deployment then failed, and names its log', async () => {
    const failed = {
      status: 200,
      body: { id: 'd-2', status: 3, status_text: 'Deployment failed: host.json invalid', complete: true, log_url: 'http://127.0.0.1/log' },
    };
    const server = await standIn({ publish: [{ status: 200, body: '' }], latest: [running, failed] });
    try {
      const result = await run(['--root', project('failed'), '--scm-url', server.url], { AZURE_ACCESS_TOKEN: TOKEN });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/deployment d-2 \(Deployment failed: host\.json invalid\) failed \(status 3\); its log: http:\/\/127\.0\.0\.1\/log/);
    } finally {
      await server.close();
    }
  });

  it.each([
    [
      'names no deployment host',
      { status: 200, body: { properties: { hostNameSslStates: [{ name: 'app.example', hostType: 'Standard' }] } } },
      /names no deployment \(Repository\) host/,
    ],
    ['is not JSON', { status: 200, body: '<html>maintenance</html>' }, /names no deployment \(Repository\) host/],
    ['refuses the token', { status: 403, body: 'AuthorizationFailed' }, /answered 403: AuthorizationFailed/],
  ])('stops, exit code 1, uploading nothing, when Resource Manager %s', async (_case, site, message) => {
    const server = await standIn({ publish: [{ status: 200, body: '' }], latest: [succeeded], site });
    try {
      const result = await run(['--root', project(`arm-${_case.replace(/\W+/g, '-')}`), '--resource-id', RESOURCE_ID], {
        AZURE_ACCESS_TOKEN: TOKEN,
        AZURE_RESOURCE_MANAGER_URL: server.url,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(server.requests.map((r) => r.path)).toEqual([RESOURCE_ID]);
    } finally {
      await server.close();
    }
  });

  it.each([
    [{ FUNCTION_APP_SCM_URL: 'http://licensing-app.scm.azurewebsites.net' }, /FUNCTION_APP_SCM_URL must be https/],
    [{ BOT_AZURE_FUNCTION_APP_RESOURCE_ID: 'licensing-app' }, /not a Function App resource id/],
    [{ DEPLOY_POLL_SECONDS: 'soon' }, /DEPLOY_POLL_SECONDS: /],
    [{ AZURE_ACCESS_TOKEN: '' }, /no app to deploy to/],
  ])('refuses bad or missing settings with a sentence, exit code 2, dialling nothing (%o)', async (env, message) => {
    // No Azure CLI on PATH: a refusal must come before any attempt to get a token.
    const result = await run(['--root', project(`settings-${Object.keys(env).join('-')}`)], {
      AZURE_ACCESS_TOKEN: TOKEN,
      PATH: join(dir, 'empty-path'),
      ...env,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/GUARD|at .*\.mjs:\d+/);
  });

  it('without AZURE_ACCESS_TOKEN and without the Azure CLI, says how to get a token', async () => {
    const result = await run(['--root', project('no-token'), '--scm-url', 'https://licensing-app.scm.azurewebsites.net'], { PATH: join(dir, 'empty-path') });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/set AZURE_ACCESS_TOKEN, or install the Azure CLI and run `az login`/);
    expect(result.stderr).not.toMatch(/GUARD/);
  });
});
