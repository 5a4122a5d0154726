// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Layer rules (checked in CI by `npm run lint`): the domain and the event store stay framework-free, and
 * no library depends on an application. */
const frameworkFree = {
  patterns: [
    {
      group: ['@nestjs/*'],
      message: 'libraries under libs/event-store and libs/domain* must not import NestJS',
    },
    { group: ['**/apps/**', '@bcl/app-*'], message: 'libraries must not import applications' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.bench/**', 'data/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': 'error',
    },
  },
  {
    files: ['libs/event-store*/**/*.ts', 'libs/domain*/**/*.ts', 'libs/kernel/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', frameworkFree] },
  },
  {
    files: ['libs/**/*.ts'],
    ignores: ['libs/event-store*/**', 'libs/domain*/**', 'libs/kernel/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [frameworkFree.patterns[1]] }],
    },
  },
  {
    files: ['bin/**/*.js', 'jest.config.js', 'test/support/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
