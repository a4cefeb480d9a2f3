#!/usr/bin/env node
// Runs the free-question evaluation (reading/eval/*.ts) against the compiled knowledge.
import { loadTypeScript, root } from './run-typescript.mjs';

const { main } = await loadTypeScript('reading/eval/main.ts', 'eval-questions');
process.exitCode = main(root);
