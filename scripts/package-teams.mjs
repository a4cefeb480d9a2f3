#!/usr/bin/env node
// npm run package:teams: builds dist/teams-app.zip (manifest.json, color.png, outline.png at the
// zip root) from the template in appPackage/, filling in the bot's settings:
//   MicrosoftAppId   -> id and bots[0].botId (must be a GUID), and the message extension's botId
//   PUBLIC_BASE_URL  -> validDomains (its host name) and the developer website/privacy/terms URLs
//                       (must be https: Teams accepts nothing else), and the link unfurling domains
// Refuses (exit code 2) when a setting is missing or malformed. `--placeholder` is for local
// checks only: it packages the all-zero GUID when MicrosoftAppId is unset, and the template's
// example.com address when PUBLIC_BASE_URL is unset or not https; Teams cannot reach a bot
// through such a package.
// Options: --out <file> (default dist/teams-app.zip), --placeholder.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const appPackage = join(root, 'appPackage');
const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A fixed timestamp keeps the zip byte-for-byte reproducible.
const ZIP_DATE = new Date('2025-01-01T00:00:00Z');

function refuse(message) {
  console.error(`package:teams: ${message}`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { out: join(root, 'dist', 'teams-app.zip'), placeholder: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--placeholder') options.placeholder = true;
    else if (argv[i] === '--out' && argv[i + 1]) options.out = resolve(argv[++i]);
    else refuse(`unknown argument "${argv[i]}" (expected --out <file> or --placeholder)`);
  }
  return options;
}

const setting = (name) => {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
};

function appIdFrom(placeholder) {
  const appId = setting('MicrosoftAppId');
  if (appId === undefined) {
    if (placeholder) {
      console.warn(`package:teams: MicrosoftAppId is not set; using the placeholder ${PLACEHOLDER_ID} (local checks only).`);
      return PLACEHOLDER_ID;
    }
    refuse('MicrosoftAppId is not set. Set it to the Azure Bot registration\'s Microsoft App ID (a GUID), or pass --placeholder for a local check package.');
  }
  if (!GUID.test(appId)) refuse(`MicrosoftAppId "${appId}" is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).`);
  if (appId === PLACEHOLDER_ID && !placeholder) refuse('MicrosoftAppId is the all-zero placeholder GUID; set the real Microsoft App ID.');
  return appId.toLowerCase();
}

function baseUrlFrom(placeholder) {
  const raw = setting('PUBLIC_BASE_URL');
  let url;
  try {
    url = raw === undefined ? undefined : new URL(raw);
  } catch {
    refuse(`PUBLIC_BASE_URL "${raw}" is not a URL.`);
  }
  if (url && url.protocol === 'https:' && !url.search && !url.hash) return url;
  const problem = url === undefined ? 'is not set' : url.protocol !== 'https:' ? `("${raw}") is not https` : `("${raw}") has a query or fragment`;
  if (placeholder) {
    console.warn(`package:teams: PUBLIC_BASE_URL ${problem}; keeping the template's example.com address (local checks only).`);
    return undefined;
  }
  refuse(`PUBLIC_BASE_URL ${problem}. Teams needs the bot's public https address, e.g. https://licensing.contoso.com.`);
}

function validate(manifest) {
  const schemaPath = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams', `v${manifest.manifestVersion}`, 'MicrosoftTeams.schema.json');
  if (!existsSync(schemaPath)) refuse(`no schema for manifestVersion ${manifest.manifestVersion} in @microsoft/app-manifest`);
  // The schema is draft-04; without its "$schema" line Ajv reads it with draft-07 rules, which
  // agree for every keyword it uses (no boolean exclusiveMinimum/Maximum, no "id" keyword).
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv);
  const check = ajv.compile(schema);
  if (!check(manifest)) refuse(`the manifest does not validate against ${schemaPath}:\n${check.errors.map((e) => `  ${e.instancePath || '/'} ${e.message}`).join('\n')}`);
}

async function main(argv = process.argv.slice(2)) {
  const options = parseArgs(argv);
  const manifest = JSON.parse(readFileSync(join(appPackage, 'manifest.json'), 'utf8'));
  const appId = appIdFrom(options.placeholder);
  const base = baseUrlFrom(options.placeholder);

  manifest.id = appId;
  for (const bot of manifest.bots ?? []) bot.botId = appId;
  for (const extension of manifest.composeExtensions ?? []) extension.botId = appId;
  if (base) {
    const page = new URL(base.pathname.endsWith('/') ? base.href : `${base.href}/`);
    manifest.developer.websiteUrl = page.href;
    manifest.developer.privacyUrl = new URL('#privacy', page).href;
    manifest.developer.termsOfUseUrl = new URL('#terms', page).href;
    manifest.validDomains = [base.hostname];
    // Pasted guide and decision record links unfurl: they live on the bot's own host.
    for (const extension of manifest.composeExtensions ?? []) {
      for (const handler of extension.messageHandlers ?? []) if (handler.type === 'link') handler.value.domains = [base.hostname];
    }
  }
  validate(manifest);

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: ZIP_DATE });
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    const path = join(appPackage, icon);
    if (!existsSync(path)) refuse(`icon ${icon} is missing from appPackage/ (run node scripts/make-teams-icons.mjs)`);
    zip.file(icon, readFileSync(path), { date: ZIP_DATE });
  }
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, bytes);
  console.log(`wrote ${options.out}: manifest ${manifest.manifestVersion}, bot ${appId}, domain ${manifest.validDomains.join(', ')}`);
}

await main();
