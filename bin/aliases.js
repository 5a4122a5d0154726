'use strict';
// The monorepo's path aliases (`@bcl/<library>`, `@bcl/<library>/<subpath>`) have one source: `compilerOptions.paths`
// in tsconfig.json. Jest (jest.config.js) and the runtime (bin/register-aliases.js, which maps them to the compiled
// files under dist/) derive theirs from it here, so a new library is declared once, in tsconfig.json.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');

/**
 * The aliases of a tsconfig file, most specific first (exact names, then wildcards by longest prefix, as
 * TypeScript matches them): `{ alias, prefix, wildcard, target }`, target relative to the repository root.
 */
function readAliases(tsconfigFile = path.join(ROOT, 'tsconfig.json')) {
  const paths = JSON.parse(readFileSync(tsconfigFile, 'utf8')).compilerOptions?.paths ?? {};
  return Object.entries(paths)
    .map(([alias, targets]) => {
      if (!Array.isArray(targets) || targets.length !== 1)
        throw new Error(`${tsconfigFile}: paths '${alias}' must name exactly one folder`);
      const wildcard = alias.endsWith('/*');
      if (wildcard !== targets[0].endsWith('/*'))
        throw new Error(`${tsconfigFile}: paths '${alias}' and its folder must both end in /* or neither`);
      const strip = (text) => (wildcard ? text.slice(0, -1) : text);
      return { alias, prefix: strip(alias), wildcard, target: strip(targets[0]).replace(/^\.\//, '') };
    })
    .sort((a, b) => Number(a.wildcard) - Number(b.wildcard) || b.prefix.length - a.prefix.length);
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Jest's moduleNameMapper: `^@bcl/x$` → `<rootDir>/libs/x/src`, `^@bcl/x/(.*)$` → `<rootDir>/libs/x/src/$1`. */
function jestModuleNameMapper(aliases = readAliases()) {
  return Object.fromEntries(
    aliases.map(({ prefix, wildcard, target }) =>
      wildcard
        ? [`^${escapeRegExp(prefix)}(.*)$`, `<rootDir>/${target}$1`]
        : [`^${escapeRegExp(prefix)}$`, `<rootDir>/${target}`],
    ),
  );
}

/** The file a request resolves to under `base` (dist/ at runtime), or undefined when no alias matches. */
function resolveAlias(request, base, aliases = readAliases()) {
  for (const { prefix, wildcard, target } of aliases) {
    if (wildcard ? request.startsWith(prefix) : request === prefix)
      return path.join(base, target + (wildcard ? request.slice(prefix.length) : ''));
  }
  return undefined;
}

module.exports = { ROOT, readAliases, jestModuleNameMapper, resolveAlias };
