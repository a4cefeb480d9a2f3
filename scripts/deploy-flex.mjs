#!/usr/bin/env node
// npm run deploy:flex: deploys the Function App package to a Flex Consumption app through One
// Deploy, the only zip deployment Flex Consumption accepts (it has no /api/zipdeploy; see
// docs/decisions/0001 and 0005, and docs/deploy.md). m365agents.yml runs it after
// `npm run build` and `npm prune --omit=dev --omit=optional`; an operator without the toolkit
// runs the same three commands.
//
//   1. zips what .funcignore keeps (scripts/deploy/package.mjs) and refuses, exit code 2, a
//      package the host cannot start from (host.json, package.json "main", the bundle, its code cache);
//   2. finds the app's deployment (scm) host from its resource id through Azure Resource Manager,
//      unless FUNCTION_APP_SCM_URL names it;
//   3. POSTs the zip to <scm>/api/publish?type=zip&RemoteBuild=false with a bearer token, retrying
//      while the app's identity has not yet got its role on the deployment storage (a first
//      deployment answers with a blob upload failure carrying a 403 for a few minutes);
//   4. polls <scm>/api/deployments/latest until the deployment succeeds or fails, because the
//      publish request can answer 200 for a deployment that fails later.
//
// The token: AZURE_ACCESS_TOKEN (an Azure Resource Manager token, e.g.
// `az account get-access-token --query accessToken -o tsv`), or else this script runs that az
// command itself (the toolkit's own Azure sign-in is not handed to npm steps).
// Options: --resource-id <id> (or BOT_AZURE_FUNCTION_APP_RESOURCE_ID), --scm-url <url>
// (or FUNCTION_APP_SCM_URL), --root <dir> (the project, default this repository),
// --dry-run (build and check the package, upload nothing), --out <file> (also write the zip there).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { collectPackage, describePackage, hostProblems } from './deploy/package.mjs';
import { zipFiles } from './deploy/zip.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ARM_API_VERSION = '2024-04-01';
// Kudu's deployment states (DeployStatus): 3 Failed, 4 Success; below 3 the deployment still runs.
const FAILED = 3;
const SUCCEEDED = 4;

class Refusal extends Error {}

const isLoopback = (url) => ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
// https everywhere; plain http only to a stand-in on this machine, which is what the tests run.
const endpoint = (what) =>
  z
    .string()
    .trim()
    .url(`${what} is not a URL`)
    .transform((raw) => new URL(raw.replace(/\/+$/, '')))
    .refine((url) => url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url)), `${what} must be https`);
const seconds = z.coerce.number().positive();
const RESOURCE_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Web\/sites\/[^/]+$/i;

const Settings = z.object({
  AZURE_ACCESS_TOKEN: z.string().trim().min(1).optional(),
  BOT_AZURE_FUNCTION_APP_RESOURCE_ID: z
    .string()
    .trim()
    .regex(RESOURCE_ID, 'BOT_AZURE_FUNCTION_APP_RESOURCE_ID is not a Function App resource id (/subscriptions/.../providers/Microsoft.Web/sites/<app>)')
    .optional(),
  FUNCTION_APP_SCM_URL: endpoint('FUNCTION_APP_SCM_URL').optional(),
  AZURE_RESOURCE_MANAGER_URL: endpoint('AZURE_RESOURCE_MANAGER_URL').default('https://management.azure.com'),
  DEPLOY_POLL_SECONDS: seconds.default(5),
  DEPLOY_TIMEOUT_SECONDS: seconds.default(900),
  DEPLOY_STORAGE_RETRY_SECONDS: seconds.default(300),
});

function parseArgs(argv) {
  const options = { root: ROOT, dryRun: false, env: {} };
  const takes = { '--resource-id': 'BOT_AZURE_FUNCTION_APP_RESOURCE_ID', '--scm-url': 'FUNCTION_APP_SCM_URL' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg in takes && argv[i + 1] !== undefined) options.env[takes[arg]] = argv[++i];
    else if (arg === '--root' && argv[i + 1]) options.root = resolve(argv[++i]);
    else if (arg === '--out' && argv[i + 1]) options.out = resolve(argv[++i]);
    else throw new Refusal(`unknown argument "${arg}" (expected --resource-id <id>, --scm-url <url>, --root <dir>, --out <file>, --dry-run)`);
  }
  return options;
}

function readSettings(extra) {
  // An empty variable (as the toolkit's env files leave unset outputs) counts as unset.
  const raw = Object.fromEntries(Object.entries({ ...process.env, ...extra }).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = Settings.safeParse(raw);
  if (!parsed.success)
    throw new Refusal(
      parsed.error.issues
        .map((issue) => (issue.message.includes(String(issue.path[0])) ? issue.message : `${issue.path.join('.')}: ${issue.message}`))
        .join('; '),
    );
  return parsed.data;
}

function accessToken(settings) {
  if (settings.AZURE_ACCESS_TOKEN) return settings.AZURE_ACCESS_TOKEN;
  try {
    const token = execFileSync('az', ['account', 'get-access-token', '--resource', 'https://management.azure.com/', '--query', 'accessToken', '-o', 'tsv'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
    if (token) return token;
  } catch {
    // Falls through to the one message below: az missing and az not signed in need the same step.
  }
  throw new Refusal('no Azure token: set AZURE_ACCESS_TOKEN, or install the Azure CLI and run `az login` (the toolkit does not hand its sign-in to npm steps)');
}

async function request(url, init, what) {
  try {
    return await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(120_000) });
  } catch (error) {
    throw new Error(`${what} (${url.origin}) could not be reached: ${error.cause?.code ?? error.message}`, { cause: error });
  }
}

const parseJson = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const excerpt = (text) => text.replace(/\s+/g, ' ').trim().slice(0, 400);

/** The app's deployment host, read from its resource through Azure Resource Manager. */
async function scmUrlOf(settings, token) {
  if (settings.FUNCTION_APP_SCM_URL) return settings.FUNCTION_APP_SCM_URL;
  const id = settings.BOT_AZURE_FUNCTION_APP_RESOURCE_ID;
  const arm = settings.AZURE_RESOURCE_MANAGER_URL;
  const url = new URL(`${arm.pathname.replace(/\/$/, '')}${id}?api-version=${ARM_API_VERSION}`, arm);
  const response = await request(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }, 'Azure Resource Manager');
  const text = await response.text();
  if (!response.ok) throw new Error(`reading the Function App ${id} answered ${response.status}: ${excerpt(text)}`);
  const Site = z.object({ properties: z.object({ hostNameSslStates: z.array(z.object({ name: z.string(), hostType: z.string() })) }) });
  const site = Site.safeParse(parseJson(text));
  const host = site.success ? site.data.properties.hostNameSslStates.find((state) => state.hostType === 'Repository')?.name : undefined;
  if (!host) throw new Error(`the Function App ${id} names no deployment (Repository) host`);
  const scm = new URL(`https://${host}`);
  // Only a stand-in on this machine is reached over http (the tests' Resource Manager names one).
  if (isLoopback(scm) && arm.protocol === 'http:') scm.protocol = 'http:';
  return scm;
}

const Deployment = z.object({
  id: z.string().optional(),
  status: z.coerce.number().int(),
  status_text: z.string().nullish(),
  complete: z.boolean().optional(),
  log_url: z.string().nullish(),
});

/** The 403 a first deployment meets while the identity's role on the storage is still spreading. */
const storageNotYetAllowed = (text) => /\b403\b|AuthorizationPermissionMismatch|AuthorizationFailure/i.test(text) && /blob|storage|upload/i.test(text);

async function publish(scm, token, zip, settings, log) {
  const url = new URL(`${scm.pathname.replace(/\/$/, '')}/api/publish?type=zip&RemoteBuild=false`, scm);
  const retryUntil = Date.now() + settings.DEPLOY_STORAGE_RETRY_SECONDS * 1000;
  for (let attempt = 1; ; attempt++) {
    const response = await request(
      url,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/zip', 'cache-control': 'no-cache' },
        body: zip,
      },
      'the deployment endpoint',
    );
    const text = await response.text();
    if (response.ok) return { url, attempt };
    if (storageNotYetAllowed(text) && Date.now() < retryUntil) {
      log(`attempt ${attempt}: the deployment storage refused the upload (${response.status}); the app's role on it may still be spreading, trying again`);
      await sleep(settings.DEPLOY_POLL_SECONDS * 1000);
      continue;
    }
    throw new Error(`${url.href} answered ${response.status}: ${excerpt(text)}`);
  }
}

async function waitForDeployment(scm, token, settings, log) {
  const url = new URL(`${scm.pathname.replace(/\/$/, '')}/api/deployments/latest`, scm);
  const deadline = Date.now() + settings.DEPLOY_TIMEOUT_SECONDS * 1000;
  let lastStatus;
  while (Date.now() < deadline) {
    const response = await request(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }, 'the deployment status endpoint');
    const text = await response.text();
    // 404 until the platform has recorded the new deployment; anything else is an answer.
    if (response.ok) {
      const parsed = Deployment.safeParse(parseJson(text));
      if (!parsed.success) throw new Error(`${url.href} answered what is not a deployment status: ${excerpt(text)}`);
      const deployment = parsed.data;
      if (deployment.status === SUCCEEDED) return deployment;
      if (deployment.status === FAILED || (deployment.complete && deployment.status !== SUCCEEDED)) return deployment;
      if (deployment.status !== lastStatus)
        log(`deployment ${deployment.id ?? ''} running (status ${deployment.status}${deployment.status_text ? `: ${deployment.status_text}` : ''})`);
      lastStatus = deployment.status;
    } else if (response.status !== 404) throw new Error(`${url.href} answered ${response.status}: ${excerpt(text)}`);
    await sleep(settings.DEPLOY_POLL_SECONDS * 1000);
  }
  throw new Error(`the deployment did not finish within ${settings.DEPLOY_TIMEOUT_SECONDS} s; see ${url.href}`);
}

async function main(argv = process.argv.slice(2)) {
  const log = (line) => console.log(`deploy:flex: ${line}`);
  const options = parseArgs(argv);
  const settings = readSettings(options.env);

  const files = collectPackage(options.root);
  const problems = hostProblems(files);
  if (problems.length) throw new Refusal(`the package cannot start on the Functions host, nothing uploaded:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const zip = zipFiles(files);
  const digest = createHash('sha256').update(zip).digest('hex');
  log(`package: ${files.length} files, ${(zip.length / 1024 / 1024).toFixed(2)} MiB zipped, sha256 ${digest}`);
  for (const line of describePackage(files)) log(line);
  if (options.out) {
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, zip);
    log(`wrote ${options.out}`);
  }
  if (options.dryRun) return log('dry run: nothing uploaded');

  if (!settings.FUNCTION_APP_SCM_URL && !settings.BOT_AZURE_FUNCTION_APP_RESOURCE_ID)
    throw new Refusal(
      'no app to deploy to: pass --resource-id <Function App resource id> (BOT_AZURE_FUNCTION_APP_RESOURCE_ID in env/.env.<environment>) or FUNCTION_APP_SCM_URL',
    );
  const token = accessToken(settings);
  const scm = await scmUrlOf(settings, token);
  const retryUntil = Date.now() + settings.DEPLOY_STORAGE_RETRY_SECONDS * 1000;
  for (;;) {
    const { url, attempt } = await publish(scm, token, zip, settings, log);
    log(
      `uploaded to ${url.href} (attempt ${attempt})${settings.BOT_AZURE_FUNCTION_APP_RESOURCE_ID ? ` for ${settings.BOT_AZURE_FUNCTION_APP_RESOURCE_ID}` : ''}`,
    );
    const deployment = await waitForDeployment(scm, token, settings, log);
    const detail = `${deployment.id ? `deployment ${deployment.id}` : 'the deployment'}${deployment.status_text ? ` (${deployment.status_text})` : ''}`;
    if (deployment.status === SUCCEEDED) return log(`${detail} succeeded on ${scm.origin}`);
    // The storage refusal can also surface only in the deployment's own status.
    if (storageNotYetAllowed(deployment.status_text ?? '') && Date.now() < retryUntil) {
      log(`${detail} failed on the deployment storage; trying again`);
      await sleep(settings.DEPLOY_POLL_SECONDS * 1000);
      continue;
    }
    throw new Error(`${detail} failed (status ${deployment.status})${deployment.log_url ? `; its log: ${deployment.log_url}` : ''}`);
  }
}

try {
  await main();
} catch (error) {
  console.error(`deploy:flex: ${error.message}`);
  process.exitCode = error instanceof Refusal ? 2 : 1;
}
