import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'layers');

interface Cruise {
  summary: { violations: { rule: { name: string }; from: string; to: string }[] };
}

/** Runs the repository's dependency-cruiser rules over the tiny tree in test/fixtures/layers. */
function violations(): string[] {
  let output: string;
  try {
    output = execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'),
        'libs',
        'apps',
        '--config',
        join(ROOT, '.dependency-cruiser.cjs'),
        '--output-type',
        'json',
      ],
      { cwd: FIXTURE, encoding: 'utf8' },
    );
  } catch (error) {
    output = (error as { stdout: string }).stdout; // exit code 1 when rules are broken: the report is still JSON
  }
  const cruise = JSON.parse(output) as Cruise;
  return cruise.summary.violations
    .map(
      ({ rule, from, to }) => `${rule.name}: ${from} → ${to.replace(/^.*node_modules\//, 'node_modules/')}`,
    )
    .sort();
}

describe('layer rules (.dependency-cruiser.cjs, run by npm run lint)', () => {
  it('reports each broken rule in the fixture tree, and nothing it allows', () => {
    expect(violations()).toEqual(
      [
        'domain-stays-framework-free: libs/domain-a/src/index.ts → node_modules/@nestjs/common/index.js',
        'domain-imports-only-kernel-own-code-and-published-facts: libs/domain-a/src/index.ts → libs/domain-b/src/internal.ts',
        'kernel-imports-nothing-of-ours: libs/kernel/src/index.ts → libs/other/src/index.ts',
        'production-never-imports-testing-library: libs/other/src/index.ts → libs/testing/src/index.ts',
        'libraries-never-import-apps: libs/other/src/index.ts → apps/app/src/main.ts',
        'libraries-never-import-test-or-docs: libs/other/src/index.ts → test/support/support.ts',
        'libraries-never-import-test-or-docs: libs/other/src/index.ts → docs/schema.json',
        'production-never-imports-test: apps/app/src/main.ts → test/support/support.ts',
        'apps-never-import-another-app: apps/app/src/main.ts → apps/other-app/src/index.ts',
        'no-circular: libs/cycle-x/src/index.ts → libs/cycle-y/src/index.ts',
      ].sort(),
    );
  });
});
