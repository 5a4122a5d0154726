/** Jest runs TypeScript through ts-jest (type-checking is `npm run lint`'s job). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  moduleNameMapper: {
    '^@bcl/event-store$': '<rootDir>/libs/event-store/src',
    '^@bcl/event-store/(.*)$': '<rootDir>/libs/event-store/src/$1',
    '^@bcl/(domain-registry|domain-plans|domain-governance|domain-fund)/facts$':
      '<rootDir>/libs/$1/src/facts',
    '^@bcl/(kernel|domain-registry|domain-plans|domain-governance|domain-fund|fund-reports|plan-import|read-models|service-store|identity|bench-kit)$':
      '<rootDir>/libs/$1/src',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  verbose: true,
  reporters: ['default', '<rootDir>/test/support/skipped-suites-reporter.js'],
};
