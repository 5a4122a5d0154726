'use strict';
/**
 * Preloaded with `node --require` (see test/cli/bcl-offline-verify.spec.ts): when the process exits, writes the
 * path of every module it loaded (the keys of require.cache) to the file $BCL_LOADED_MODULES names, one a line.
 */
const { writeFileSync } = require('node:fs');

const target = process.env.BCL_LOADED_MODULES;
if (target) process.on('exit', () => writeFileSync(target, Object.keys(require.cache).join('\n') + '\n'));
