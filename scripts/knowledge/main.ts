import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compileKnowledge } from './compile';
import { formatDiagnostic } from './diagnostics';
import { emitModelModule } from './emit';
import { modelReport, verdictTable } from './report';

// npm run knowledge          compile the model into knowledge/generated/model.ts
// npm run knowledge:check    compile, print the reviewer's report, exit 1 on any inconsistency
// npm run knowledge:verdicts print the verdict of every complete fact combination [topic]

export function main(argv: readonly string[], root: string): number {
  const [command = 'compile', topic] = argv;
  if (!['compile', 'check', 'verdicts'].includes(command)) {
    process.stderr.write(`Unknown command "${command}". Use compile, check or verdicts.\n`);
    return 2;
  }
  const { model, diagnostics, places } = compileKnowledge(root);
  if (!model) {
    for (const item of diagnostics.items) process.stderr.write(`${formatDiagnostic(item)}\n`);
    process.stderr.write(`knowledge: ${diagnostics.count} problem${diagnostics.count === 1 ? '' : 's'}; nothing was generated.\n`);
    return 1;
  }
  if (command === 'verdicts') {
    process.stdout.write(`${verdictTable(model, topic)}\n`);
    return 0;
  }
  const out = join(root, 'knowledge', 'generated', 'model.ts');
  const source = emitModelModule(model);
  if (!existsSync(out) || readFileSync(out, 'utf8') !== source) {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, source);
  }
  if (command === 'check') process.stdout.write(`${modelReport(model, places)}\nknowledge: consistent.\n`);
  else
    process.stdout.write(
      `knowledge: compiled ${Object.keys(model.topics).length} topics and ${Object.keys(model.sections).length} sections, version ${model.version}\n`,
    );
  return 0;
}
