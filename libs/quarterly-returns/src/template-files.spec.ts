import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readReturnTemplate, repositoryTemplateDirectory, returnTemplateDirectory } from './template-files';

const REFERENCE = resolve(__dirname, '../../domain-returns/reference');
const ROOT = resolve(__dirname, '../../..');
const MADE_UP = resolve(__dirname, '../../domain-returns/src/template/fixtures/bcf-quarterly-2099-00.json');

describe('returnTemplateDirectory', () => {
  let scratch: string;
  beforeEach(() => (scratch = mkdtempSync(join(tmpdir(), 'bcl-templates-'))));
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('is LEDGER_RETURN_TEMPLATE_DIR where set', () => {
    expect(returnTemplateDirectory(scratch)).toBe(scratch);
  });

  it("is the repository's libs/domain-returns/reference where unset or empty (from the source)", () => {
    expect(returnTemplateDirectory()).toBe(REFERENCE);
    expect(returnTemplateDirectory('')).toBe(REFERENCE);
  });

  it('is found from a built copy under dist/ too (walking up to the repository root)', () => {
    mkdirSync(join(scratch, 'libs', 'domain-returns', 'reference'), { recursive: true });
    const built = join(scratch, 'dist', 'libs', 'quarterly-returns', 'src');
    mkdirSync(built, { recursive: true });
    expect(repositoryTemplateDirectory(built)).toBe(join(scratch, 'libs', 'domain-returns', 'reference'));
  });

  it('is found by the compiled file in dist/ (built by the test run), without the variable', () => {
    const built = join(ROOT, 'dist', 'libs', 'quarterly-returns', 'src', 'template-files.js');
    const script = `process.stdout.write(require(${JSON.stringify(built)}).returnTemplateDirectory())`;
    const found = execFileSync(process.execPath, ['-r', './bin/register-aliases.js', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(found).toBe(REFERENCE);
  });

  it('says what to set where there is no repository above', () => {
    expect(() => repositoryTemplateDirectory(scratch)).toThrow(
      /cannot find .*reference above .*: set LEDGER_RETURN_TEMPLATE_DIR/,
    );
  });
});

describe('readReturnTemplate', () => {
  let scratch: string;
  beforeEach(() => (scratch = mkdtempSync(join(tmpdir(), 'bcl-templates-'))));
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it("reads the repository's 2016-17 template by default", () => {
    const template = readReturnTemplate('bcf-quarterly-2016-17');
    expect(template.templateVersion).toBe('bcf-quarterly-2016-17');
    expect(template.quarters.Q2.deadline.source).toBe('004:1181');
  });

  it('reads a new template version dropped into a directory: no code', () => {
    copyFileSync(MADE_UP, join(scratch, 'bcf-quarterly-2099-00.json'));
    expect(readReturnTemplate('bcf-quarterly-2099-00', scratch).financialYear).toBe('2099-00');
  });

  it.each(['../bcf-quarterly-2016-17', 'BCF-2016', 'bcf quarterly', ''])(
    'refuses %j as a version name',
    (version) => {
      expect(() => readReturnTemplate(version, REFERENCE)).toThrow(/is not a template version/);
    },
  );

  it('says which file is missing, in one line', () => {
    expect(() => readReturnTemplate('bcf-quarterly-2017-18', scratch)).toThrow(
      new Error(
        `no template version bcf-quarterly-2017-18: ${join(scratch, 'bcf-quarterly-2017-18.json')} does not exist`,
      ),
    );
  });

  it('refuses a file that is not JSON, naming it', () => {
    writeFileSync(join(scratch, 'bcf-quarterly-2099-00.json'), '{ "templateVersion": ');
    expect(() => readReturnTemplate('bcf-quarterly-2099-00', scratch)).toThrow(
      /bcf-quarterly-2099-00\.json: not JSON/,
    );
  });

  it("refuses a file the parser refuses, with the parser's problems", () => {
    writeFileSync(
      join(scratch, 'bcf-quarterly-2099-00.json'),
      JSON.stringify({ templateVersion: 'bcf-quarterly-2099-00' }),
    );
    expect(() => readReturnTemplate('bcf-quarterly-2099-00', scratch)).toThrow(
      /2099-00\.json: the return template has \d+ problems:\n {2}- title/,
    );
  });

  it('refuses a file holding another version than its name', () => {
    copyFileSync(MADE_UP, join(scratch, 'bcf-quarterly-2099-01.json'));
    expect(() => readReturnTemplate('bcf-quarterly-2099-01', scratch)).toThrow(
      /holds template version bcf-quarterly-2099-00, not bcf-quarterly-2099-01/,
    );
  });
});
