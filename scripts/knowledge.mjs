#!/usr/bin/env node
// Runs the knowledge compiler (scripts/knowledge/*.ts), which shares the decision engine with the core.
import { loadTypeScript, root } from './run-typescript.mjs';

const { main } = await loadTypeScript('scripts/knowledge/main.ts', 'knowledge-compiler');
process.exitCode = main(process.argv.slice(2), root);
