// What goes to the Function App: every file under the project root that .funcignore keeps, and
// a check that the Functions host can start from it before anything is uploaded.
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

/**
 * Reads .funcignore: the gitignore subset it uses ("/anchored", "dir/", "*.ext", "name*").
 * A pattern outside that subset (negation, "**", "?", character classes) is refused rather than
 * read differently from the toolkit and Core Tools.
 * @returns {(path: string, isDirectory: boolean) => boolean} whether the path is left out
 */
export function funcignoreMatcher(text) {
  const rules = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((pattern) => {
      if (/[!?[\]]|\*\*/.test(pattern)) throw new Error(`.funcignore pattern "${pattern}" is outside the subset this script reads`);
      const directoryOnly = pattern.endsWith('/');
      const body = pattern.replace(/^\//, '').replace(/\/$/, '');
      const anchored = pattern.startsWith('/') || body.includes('/');
      const glob = body.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*');
      return { directoryOnly, regExp: new RegExp(`${anchored ? '^' : '(^|/)'}${glob}$`) };
    });
  return (path, isDirectory) => rules.some((rule) => (isDirectory || !rule.directoryOnly) && rule.regExp.test(path));
}

/** Every file the package keeps, as forward-slash paths relative to `root`, with its bytes. */
export function collectPackage(root) {
  const ignoreFile = join(root, '.funcignore');
  if (!existsSync(ignoreFile)) throw new Error(`no .funcignore in ${root}: without it the package would hold the whole project`);
  const ignored = funcignoreMatcher(readFileSync(ignoreFile, 'utf8'));
  const files = [];
  const walk = (relative) => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      const path = relative ? posix.join(relative, entry.name) : entry.name;
      const absolute = join(root, path);
      // npm links only node_modules/.bin, which .funcignore leaves out; a link elsewhere is
      // followed to a file, never into a folder (no loops).
      const isLink = lstatSync(absolute).isSymbolicLink();
      const stats = isLink ? statSync(absolute, { throwIfNoEntry: false }) : undefined;
      const isDirectory = isLink ? false : entry.isDirectory();
      if (ignored(path, isDirectory)) continue;
      if (isDirectory) walk(path);
      else if (isLink ? stats?.isFile() : entry.isFile()) files.push({ name: path, data: readFileSync(absolute) });
    }
  };
  walk('');
  return files;
}

const json = (files, name) => {
  const file = files.find((candidate) => candidate.name === name);
  if (!file) return { missing: true };
  try {
    return { value: JSON.parse(file.data.toString('utf8')) };
  } catch {
    return { invalid: true };
  }
};

/**
 * What the Functions host and functions/main.cjs need to start from the package; each problem is
 * one sentence an operator can act on. An empty list: the package can start.
 */
export function hostProblems(files) {
  const names = new Set(files.map((file) => file.name));
  const problems = [];
  const host = json(files, 'host.json');
  if (host.missing) problems.push('host.json is missing: the Functions host does not start without it');
  else if (host.invalid || host.value?.version !== '2.0') problems.push('host.json is not JSON with "version": "2.0"');

  const manifest = json(files, 'package.json');
  if (manifest.missing) return [...problems, 'package.json is missing: the Node worker finds the functions through its "main"'];
  const main = typeof manifest.value?.main === 'string' ? posix.normalize(manifest.value.main.replace(/^\.\//, '')) : undefined;
  if (!main) return [...problems, 'package.json has no "main": the Node worker would find no functions'];
  if (!names.has(main)) return [...problems, `package.json "main" is ${main}, which is not in the package (run npm run build first)`];

  // main.js loads the bundle through the V8 code cache that code-cache.json lists (scripts/bundle.mjs).
  const folder = posix.dirname(main);
  const listPath = posix.join(folder, 'code-cache.json');
  const list = json(files, listPath);
  if (list.missing) return [...problems, `${listPath} is missing: ${main} finds the bundle and its code cache through it`];
  if (list.invalid || typeof list.value?.bundle !== 'string') return [...problems, `${listPath} does not name the bundle`];
  const bundle = posix.join(folder, list.value.bundle);
  if (!names.has(bundle)) problems.push(`the bundle ${bundle} is missing`);
  const caches = Object.values(list.value.caches ?? {}).filter((name) => typeof name === 'string');
  if (caches.length === 0) problems.push(`${listPath} lists no code cache: every cold start would compile the bundle`);
  for (const cache of caches) if (!names.has(posix.join(folder, cache))) problems.push(`the code cache ${posix.join(folder, cache)} is missing`);
  return problems;
}

/** A few lines saying what the package holds: top folders with their file counts and sizes. */
export function describePackage(files) {
  const groups = new Map();
  for (const { name, data } of files) {
    const parts = name.split('/');
    const key = parts[0] === 'node_modules' ? 'node_modules/' : parts.length > 1 ? `${parts.slice(0, Math.min(3, parts.length - 1)).join('/')}/` : name;
    const group = groups.get(key) ?? { files: 0, bytes: 0 };
    group.files += 1;
    group.bytes += data.length;
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, { files: count, bytes }]) => `  ${key}  ${count} file${count === 1 ? '' : 's'}, ${(bytes / 1024).toFixed(1)} KiB`);
}
