import { ReturnTemplate } from '@bcl/domain-returns';

/** Where template reference files are read from: `LEDGER_RETURN_TEMPLATE_DIR`, else the repository's own. */
export function returnTemplateDirectory(): string {
  throw new Error('not implemented yet (template helper)');
}

/** The template version's reference file (`<dir>/<version>.json`), checked; one line saying why when it cannot. */
export function readReturnTemplate(version: string, dir: string = returnTemplateDirectory()): ReturnTemplate {
  void version;
  void dir;
  throw new Error('not implemented yet (template helper)');
}
