// Three layers, selected by file suffix, wherever the test lives (beside the code or in tests/):
//   *.test.ts      unit: no Strapi, no database
//   *.int.test.ts  integration: boots the real Strapi on a fresh database, talks HTTP
//   *.e2e.test.ts  browser: starts the built application, drives the admin in Debian's Chromium
const path = require('path');

const rootDir = path.join(__dirname, '..');
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2021' } }] };
const roots = [
  '<rootDir>/tests',
  '<rootDir>/src/plugins/governance/server/src',
  '<rootDir>/database',
];
const testPathIgnorePatterns = ['/node_modules/', '/dist/', '/.tmp/'];
// Tests beside the code import the shared helpers as `@test-helpers/…` (tests/tsconfig.json has the same path).
const moduleNameMapper = { '^@test-helpers/(.*)$': '<rootDir>/tests/helpers/$1' };

module.exports = {
  rootDir,
  projects: [
    {
      displayName: 'unit',
      rootDir,
      roots,
      transform,
      moduleNameMapper,
      testMatch: ['**/*.test.ts'],
      // Keep the two Strapi layers out of the unit project.
      modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/.tmp'],
      testPathIgnorePatterns: [
        ...testPathIgnorePatterns,
        '\\.int\\.test\\.ts$',
        '\\.e2e\\.test\\.ts$',
      ],
    },
    {
      displayName: 'integration',
      rootDir,
      roots,
      transform,
      moduleNameMapper,
      testMatch: ['**/*.int.test.ts'],
      testPathIgnorePatterns,
      modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/.tmp'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.js',
      globalTeardown: '<rootDir>/tests/helpers/test-run-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/integration-timeout.js'],
    },
    {
      displayName: 'e2e',
      rootDir,
      roots,
      transform,
      moduleNameMapper,
      testMatch: ['**/*.e2e.test.ts'],
      testPathIgnorePatterns,
      modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/.tmp'],
      globalSetup: '<rootDir>/tests/helpers/test-run.js',
      globalTeardown: '<rootDir>/tests/helpers/test-run-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/e2e-timeout.js'],
    },
  ],
};
