// @ts-check
/**
 * Layer rules, checked by `npm run lint` (`npm run layers`: `depcruise apps libs --config .dependency-cruiser.cjs`).
 * Each rule is named for what it protects; any violation fails lint. test/fixtures/layers/ shows every rule failing
 * (test/config/layers.spec.ts).
 */
/** npm packages and Node built-ins: the rules below are about the monorepo's own folders. */
const external = { dependencyTypesNot: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg'] };

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-stays-framework-free',
      comment:
        'The domain, the kernel and the event store are plain TypeScript: they run in the CLI, the API and an ' +
        'offline verifier alike, so they must not import NestJS or Express (the HTTP shell lives in apps/).',
      severity: 'error',
      from: { path: '^libs/(domain-[^/]+|kernel|event-store[^/]*)/' },
      to: { path: '(^|node_modules/)(@nestjs/|@types/express/|express/|express$)' },
    },
    {
      name: 'domain-imports-only-kernel-own-code-and-published-facts',
      comment:
        'A bounded context depends only on its own code, the shared kernel and the facts other contexts publish ' +
        '(libs/domain-Y/src/facts.ts or src/facts/), so its internals can change without breaking another ' +
        'context. Not the event store, the service store or other libraries: the apps wire those in. Specs may ' +
        'also use the testing library.',
      severity: 'error',
      from: { path: '^libs/(domain-[^/]+)/' },
      to: {
        ...external,
        pathNot: [
          '^libs/$1/',
          '^libs/kernel/',
          '^libs/domain-[^/]+/src/facts(\\.ts$|/)',
          // the testing library, from specs only (production-never-imports-testing-library guards the rest)
          '^libs/testing/',
        ],
      },
    },
    {
      name: 'kernel-imports-nothing-of-ours',
      comment:
        'The shared kernel is what every context stands on: it depends on no library or app of this repository, ' +
        'so any context can use it without pulling in another.',
      severity: 'error',
      from: { path: '^libs/kernel/' },
      to: { ...external, pathNot: '^libs/kernel/' },
    },
    {
      name: 'production-never-imports-testing-library',
      comment: 'Test helpers (libs/testing) are for specs; shipped code must not load them.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['\\.spec\\.ts$', '^libs/testing/'] },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'libraries-never-import-apps',
      comment:
        'Libraries are reused by the API, the CLI and the coming web app; an app depends on them, never back.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'libraries-never-import-test-or-docs',
      comment:
        'A library (specs included) builds and tests on its own: what it needs from test/ belongs in libs/testing ' +
        'and what it reads from docs/ (a JSON schema, say) belongs in the library that owns it.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^(test|docs)/' },
    },
    {
      name: 'production-never-imports-test',
      comment: 'Shipped application code must not depend on test helpers or fixtures (specs may).',
      severity: 'error',
      from: { path: '^apps/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^test/' },
    },
    {
      name: 'apps-never-import-another-app',
      comment:
        'Each app is a shell over the libraries: the pages read through @bcl/application, never through the ' +
        "API's code (nor over HTTP), and the API and CLI never reach into the pages. Only apps/server, the " +
        'composition root `npm start` runs, wires apps together.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/server/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-circular',
      comment:
        'Libraries form a layered graph: a cycle between two libraries means neither can be understood, built or ' +
        'tested without the other.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { circular: true, pathNot: '^libs/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    moduleSystems: ['cjs', 'es6'],
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
