// End-to-end tests through a real chat client (the Microsoft 365 Agents Playground in Chromium).
// Run them with `npm run test:e2e` (scripts/e2e.mjs): it starts the servers these tests talk to.
// `npm test` does not run them (jest.config.js ignores test/e2e/).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  maxWorkers: 1,
  testTimeout: 60000,
  slowTestThreshold: 60,
  verbose: true,
};
