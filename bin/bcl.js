#!/usr/bin/env node
'use strict';
const { existsSync } = require('node:fs');
const path = require('node:path');

const main = path.join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
if (!existsSync(main)) {
  process.stderr.write(
    'bcl: not built yet: run `npm ci` (or `npm run build`) in ' + path.dirname(__dirname) + '\n',
  );
  process.exit(2);
}
require('./register-aliases');
void require(main).run(process.argv);
