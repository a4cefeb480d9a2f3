import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

// The README is short and points into docs/: a moved or renamed section must not leave a newcomer
// at a dead link. Every relative link of the README and docs/*.md names a file that exists and,
// with a #fragment into a markdown file, a heading that file has (GitHub's anchor rules).
const root = join(__dirname, '..', '..');
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

function anchors(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchor(m[1])));
}

describe('links in the README and docs/', () => {
  it.each(pages)('%s links only to files and headings that exist', (page) => {
    const file = join(root, page);
    const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
    const dead: string[] = [];
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue;
      const [path, fragment] = target.split('#');
      const resolved = path ? join(dirname(file), path) : file;
      if (!existsSync(resolved)) dead.push(`${target}: no ${relative(root, resolved)}`);
      else if (fragment && resolved.endsWith('.md') && !anchors(resolved).has(fragment)) dead.push(`${target}: no such heading`);
    }
    expect(dead).toEqual([]);
  });
});
