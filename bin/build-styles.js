#!/usr/bin/env node
'use strict';
// Compiles the pages' stylesheet (apps/web/src/styles/application.scss: the GOV.UK Design System, unbranded,
// with the MOJ timeline) to dist/apps/web/assets/application.css. Run by `npm run build`, after tsc.
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const sass = require('sass');

const root = path.join(__dirname, '..');
const out = path.join(root, 'dist', 'apps', 'web', 'assets', 'application.css');
const { css } = sass.compile(path.join(root, 'apps', 'web', 'src', 'styles', 'application.scss'), {
  loadPaths: [root, path.join(root, 'node_modules', '@ministryofjustice', 'frontend')],
  quietDeps: true,
  logger: sass.Logger.silent,
  style: 'compressed',
});
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, css);
