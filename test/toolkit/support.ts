import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

export const root = join(__dirname, '..', '..');
export const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** ${{NAME}} and ${{env:NAME}} as the toolkit writes them. */
const PLACEHOLDER = /\$\{\{\s*(?:([a-z]+):)?([A-Za-z0-9_]+)\s*\}\}/g;
export function placeholders(text: string): { env?: string; name: string }[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ env: m[1], name: m[2] }));
}

export interface Step {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
export type Lifecycle = 'provision' | 'deploy' | 'publish';
export const LIFECYCLES: Lifecycle[] = ['provision', 'deploy', 'publish'];
export interface ProjectFile {
  version: string;
  environmentFolderPath?: string;
  provision?: Step[];
  deploy?: Step[];
  publish?: Step[];
}

export function parseYaml(path: string): { data: ProjectFile; errors: string[]; text: string } {
  const text = read(path);
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  return { data: document.toJS() as ProjectFile, errors: [...document.errors, ...document.warnings].map((e) => e.message), text };
}

/**
 * An env file in two parts, as the committed ones are laid out: inputs (set by hand, may be
 * empty) above the "# Generated" comment, values the toolkit writes below it.
 */
export function readEnvFile(path: string): { inputs: Map<string, string>; generated: Set<string> } {
  const inputs = new Map<string, string>();
  const generated = new Set<string>();
  let inGenerated = false;
  for (const raw of read(path).split('\n')) {
    const line = raw.trim();
    if (/^#\s*Generated/i.test(line)) inGenerated = true;
    if (!line || line.startsWith('#')) continue;
    const match = /^([A-Za-z0-9_]+)=(.*)$/.exec(line);
    if (!match) throw new Error(`${path}: not NAME=value: ${raw}`);
    if (inGenerated) generated.add(match[1]);
    else inputs.set(match[1], match[2]);
  }
  return { inputs, generated };
}

/** The outputs infra/azure.bicep declares (arm/deploy writes each to the env file). */
export function bicepOutputs(): string[] {
  return [...read('infra/azure.bicep').matchAll(/^output\s+([A-Za-z0-9_]+)\s/gm)].map((m) => m[1]);
}

/** What the dev tunnel task in .vscode/tasks.json writes to env/.env.local before provision. */
export function tunnelOutputs(): string[] {
  const text = read('.vscode/tasks.json');
  const block = /"writeToEnvironmentFile"\s*:\s*\{([^}]*)\}/.exec(text);
  return block ? [...block[1].matchAll(/:\s*"([A-Z0-9_]+)"/g)].map((m) => m[1]) : [];
}
