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
// file-type (media/file-safety.ts) and its dependencies are ES modules only, which Node loads with
// `require` by file-type's `module-sync` export; Jest's module system needs them turned into
// CommonJS, and file-type's entry named (Jest's resolver does not know that condition).
const ESM_PACKAGES = [
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer/inflate',
  '@borewit/text-codec',
];
const transformIgnorePatterns = [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`];

// Tests beside the code import the shared helpers as `@test-helpers/…` (tests/tsconfig.json has the same path).
const moduleNameMapper = {
  '^@test-helpers/(.*)$': '<rootDir>/tests/helpers/$1',
  '^file-type$': '<rootDir>/node_modules/file-type/index.js',
};

module.exports = {
  rootDir,
  projects: [
    {
      displayName: 'unit',
      rootDir,
      roots,
      transform,
      transformIgnorePatterns,
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
      transformIgnorePatterns,
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
      transformIgnorePatterns,
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
