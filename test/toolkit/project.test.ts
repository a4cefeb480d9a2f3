import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bicepOutputs, LIFECYCLES, parseYaml, placeholders, read, readEnvFile, root, Step, tunnelOutputs } from './support';

// The Microsoft 365 Agents Toolkit project, checked offline: the toolkit itself (and an Azure or
// Microsoft 365 account) is not available here. What can be known without running it: the files
// parse, every action is one the toolkit has, every file an action names exists, and every
// ${{VARIABLE}} is defined by the environment's env file or written by an earlier step.

const PROJECT_FILES = [
  { file: 'm365agents.yml', envs: ['dev'] },
  { file: 'm365agents.local.yml', envs: ['local'] },
  { file: 'm365agents.playground.yml', envs: ['playground'] },
];

// Actions of the toolkit's yaml schema v1.11 that these files use (https://aka.ms/teamsfx-actions).
const KNOWN_ACTIONS = new Set([
  'teamsApp/create',
  'teamsApp/validateManifest',
  'teamsApp/zipAppPackage',
  'teamsApp/validateAppPackage',
  'teamsApp/update',
  'teamsApp/publishAppPackage',
  'arm/deploy',
  'aadApp/create',
  'botFramework/create',
  'cli/runNpmCommand',
  'file/createOrUpdateEnvironmentFile',
  'azureFunctions/zipDeploy',
]);

const stepsOf = (data: ReturnType<typeof parseYaml>['data']) => LIFECYCLES.flatMap((lifecycle) => (data[lifecycle] ?? []).map((step) => ({ lifecycle, step })));

/** What a step reads: its own ${{...}}, plus those of the files it hands to the toolkit. */
function variablesRead(step: Step): string[] {
  const used = placeholders(JSON.stringify(step.with ?? {})).map((p) => p.name);
  const w = step.with as { manifestPath?: string; templates?: { parameters?: string }[] } | undefined;
  if (w?.manifestPath && (step.uses === 'teamsApp/zipAppPackage' || step.uses === 'teamsApp/validateManifest')) {
    used.push(...placeholders(read(w.manifestPath)).map((p) => p.name));
  }
  for (const template of w?.templates ?? []) if (template.parameters) used.push(...placeholders(read(template.parameters)).map((p) => p.name));
  return used;
}

function variablesWritten(step: Step): string[] {
  const written = Object.values(step.writeToEnvironmentFile ?? {});
  if (step.uses === 'arm/deploy') written.push(...bicepOutputs());
  return written;
}

describe.each(PROJECT_FILES)('$file', ({ file, envs }) => {
  const { data, errors, text } = parseYaml(file);

  it('parses as YAML without errors or duplicate keys', () => {
    expect(errors).toEqual([]);
    expect(data).toBeInstanceOf(Object);
  });

  it('is on the toolkit schema v1.11, named on its first line for the editor', () => {
    expect(data.version).toBe('v1.11');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/v1.11/yaml.schema.json');
  });

  it('uses only actions the toolkit has', () => {
    const steps = stepsOf(data);
    expect(steps.length).toBeGreaterThan(0);
    for (const { step } of steps) expect(KNOWN_ACTIONS).toContain(step.uses);
  });

  it('names only files that exist, and packages only what an earlier step zipped', () => {
    const zipped = new Set<string>();
    for (const { step } of stepsOf(data)) {
      const w = step.with ?? {};
      for (const key of ['manifestPath', 'ignoreFile']) if (typeof w[key] === 'string') expect(existsSync(join(root, w[key]))).toBe(true);
      if (typeof w.artifactFolder === 'string') expect(statSync(join(root, w.artifactFolder)).isDirectory()).toBe(true);
      for (const template of (w.templates ?? []) as { path: string; parameters: string }[]) {
        expect(existsSync(join(root, template.path))).toBe(true);
        expect(existsSync(join(root, template.parameters))).toBe(true);
      }
      if (typeof w.outputZipPath === 'string') zipped.add(w.outputZipPath);
      if (typeof w.appPackagePath === 'string') expect(zipped).toContain(w.appPackagePath);
    }
  });

  it.each(envs)('reads in env %s only variables its env file defines or an earlier step wrote', (env) => {
    const { inputs } = readEnvFile(`env/.env.${env}`);
    const available = new Set<string>([...inputs.keys(), ...(env === 'local' ? tunnelOutputs() : [])]);
    const missing: string[] = [];
    for (const { lifecycle, step } of stepsOf(data)) {
      for (const name of variablesRead(step)) if (!available.has(name)) missing.push(`${lifecycle} ${step.uses}: ${name}`);
      for (const name of variablesWritten(step)) available.add(name);
    }
    expect(missing).toEqual([]);
  });

  it.each(envs)('lists in env %s as generated only what a step (or the dev tunnel) writes', (env) => {
    const { generated } = readEnvFile(`env/.env.${env}`);
    const written = new Set([...stepsOf(data).flatMap(({ step }) => variablesWritten(step)), ...(env === 'local' ? tunnelOutputs() : [])]);
    expect([...generated].filter((name) => !written.has(name))).toEqual([]);
  });
});

describe('m365agents.yml', () => {
  const { data } = parseYaml('m365agents.yml');

  it('provisions the Teams app, the Azure resources from infra/azure.bicep, and packages, validates and updates the app', () => {
    expect((data.provision ?? []).map((step) => step.uses)).toEqual([
      'teamsApp/create',
      'arm/deploy',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
  });

  it('deploys by building, pruning, then One Deploy (npm run deploy:flex) to the Function App the template created, never /api/zipdeploy', () => {
    const deploy = data.deploy ?? [];
    expect(deploy.map((step) => step.uses)).not.toContain('azureFunctions/zipDeploy');
    const npm = deploy.filter((step) => step.uses === 'cli/runNpmCommand').map((step) => (step.with as { args: string }).args);
    expect(npm[0]).toMatch(/^ci\b/);
    expect(npm).toContain('run build');
    expect(npm[npm.length - 2]).toMatch(/^prune --omit=dev/);
    expect(npm[npm.length - 1]).toBe('run deploy:flex -- --resource-id ${{BOT_AZURE_FUNCTION_APP_RESOURCE_ID}}');
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['deploy:flex']).toBe('node scripts/deploy-flex.mjs');
    expect(bicepOutputs()).toContain('BOT_AZURE_FUNCTION_APP_RESOURCE_ID');
  });

  it('deploys with nothing the pruned package lacks: the deploy script imports only Node and production dependencies', () => {
    const { dependencies } = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
    for (const file of ['scripts/deploy-flex.mjs', 'scripts/deploy/package.mjs', 'scripts/deploy/zip.mjs']) {
      const imports = [...read(file).matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
      expect(imports.length).toBeGreaterThan(0);
      for (const name of imports) expect([file, name.startsWith('node:') || name.startsWith('./') || name in dependencies]).toEqual([file, true]);
    }
  });

  it("publishes the package to the organization's app catalogue", () => {
    expect((data.publish ?? []).map((step) => step.uses)).toContain('teamsApp/publishAppPackage');
  });
});

describe('the env files', () => {
  const files = ['env/.env.dev', 'env/.env.local', 'env/.env.playground'];

  it.each(files)('%s holds no secret: no SECRET_ variable, nothing that looks like a password or key', (path) => {
    const { inputs, generated } = readEnvFile(path);
    for (const name of [...inputs.keys(), ...generated]) expect(name).not.toMatch(/^SECRET_|PASSWORD|_KEY$|CONNECTION_STRING/);
    for (const [name, value] of inputs) expect(`${name}=${value}`).not.toMatch(/[A-Za-z0-9+/]{32,}/);
  });

  it("keeps the toolkit's secret files and generated local settings out of git", () => {
    for (const path of ['env/.env.dev.user', 'env/.env.local.user', '.localConfigs', '.localConfigs.playground', 'appPackage/build/appPackage.dev.zip']) {
      const result = spawnSync('git', ['check-ignore', '-q', path], { cwd: root });
      expect([path, result.status]).toEqual([path, 0]);
    }
    for (const path of files) expect([path, spawnSync('git', ['check-ignore', '-q', path], { cwd: root }).status]).toEqual([path, 1]);
  });
});

describe('.vscode', () => {
  const jsonc = (path: string) => JSON.parse(read(path).replace(/^\s*\/\/.*$/gm, '')) as Record<string, unknown>;
  const tasks = jsonc('.vscode/tasks.json').tasks as { label: string; dependsOn?: string[]; command?: string }[];
  const launch = jsonc('.vscode/launch.json') as {
    configurations: { name: string }[];
    compounds: { name: string; configurations: string[]; preLaunchTask?: string }[];
  };
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
  const labels = new Set(tasks.map((task) => task.label));

  it('launch.json compounds name only configurations and tasks that exist', () => {
    const names = new Set(launch.configurations.map((c) => c.name));
    for (const compound of launch.compounds) {
      for (const name of compound.configurations) expect(names).toContain(name);
      if (compound.preLaunchTask) expect(labels).toContain(compound.preLaunchTask);
    }
    expect(launch.compounds.map((c) => c.name)).toEqual(expect.arrayContaining(['Debug in Microsoft 365 Agents Playground', 'Debug in Teams (Edge)']));
  });

  it('tasks.json depends only on tasks that exist and runs only npm scripts that exist', () => {
    for (const task of tasks) for (const dependency of task.dependsOn ?? []) expect(labels).toContain(dependency);
    for (const task of tasks) {
      const script = /^npm run (\S+)/.exec(task.command ?? '')?.[1];
      if (script) expect(Object.keys(scripts)).toContain(script);
    }
  });

  it('launches Teams with the app id the local environment generates', () => {
    for (const p of placeholders(read('.vscode/launch.json'))) {
      const env = p.env ?? 'dev';
      expect(readEnvFile(`env/.env.${env}`).generated).toContain(p.name);
    }
  });

  it('starts the server with the settings the toolkit wrote, its inspector on loopback', () => {
    expect(scripts['dev:teamsfx']).toMatch(/--env-file=\.localConfigs /);
    expect(scripts['dev:playground']).toMatch(/--env-file=\.localConfigs\.playground /);
    for (const script of [scripts['dev:teamsfx'], scripts['dev:playground']]) expect(script).toMatch(/--inspect=127\.0\.0\.1:9239/);
  });
});

describe('.funcignore', () => {
  // The gitignore subset .funcignore uses: "/dir/", "dir/", "*.ext", "name", "name*".
  const patterns = read('.funcignore')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const toRegExp = (pattern: string) => {
    const anchored = pattern.startsWith('/');
    const body = pattern.replace(/^\//, '').replace(/\/$/, '');
    const glob = body.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
    return new RegExp(`${anchored ? '^' : '(^|/)'}${glob}(/|$)`);
  };
  const ignored = (path: string) => patterns.some((pattern) => toRegExp(pattern).test(path));

  it.each([
    'host.json',
    'package.json',
    'dist/bundle/functions/index.js',
    'dist/bundle/functions/main.js',
    'dist/bundle/functions/code-cache.json',
    'dist/bundle/functions/prerendered-cards.json',
    'dist/bundle/functions/index.0123456789ab.v24.0.0-x64.v8cache',
    'dist/webchat/webchat.js',
    'dist/webchat/app.js',
    'node_modules/@azure/monitor-opentelemetry/package.json',
    'node_modules/@opentelemetry/api-logs/package.json',
  ])('keeps %s in the package', (path) => {
    expect(ignored(path)).toBe(false);
  });

  it.each([
    'env/.env.dev',
    'infra/azure.bicep',
    'appPackage/manifest.json',
    '.localConfigs',
    'local.settings.json',
    'bot/adapter.ts',
    'dist/bot/adapter.js',
    'web/webchat-app.js',
    'test/x.test.ts',
    '.vscode/tasks.json',
    'm365agents.yml',
  ])('leaves %s out of it', (path) => {
    expect(ignored(path)).toBe(true);
  });
});
