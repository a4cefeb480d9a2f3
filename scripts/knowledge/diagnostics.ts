import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

// Every complaint of the compiler names a file and a line, so a reviewer who edits a YAML or
// markdown file can go straight to the place.

export interface Diagnostic {
  file: string;
  line: number;
  message: string;
}

export class Diagnostics {
  readonly items: Diagnostic[] = [];

  add(file: string, line: number, message: string): void {
    this.items.push({ file, line, message });
  }

  get count(): number {
    return this.items.length;
  }
}

export const formatDiagnostic = (d: Diagnostic): string => `${d.file}:${d.line}: ${d.message}`;

/** A parsed YAML file that can say on which line any path inside it starts. */
export class YamlFile {
  private readonly lines = new LineCounter();
  readonly document: Document;

  constructor(
    readonly file: string,
    source: string,
  ) {
    this.document = parseDocument(source, { lineCounter: this.lines, uniqueKeys: true });
  }

  get value(): unknown {
    const value: unknown = this.document.toJS();
    return value;
  }

  /** The line of the deepest node along `path` that exists (the file's first line at worst). */
  lineOf(path: readonly (string | number)[]): number {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.document.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return this.lines.linePos(node.range[0]).line;
      // A key whose value is null has no node: point at the key of the enclosing map.
    }
    return 1;
  }

  reportSyntax(diagnostics: Diagnostics): boolean {
    for (const error of [...this.document.errors, ...this.document.warnings]) {
      diagnostics.add(this.file, error.linePos?.[0].line ?? 1, `YAML: ${error.message.split('\n')[0]}`);
    }
    return this.document.errors.length === 0;
  }

  /** Parses the file's value with a zod schema, reporting each issue at its line. */
  parse<T>(schema: z.ZodType<T>, diagnostics: Diagnostics): T | undefined {
    if (!this.reportSyntax(diagnostics)) return undefined;
    const result = schema.safeParse(this.value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
      const where = path.length ? ` at ${path.join('.')}` : '';
      const line = keys.length ? this.lineOf([...path, keys[0]]) : this.lineOf(path);
      const message = keys.length ? `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}${where}` : `${issue.message}${where}`;
      diagnostics.add(this.file, line, message);
    }
    return undefined;
  }
}
