import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkWorkspace } = require('../../bin/check-workspace') as {
  checkWorkspace: (root: string) => string[];
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const aliases = require('../../bin/aliases') as {
  ROOT: string;
  readAliases: (file?: string) => unknown[];
  jestModuleNameMapper: (list?: unknown[]) => Record<string, string>;
  resolveAlias: (request: string, base: string, list?: unknown[]) => string | undefined;
};

const library = (name: string) => ({
  type: 'library',
  root: `libs/${name}`,
  entryFile: 'index',
  sourceRoot: `libs/${name}/src`,
});

/** A fake workspace: folders under apps/ and libs/, and the nest-cli.json and tsconfig.json given. */
function workspace(
  folders: string[],
  projects: Record<string, object>,
  paths: Record<string, string[]>,
): string {
  const root = mkdtempSync(join(tmpdir(), 'bcl-workspace-'));
  for (const folder of folders) mkdirSync(join(root, folder), { recursive: true });
  writeFileSync(join(root, 'nest-cli.json'), JSON.stringify({ projects }));
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { paths } }));
  return root;
}

describe('bin/check-workspace.js (run by npm run lint)', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));
  const fake = (...args: Parameters<typeof workspace>) => {
    const root = workspace(...args);
    roots.push(root);
    return root;
  };

  it('finds this repository true to its tree', () => {
    expect(checkWorkspace(aliases.ROOT)).toEqual([]);
  });

  it('counts a subpath alias as declaring its library path, and still asks for its nest-cli project', () => {
    const root = fake(
      ['apps/api/src', 'libs/kernel/src', 'libs/domain-registry/src/facts'],
      {
        api: { type: 'application', root: 'apps/api', sourceRoot: 'apps/api/src' },
        ...{ kernel: library('kernel') },
      },
      {
        '@bcl/kernel': ['libs/kernel/src'],
        '@bcl/domain-registry/facts': ['libs/domain-registry/src/facts'],
      },
    );
    expect(checkWorkspace(root)).toEqual(['libs/domain-registry: missing from nest-cli.json projects']);
  });

  it('names each folder missing from nest-cli.json or the paths, and each entry naming no folder', () => {
    const root = fake(
      ['apps/api/src', 'libs/kernel/src', 'libs/testing/src'],
      {
        kernel: library('kernel'),
        gone: library('gone'),
        api: { ...library('x'), root: 'apps/api', sourceRoot: 'apps/api/src' },
      },
      { '@bcl/kernel': ['libs/kernel/src'], '@bcl/old': ['libs/old/src'] },
    );
    expect(checkWorkspace(root)).toEqual([
      "nest-cli.json: project 'api' (apps/api) should have type 'application'",
      'libs/testing: missing from nest-cli.json projects',
      'libs/testing: missing from tsconfig.json compilerOptions.paths',
      "nest-cli.json: project 'gone' root 'libs/gone' does not exist",
      "nest-cli.json: project 'gone' sourceRoot 'libs/gone/src' does not exist",
      "tsconfig.json: paths '@bcl/old' names 'libs/old/src', which does not exist",
    ]);
    const run = spawnSync(process.execPath, [join(aliases.ROOT, 'bin', 'check-workspace.js'), root], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('check-workspace: libs/testing: missing from nest-cli.json projects\n');
  });
});

describe('bin/aliases.js: the aliases of tsconfig.json for Jest and the runtime', () => {
  const paths = {
    '@bcl/kernel': ['libs/kernel/src'],
    '@bcl/event-store': ['libs/event-store/src'],
    '@bcl/event-store/*': ['libs/event-store/src/*'],
    '@bcl/event-store-sqlite': ['libs/event-store-sqlite/src'],
    '@bcl/domain-registry': ['libs/domain-registry/src'],
    '@bcl/domain-registry/facts': ['libs/domain-registry/src/facts'],
  };
  let list: unknown[];
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'bcl-aliases-'));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { paths } }));
    list = aliases.readAliases(join(dir, 'tsconfig.json'));
    rmSync(dir, { recursive: true });
  });

  it('gives Jest one mapping per alias, exact names before wildcards', () => {
    const mapper = aliases.jestModuleNameMapper(list);
    expect(Object.entries(mapper).at(-1)).toEqual([
      '^@bcl/event-store/(.*)$',
      '<rootDir>/libs/event-store/src/$1',
    ]);
    expect(mapper['^@bcl/domain-registry/facts$']).toBe('<rootDir>/libs/domain-registry/src/facts');
    expect(mapper['^@bcl/event-store-sqlite$']).toBe('<rootDir>/libs/event-store-sqlite/src');
    expect(Object.keys(mapper)).toHaveLength(6);
  });

  it('maps each alias to its dist/ equivalent at runtime, and leaves other requests alone', () => {
    const at = (request: string) => aliases.resolveAlias(request, '/dist', list);
    expect(at('@bcl/kernel')).toBe(join('/dist', 'libs/kernel/src'));
    expect(at('@bcl/domain-registry/facts')).toBe(join('/dist', 'libs/domain-registry/src/facts'));
    expect(at('@bcl/event-store-sqlite')).toBe(join('/dist', 'libs/event-store-sqlite/src'));
    expect(at('@bcl/event-store/adapters/in-memory')).toBe(
      join('/dist', 'libs/event-store/src/adapters/in-memory'),
    );
    expect(at('@bcl/domain-registry/internal')).toBeUndefined();
    expect(at('@nestjs/common')).toBeUndefined();
  });
});
