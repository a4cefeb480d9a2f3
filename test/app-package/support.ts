import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const root = join(__dirname, '..', '..');
export const appPackage = join(root, 'appPackage');

export type Manifest = {
  $schema: string;
  manifestVersion: string;
  id: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  name: { short: string; full?: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  accentColor: string;
  bots: { botId: string; scopes: string[]; commandLists?: { scopes: string[]; commands: { title: string; description: string }[] }[] }[];
  composeExtensions?: {
    botId: string;
    commands: {
      id: string;
      type?: string;
      title: string;
      description?: string;
      initialRun?: boolean;
      context?: string[];
      parameters?: { name: string; title: string; inputType?: string }[];
    }[];
    messageHandlers?: { type: string; value: { domains: string[] } }[];
  }[];
  copilotAgents?: { customEngineAgents: { id: string; type: string; disclaimer?: { text: string } }[] };
  validDomains: string[];
};

/** The template as committed: the ids are the toolkit's ${{TEAMS_APP_ID}} and ${{BOT_ID}} placeholders. */
export const readManifest = (): Manifest => JSON.parse(readFileSync(join(appPackage, 'manifest.json'), 'utf8')) as Manifest;

export const TEMPLATE_PLACEHOLDERS = ['BOT_ID', 'TEAMS_APP_ID'];
export const SAMPLE_IDS = { TEAMS_APP_ID: 'a1b2c3d4-0000-4000-8000-00000000000a', BOT_ID: 'b1b2c3d4-0000-4000-8000-00000000000b' };

/** The template with its placeholders filled as the toolkit or package:teams fills them. */
export function filledManifest(values: Record<string, string> = SAMPLE_IDS): Manifest {
  const text = readFileSync(join(appPackage, 'manifest.json'), 'utf8').replace(
    /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g,
    (_m, name: string) => values[name] ?? `<unfilled ${name}>`,
  );
  return JSON.parse(text) as Manifest;
}

/** Every ${{NAME}} the template uses. */
export function placeholdersOf(): string[] {
  const text = readFileSync(join(appPackage, 'manifest.json'), 'utf8');
  return [...new Set([...text.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1]))].sort();
}

export function schemaPath(version: string): string {
  const pkg = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return join(pkg, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
}

const compiled = new Map<string, ValidateFunction>();
/** The offline schema that @microsoft/app-manifest ships for the manifest's own version. */
export function validatorFor(version: string): ValidateFunction {
  let validate = compiled.get(version);
  if (!validate) {
    const schema = JSON.parse(readFileSync(schemaPath(version), 'utf8')) as Record<string, unknown>;
    // A draft-04 schema: Ajv 8 reads it with draft-07 rules once its "$schema" line is dropped,
    // which is exact for it (checked in manifest.test.ts: no draft-04-only keyword forms).
    delete schema.$schema;
    const ajv = new Ajv({ allErrors: true, strictTypes: false });
    addFormats(ajv);
    validate = ajv.compile(schema);
    compiled.set(version, validate);
  }
  return validate;
}

export function schemaErrors(manifest: unknown): string[] {
  const version = (manifest as { manifestVersion: string }).manifestVersion;
  const validate = validatorFor(version);
  return validate(manifest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

export const REQUIRED_COMMANDS = ['help', 'topics', 'start over'];
export const SCOPES = ['personal', 'team', 'groupChat'];
