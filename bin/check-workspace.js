#!/usr/bin/env node
'use strict';
// Checks that nest-cli.json and tsconfig.json `paths` are true to the tree: every folder under apps/ is a Nest
// application and every folder under libs/ a Nest library with a tsconfig alias, and every entry names a folder
// that exists. Run by `npm run lint`; `node bin/check-workspace.js [root]` prints one line per problem, exits 1.
const { existsSync, readFileSync, readdirSync } = require('node:fs');
const path = require('node:path');

const folders = (root, parent) =>
  existsSync(path.join(root, parent))
    ? readdirSync(path.join(root, parent), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => `${parent}/${entry.name}`)
    : [];

/** An alias target exists as a folder, a .ts file or a .json file (`libs/x/src/facts` may be facts.ts or facts/). */
const targetExists = (root, target) =>
  ['', '.ts', '.json'].some((suffix) => existsSync(path.join(root, target + suffix)));

/** The problems of the workspace at `root`, one sentence each; empty when it is true to the tree. */
function checkWorkspace(root) {
  const problems = [];
  const nest = JSON.parse(readFileSync(path.join(root, 'nest-cli.json'), 'utf8')).projects ?? {};
  const paths =
    JSON.parse(readFileSync(path.join(root, 'tsconfig.json'), 'utf8')).compilerOptions?.paths ?? {};
  const projects = Object.entries(nest).map(([name, project]) => ({ name, ...project }));
  const aliasTargets = Object.entries(paths).map(([alias, [target = '']]) => ({
    alias,
    target: target.replace(/^\.\//, '').replace(/\/\*$/, ''),
  }));

  for (const [parent, type] of [
    ['apps', 'application'],
    ['libs', 'library'],
  ]) {
    for (const folder of folders(root, parent)) {
      const project = projects.find((candidate) => candidate.root === folder);
      if (!project) problems.push(`${folder}: missing from nest-cli.json projects`);
      else if (project.type !== type)
        problems.push(`nest-cli.json: project '${project.name}' (${folder}) should have type '${type}'`);
      if (parent === 'libs' && !aliasTargets.some(({ target }) => target.startsWith(`${folder}/`)))
        problems.push(`${folder}: missing from tsconfig.json compilerOptions.paths`);
    }
  }
  for (const { name, root: projectRoot, sourceRoot } of projects) {
    for (const [field, folder] of Object.entries({ root: projectRoot, sourceRoot }))
      if (!folder || !existsSync(path.join(root, folder)))
        problems.push(`nest-cli.json: project '${name}' ${field} '${folder}' does not exist`);
  }
  for (const { alias, target } of aliasTargets)
    if (!targetExists(root, target))
      problems.push(`tsconfig.json: paths '${alias}' names '${target}', which does not exist`);
  return problems;
}

module.exports = { checkWorkspace };

if (require.main === module) {
  const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
  const problems = checkWorkspace(root);
  for (const problem of problems) process.stderr.write(`check-workspace: ${problem}\n`);
  process.exit(problems.length ? 1 : 0);
}
