'use strict';
// Resolves the monorepo's `@bcl/<library>` imports to the compiled libraries in dist/, as tsconfig paths do at
// build time. Loaded by bin/bcl.js and by the test workers.
const Module = require('node:module');
const path = require('node:path');

const dist = path.join(__dirname, '..', 'dist');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const match = /^@bcl\/([a-z-]+)(\/.*)?$/.exec(request);
  if (match) request = path.join(dist, 'libs', match[1], 'src', match[2] ?? '');
  return resolveFilename.call(this, request, ...rest);
};
