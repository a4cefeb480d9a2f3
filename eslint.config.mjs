// ESLint flat config: typescript-eslint's type-checked recommended rules on every TypeScript
// file the type checker sees, ESLint's recommended rules on our plain JavaScript. Formatting is
// Prettier's job (npm run format:check), so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Leaving a key out by destructuring (`const { secret: _secret, ...rest } = value`) names the key
// only to drop it; that is what ignoreRestSiblings is for.
const unusedVars = ['error', { ignoreRestSiblings: true }];

export default tseslint.config(
  // Whatever a documented command writes into the tree (build, benchmark, Playground, test
  // artifacts) is ignored here as by git and Prettier, so `npm test` after `npm run bench` still lints.
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', 'knowledge/generated/', 'test-results/', 'bench/echo/node_modules/', 'bench/.out/', 'devTools/', '.data/'],
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-unused-vars': unusedVars },
  },
  {
    // Jest's asymmetric matchers (expect.any(String), expect.stringContaining(...)) are typed as
    // returning `any`, so every expected object that uses one is an "unsafe assignment". In tests,
    // a value parsed from JSON is still caught when it is used (no-unsafe-member-access, -argument,
    // -return, -call stay on).
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ignores: ['web/webchat-app.js'],
    extends: [js.configs.recommended],
    rules: { 'no-unused-vars': unusedVars },
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        Headers: 'readonly',
        TextEncoder: 'readonly',
        URLSearchParams: 'readonly',
      },
    },
  },
  {
    files: ['**/*.cjs', 'jest.config.js', 'jest.e2e.config.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', __filename: 'readonly', exports: 'writable' },
    },
  },
  // The Web Chat page's own script runs in the browser, as a classic script (not a module), and
  // sees only the browser's globals (its types are checked by tsc -p tsconfig.web.json).
  {
    files: ['web/webchat-app.js'],
    extends: [js.configs.recommended],
    languageOptions: {
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', HTMLElement: 'readonly' },
    },
  },
);
