const { jestModuleNameMapper } = require('./bin/aliases');

/** Jest runs TypeScript through ts-jest (type-checking is `npm run lint`'s job). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  // test/fixtures/layers holds a tiny tree for the layer rules, specs included: its files are data, not tests.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/fixtures/'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  // From tsconfig.json `paths` (bin/aliases.js): a new library or subpath alias needs no entry here.
  moduleNameMapper: jestModuleNameMapper(),
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  verbose: true,
  reporters: ['default', '<rootDir>/test/support/skipped-suites-reporter.js'],
};
