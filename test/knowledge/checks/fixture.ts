import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GuideSection } from '../../../core/guide';
import { compileKnowledge } from '../../../scripts/knowledge/compile';
import { formatDiagnostic } from '../../../scripts/knowledge/diagnostics';
import type { SectionPlace } from '../../../scripts/knowledge/checks/section-place';

// A copy of the real knowledge folder that a test may break, and the compiler's complaints about it.

const repo = join(__dirname, '..', '..', '..');

export class KnowledgeCopy {
  readonly root = mkdtempSync(join(tmpdir(), 'knowledge-check-'));

  constructor() {
    cpSync(join(repo, 'knowledge'), join(this.root, 'knowledge'), { recursive: true, filter: (source) => !source.includes('generated') });
    cpSync(join(repo, 'reading', 'data'), join(this.root, 'reading', 'data'), { recursive: true });
  }

  edit(path: string, from: string | RegExp, to: string): void {
    const file = join(this.root, 'knowledge', path);
    const text = readFileSync(file, 'utf8');
    const changed = text.replace(from, to);
    if (changed === text) throw new Error(`the fixture edit found nothing to change in ${path}`);
    writeFileSync(file, changed);
  }

  lineOf(path: string, needle: string): number {
    return (
      readFileSync(join(this.root, 'knowledge', path), 'utf8')
        .split('\n')
        .findIndex((line) => line.includes(needle)) + 1
    );
  }

  problems(): string[] {
    return compileKnowledge(this.root).diagnostics.items.map(formatDiagnostic);
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A section as the checks see it, with only what they read filled in. */
export function placed(id: string, answer: string, options: { body?: string; sourceIds?: string[] } = {}): SectionPlace {
  const section: GuideSection = {
    id,
    document: 'test',
    title: `About ${id}?`,
    body: options.body ?? answer,
    answer,
    sourceIds: options.sourceIds ?? ['001'],
    source: '',
  };
  return { section, file: 'knowledge/guide/test.md', line: 7 };
}
