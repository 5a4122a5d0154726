'use strict';
// Resolves the monorepo's path aliases (tsconfig.json `paths`, read through bin/aliases.js) to the compiled files in
// dist/, as tsconfig paths do at build time. Loaded by bin/bcl.js and by the test workers.
const Module = require('node:module');
const path = require('node:path');
const { ROOT, readAliases, resolveAlias } = require('./aliases');

const dist = path.join(ROOT, 'dist');
const aliases = readAliases();
const prefixes = [...new Set(aliases.map(({ prefix }) => prefix.split('/')[0]))];
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (prefixes.some((prefix) => request.startsWith(prefix)))
    request = resolveAlias(request, dist, aliases) ?? request;
  return resolveFilename.call(this, request, ...rest);
};
