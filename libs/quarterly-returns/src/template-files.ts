import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseReturnTemplate, ReturnTemplate, TEMPLATE_VERSION_PATTERN } from '@bcl/domain-returns';

/** The repository's own template reference files, relative to the repository root. */
const REPOSITORY_TEMPLATES = join('libs', 'domain-returns', 'reference');

/**
 * Where template reference files are read from: the configured directory (the apps' LEDGER_RETURN_TEMPLATE_DIR),
 * else the repository's own
 * libs/domain-returns/reference, found by walking up from this file (so it works from the source under ts-jest
 * and from dist/ alike, as libs/plan-import finds the planning cycles).
 */
export function returnTemplateDirectory(configured?: string): string {
  return configured || repositoryTemplateDirectory(__dirname);
}

/** The nearest libs/domain-returns/reference at or above `start`; throws, saying what to set, when none is. */
export function repositoryTemplateDirectory(start: string): string {
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, REPOSITORY_TEMPLATES);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`cannot find ${REPOSITORY_TEMPLATES} above ${start}: set LEDGER_RETURN_TEMPLATE_DIR`);
}

/** The template version's reference file (`<dir>/<version>.json`), checked; one line saying why when it cannot. */
export function readReturnTemplate(version: string, dir: string = returnTemplateDirectory()): ReturnTemplate {
  if (!TEMPLATE_VERSION_PATTERN.test(version))
    throw new Error(`"${version}" is not a template version: lowercase letters, digits and hyphens only`);
  const file = join(dir, `${version}.json`);
  if (!existsSync(file)) throw new Error(`no template version ${version}: ${file} does not exist`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`);
  }
  const template = parseReturnTemplate(json, file);
  if (template.templateVersion !== version)
    throw new Error(`${file}: holds template version ${template.templateVersion}, not ${version}`);
  return template;
}
