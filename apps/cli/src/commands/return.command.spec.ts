import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import { ReturnView } from '@bcl/domain-returns';
import { locateCell } from '@bcl/quarterly-returns';
import { UsageError } from '../cli-context';
import { returnCommand } from './return.command';
import { STAND_IN_WIRING as wiring } from './return.command.fixtures';
import { FILE_TEMPLATE } from '../../../../libs/quarterly-returns/src/return-workbook.fixtures';

describe('bcl return', () => {
  let dir: string;
  let out: string;
  let err: string;

  /** Runs `bcl …` in-process: stdout, stderr (a UsageError as the CLI prints it) and the exit code. */
  async function bcl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    out = '';
    err = '';
    process.exitCode = 0;
    const program = new Command('bcl').option('--store <s>').option('--json').exitOverride();
    program.addCommand(returnCommand(wiring));
    try {
      await program.parseAsync(['node', 'bcl', '--store', `sqlite:${join(dir, 'ledger.db')}`, ...args]);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      err += `bcl: ${error.message}\n`;
      process.exitCode = 2;
    }
    const code = Number(process.exitCode ?? 0);
    process.exitCode = 0;
    return { code, stdout: out, stderr: err };
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-return-'));
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  const importArgs = (file: string, quarter = '2') => [
    'return',
    'import',
    join(dir, file),
    '--area',
    'southend-on-sea',
    '--year',
    '2016-17',
    '--quarter',
    quarter,
    '--reason',
    'Q2 return as completed',
    '--template',
    FILE_TEMPLATE.templateVersion,
  ];

  const writeJson = (file: string, values: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    writeFileSync(
      join(dir, file),
      JSON.stringify({
        format: 'bcl-quarterly-return/1',
        templateVersion: FILE_TEMPLATE.templateVersion,
        areaId: 'southend-on-sea',
        financialYear: '2016-17',
        quarter: 2,
        values,
        ...extra,
      }),
    );

  it('issues the return on first import, fills it, and prints the blocking checks with their cells', async () => {
    writeJson('q2.json', {
      'cover.completedBy': 'Nick Faint',
      'conditions.1.status': 'No',
      'ie.income.actual.q2': 123_45,
    });
    const result = await bcl(...importArgs('q2.json'));
    const where = locateCell(FILE_TEMPLATE, 2, 'conditions.1.explanation')!;
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(
      'southend-on-sea-2016-17-q2 version 2: issued, 2 event(s) recorded; 2 checks, 1 not passing outright, 1 blocking',
    );
    expect(result.stdout).toContain(
      `${where.sheet} row ${where.row} Q6:conditions.1: condition 1 is 'No' without an explanation`,
    );
    const again = await bcl(...importArgs('q2.json'));
    expect(again.stdout).toContain('version 2: 0 event(s) recorded');
  });

  it('exports the return as a workbook that imports back to the same return, recording nothing', async () => {
    writeJson('q2.json', {
      'cover.completedBy': 'Nick Faint',
      'ie.income.actual.q2': 123_45,
      'metrics.nea.target': '1.50',
    });
    await bcl(...importArgs('q2.json'));
    const exported = await bcl(
      'return',
      'export',
      'southend-on-sea-2016-17-q2',
      '--out',
      join(dir, 'q2.xlsx'),
    );
    expect(exported).toMatchObject({
      code: 0,
      stdout: `wrote southend-on-sea-2016-17-q2 version 2 (as-submitted) to ${join(dir, 'q2.xlsx')}\n`,
    });
    expect((await bcl(...importArgs('q2.xlsx'))).stdout).toContain('version 2: 0 event(s) recorded');
    await bcl('return', 'export', 'southend-on-sea-2016-17-q2', '--out', join(dir, 'q2-out.json'));
    const document = JSON.parse(readFileSync(join(dir, 'q2-out.json'), 'utf8'));
    expect(document).toMatchObject({
      basis: 'as-submitted',
      version: 2,
      values: { 'ie.income.actual.q2': 123_45, 'metrics.nea.target': '1.50' },
    });
  });

  it('refuses a workbook with bad cells, one line per cell, exit 2, recording nothing', async () => {
    writeJson('q2.json', { 'cover.completedBy': 'Nick Faint' });
    await bcl(...importArgs('q2.json'));
    await bcl('return', 'export', 'southend-on-sea-2016-17-q2', '--out', join(dir, 'q2.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'q2.xlsx'));
    const put = (field: string, column: number, value: ExcelJS.CellValue) => {
      const { sheet, row } = locateCell(FILE_TEMPLATE, 2, field)!;
      workbook.getWorksheet(sheet)!.getCell(row, column).value = value;
    };
    put('conditions.1.status', 2, 'Perhaps');
    put('ie.income.actual.q2', 3, 100_000_000.01);
    await workbook.xlsx.writeFile(join(dir, 'bad.xlsx'));
    const refused = await bcl(...importArgs('bad.xlsx'));
    expect(refused.code).toBe(2);
    expect(refused.stderr.trimEnd().split('\n')).toEqual([
      `bcl: ${join(dir, 'bad.xlsx')}: 2. National Conditions row 2 conditions.1.status: must be one of Yes, No, No - In Progress`,
      `bcl: ${join(dir, 'bad.xlsx')}: 3. I&E row 4 ie.income.actual.q2: must be between £0 and £100000000`,
    ]);
    expect((await bcl('return', 'show', 'southend-on-sea-2016-17-q2')).stdout).toMatch(
      /version 2, in-completion/,
    );
  });

  it('records nothing, not even the issue, when an import of a return not yet issued is refused', async () => {
    writeJson('q2.json', { 'conditions.1.status': 'Perhaps', 'ie.income.actual.q2': -1 });
    const refused = await bcl(...importArgs('q2.json'));
    expect(refused.code).toBe(2);
    expect(refused.stderr.trimEnd().split('\n')).toHaveLength(2);
    expect((await bcl('return', 'show', 'southend-on-sea-2016-17-q2')).stderr).toBe(
      'bcl: southend-on-sea-2016-17-q2: no such return is recorded\n',
    );
  });

  it('turns a changed figure previously returned into an amendment with the import reason', async () => {
    writeJson('q2.json', { 'ie.income.actual.q1': 450_00 });
    expect((await bcl(...importArgs('q2.json'))).stdout).toContain('version 2: issued, 2 event(s) recorded');
    const shown = await bcl('--json', 'return', 'show', 'southend-on-sea-2016-17-q2');
    const view = JSON.parse(shown.stdout) as ReturnView;
    expect(view.amendments).toEqual([
      expect.objectContaining({
        field: 'ie.income.actual.q1',
        previousValue: 500_00,
        amendedValue: 450_00,
        reason: 'Q2 return as completed',
      }),
    ]);
  });

  it('shows a figure as submitted, and as restated by a later quarter with both values', async () => {
    writeJson('q1.json', { 'ie.income.actual.q1': 500_00 }, { quarter: 1 });
    await bcl(...importArgs('q1.json', '1'));
    writeJson('q2.json', { 'ie.income.actual.q1': 450_00 });
    await bcl(...importArgs('q2.json'));
    const submitted = await bcl('return', 'show', 'southend-on-sea-2016-17-q1');
    expect(submitted.stdout).toContain('    Income actual / Q1: £500.00  [ie.income.actual.q1; entered');
    expect(submitted.stdout).not.toContain('restated by');
    const restated = await bcl('return', 'show', 'southend-on-sea-2016-17-q1', '--as-restated');
    expect(restated.stdout).toContain('version 2, in-completion, as-restated');
    expect(restated.stdout).toContain('    Income actual / Q1: £450.00  [ie.income.actual.q1; amended');
    expect(restated.stdout).toContain(
      '  restated by southend-on-sea-2016-17-q2 version 2: ie.income.actual.q1 £500.00 → £450.00 by os-user:',
    );
  });

  it('prints the checks that do not pass, each with its sheet and row; --json gives them all', async () => {
    writeJson('q2.json', { 'conditions.2.status': 'No - In Progress' });
    await bcl(...importArgs('q2.json'));
    const where = locateCell(FILE_TEMPLATE, 2, 'conditions.2.explanation')!;
    expect((await bcl('return', 'checks', 'southend-on-sea-2016-17-q2')).stdout).toBe(
      [
        'southend-on-sea-2016-17-q2 version 2 (as-submitted): 2 checks, 1 not passing outright, 1 blocking',
        `  blocking    fail          ${where.sheet} row ${where.row} Q6:conditions.2: condition 2 is 'No - In Progress' without an explanation`,
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await bcl('--json', 'return', 'checks', 'southend-on-sea-2016-17-q2')).stdout);
    expect(json).toMatchObject({ returnId: 'southend-on-sea-2016-17-q2', version: 2, basis: 'as-submitted' });
    expect(json.checks.map((c: { outcome: string }) => c.outcome)).toEqual(['pass', 'fail']);
  });

  it('shows a return cell by cell with its sources, and says when none is recorded', async () => {
    writeJson('q2.json', { 'ie.income.actual.q2': 123_45 });
    await bcl(...importArgs('q2.json'));
    const shown = await bcl('return', 'show', 'southend-on-sea-2016-17-q2');
    expect(shown.stdout).toContain(
      '    Income actual / Q2: £123.45  [ie.income.actual.q2; entered (quarterly-return-southend-on-sea-2016-17-q2@1)]',
    );
    expect(shown.stdout).toContain(
      '    Health and Well-Being Board: "Southend-on-Sea"  [cover.hwb; ledger: area name (a@0)]',
    );
    expect(await bcl('return', 'show', 'southend-on-sea-2016-17-q3')).toMatchObject({
      code: 2,
      stderr: 'bcl: southend-on-sea-2016-17-q3: no such return is recorded\n',
    });
  });

  it('refuses bad arguments in one line, exit 2', async () => {
    writeJson('q2.json', {});
    const cases: [string[], string][] = [
      [
        ['return', 'show', 'southend'],
        "bcl: returnId: must be <area>-<year>-q<n>, e.g. southend-on-sea-2016-17-q1 (got 'southend')\n",
      ],
      [
        ['return', 'show', 'southend-on-sea-2016-17-q1', '--as-at', '2016-02-30'],
        'bcl: --as-at: must be a real date written YYYY-MM-DD\n',
      ],
      [importArgs('q2.json', '5'), 'bcl: --quarter: must be 1, 2, 3 or 4\n'],
      [importArgs('q2.json', '3'), `bcl: ${join(dir, 'q2.json')}: quarter: is '2' but --quarter is '3'\n`],
      [[...importArgs('q2.csv')], `bcl: ${join(dir, 'q2.csv')}: must be a .xlsx or .json file\n`],
      [
        ['return', 'export', 'southend-on-sea-2016-17-q2', '--out', 'x.csv'],
        'bcl: --out must name a .xlsx or .json file\n',
      ],
    ];
    for (const [args, line] of cases) expect(await bcl(...args)).toMatchObject({ code: 2, stderr: line });
    writeFileSync(join(dir, 'broken.json'), '{"format":');
    expect((await bcl(...importArgs('broken.json'))).stderr).toMatch(/^bcl: .*broken\.json: is not JSON/);
    writeJson('shape.json', { 'cover.email': true });
    expect((await bcl(...importArgs('shape.json'))).stderr).toBe(
      `bcl: ${join(dir, 'shape.json')}: cover.email: must be string,number,null\n`,
    );
  });

  it('is registered in the built CLI: its subcommands, and a usage error as one line, exit 2', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(__dirname, '..', '..', '..', '..', 'bin', 'bcl.js'), ...args], {
        encoding: 'utf8',
        env: { ...process.env, LEDGER_STORE: `sqlite:${join(dir, 'none.db')}` },
      });
    expect(run('return')).toMatchObject({
      status: 2,
      stderr:
        "bcl: name a command after 'bcl return': show, checks, export, import (run bcl return --help for usage)\n",
    });
    expect(run('return', 'show', 'southend-on-sea-2016-17-q1')).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/^bcl: no ledger at .*none\.db\n$/),
    });
  });
});
