#!/usr/bin/env node
// npm run package:teams: builds dist/teams-app.zip (manifest.json, color.png, outline.png at the
// zip root) from the template in appPackage/, filling in the settings. The template holds the
// same ${{...}} placeholders the Agents Toolkit fills from env/.env.<environment>, so the toolkit
// (teamsApp/zipAppPackage) and this script package the one template:
//   TEAMS_APP_ID     -> ${{TEAMS_APP_ID}}: the manifest id, the Teams app's own GUID
//   BOT_ID           -> ${{BOT_ID}}: bots[0].botId and the message extension's botId, the bot's Microsoft App ID (the managed
//                       identity's client id); MicrosoftAppId is read when BOT_ID is unset
//   PUBLIC_BASE_URL  -> validDomains (its host name), the developer website/privacy/terms URLs
//                       (must be https: Teams accepts nothing else) and the link unfurling domains
// Refuses (exit code 2) when a setting is missing or malformed, or when the two ids are the same
// GUID (they name different things: an app in the Teams catalogue, a bot registration).
// `--placeholder` is for local checks only: it packages placeholder GUIDs for unset ids, and the
// template's example.com address when PUBLIC_BASE_URL is unset or not https; Teams cannot reach
// a bot through such a package.
// Validation: the schema of the manifest's own version from @microsoft/app-manifest (offline), then
// the rules that schema states only in words: a custom engine agent (Microsoft 365 Copilot) is a
// bot of this app with the personal scope, and a bot in the copilot scope is declared as one.
// Options: --out <file> (default dist/teams-app.zip), --placeholder, --template <manifest.json>
// (default appPackage/manifest.json; its icons are read beside it).
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
// Distinct, so that a placeholder package still has two ids, as a real one must.
const PLACEHOLDERS = { TEAMS_APP_ID: '00000000-0000-0000-0000-000000000001', BOT_ID: '00000000-0000-0000-0000-000000000000' };
const IDS = {
  TEAMS_APP_ID: { names: ['TEAMS_APP_ID'], what: "the Teams app's id (a GUID of its own, from the Developer Portal or the toolkit's teamsApp/create)" },
  BOT_ID: { names: ['BOT_ID', 'MicrosoftAppId'], what: "the bot's Microsoft App ID (the managed identity's client id)" },
};
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A fixed timestamp keeps the zip byte-for-byte reproducible.
const ZIP_DATE = new Date('2025-01-01T00:00:00Z');

function refuse(message) {
  console.error(`package:teams: ${message}`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { out: join(root, 'dist', 'teams-app.zip'), placeholder: false, template: join(appPackage, 'manifest.json') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--placeholder') options.placeholder = true;
    else if (argv[i] === '--out' && argv[i + 1]) options.out = resolve(argv[++i]);
    else if (argv[i] === '--template' && argv[i + 1]) options.template = resolve(argv[++i]);
    else refuse(`unknown argument "${argv[i]}" (expected --out <file>, --template <manifest.json> or --placeholder)`);
  }
  return options;
}

const setting = (name) => {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
};

function idFrom(key, placeholder) {
  const { names, what } = IDS[key];
  const name = names.find((candidate) => setting(candidate) !== undefined);
  const value = name === undefined ? undefined : setting(name);
  if (value === undefined) {
    if (placeholder) {
      console.warn(
        `package:teams: ${names.join(' (or ') + (names.length > 1 ? ')' : '')} is not set; using the placeholder ${PLACEHOLDERS[key]} (local checks only).`,
      );
      return PLACEHOLDERS[key];
    }
    refuse(`${names[0]} is not set. Set it to ${what}, or pass --placeholder for a local check package.`);
  }
  if (!GUID.test(value)) refuse(`${name} "${value}" is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).`);
  if (Object.values(PLACEHOLDERS).includes(value.toLowerCase()) && !placeholder) refuse(`${name} is a placeholder GUID; set ${what}.`);
  return value.toLowerCase();
}

/** Replaces each ${{NAME}} in the template text; a placeholder this script does not know is refused. */
function fillPlaceholders(text, values) {
  return text.replace(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (_match, name) => {
    if (!(name in values)) refuse(`appPackage/manifest.json uses \${{${name}}}, which this script cannot fill (it knows ${Object.keys(values).join(', ')}).`);
    return values[name];
  });
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
  const schemaPath = join(
    dirname(require.resolve('@microsoft/app-manifest/package.json')),
    'build',
    'json-schemas',
    'teams',
    `v${manifest.manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
  if (!existsSync(schemaPath)) refuse(`no schema for manifestVersion ${manifest.manifestVersion} in @microsoft/app-manifest`);
  // The schema is draft-04; without its "$schema" line Ajv reads it with draft-07 rules, which
  // agree for every keyword it uses (no boolean exclusiveMinimum/Maximum, no "id" keyword).
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv);
  const check = ajv.compile(schema);
  if (!check(manifest))
    refuse(`the manifest does not validate against ${schemaPath}:\n${check.errors.map((e) => `  ${e.instancePath || '/'} ${e.message}`).join('\n')}`);
}

/** What the schema describes in prose for Microsoft 365 Copilot, and Copilot enforces on upload. */
function copilotProblems(manifest) {
  const problems = [];
  const bots = manifest.bots ?? [];
  const agents = manifest.copilotAgents?.customEngineAgents ?? [];
  for (const agent of agents.filter((candidate) => candidate.type === 'bot')) {
    const bot = bots.find((candidate) => candidate.botId === agent.id);
    if (!bot) problems.push(`copilotAgents.customEngineAgents names ${agent.id}, which is no bot of this app`);
    else if (!bot.scopes.includes('personal')) problems.push(`the custom engine agent's bot ${agent.id} lacks the personal scope Copilot requires`);
    if (!manifest.name?.short || !manifest.description?.short) problems.push('a custom engine agent needs the short name and short description');
  }
  for (const bot of bots.filter((candidate) => candidate.scopes.includes('copilot'))) {
    if (!agents.some((agent) => agent.type === 'bot' && agent.id === bot.botId))
      problems.push(`bot ${bot.botId} has the copilot scope but is not declared in copilotAgents.customEngineAgents`);
  }
  return problems;
}

async function main(argv = process.argv.slice(2)) {
  const options = parseArgs(argv);
  const ids = { TEAMS_APP_ID: idFrom('TEAMS_APP_ID', options.placeholder), BOT_ID: idFrom('BOT_ID', options.placeholder) };
  if (ids.TEAMS_APP_ID === ids.BOT_ID) refuse(`TEAMS_APP_ID and the bot id are the same GUID (${ids.BOT_ID}); the Teams app needs an id of its own.`);
  const base = baseUrlFrom(options.placeholder);
  const manifest = JSON.parse(fillPlaceholders(readFileSync(options.template, 'utf8'), ids));

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
  const problems = copilotProblems(manifest);
  if (problems.length) refuse(`the manifest breaks what Microsoft 365 Copilot requires:\n${problems.map((p) => `  ${p}`).join('\n')}`);

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: ZIP_DATE });
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    const path = join(dirname(options.template), icon);
    if (!existsSync(path)) refuse(`icon ${icon} is missing beside ${options.template} (run node scripts/make-teams-icons.mjs)`);
    zip.file(icon, readFileSync(path), { date: ZIP_DATE });
  }
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, bytes);
  console.log(
    `wrote ${options.out}: manifest ${manifest.manifestVersion}, app ${ids.TEAMS_APP_ID}, bot ${ids.BOT_ID}, domain ${manifest.validDomains.join(', ')}`,
  );
}

await main();
