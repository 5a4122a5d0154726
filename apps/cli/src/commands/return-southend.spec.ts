import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import { cellLocations, readReturnTemplate, returnLayout } from '@bcl/quarterly-returns';
import { UsageError } from '../cli-context';
import { returnCommand } from './return.command';
import { RETURN_WIRING } from './return-wiring';

/**
 * The real 2016-17 template and Southend's Q1 2016/17 return (demo/returns), through the real lifecycle and
 * files: imported, exported as a workbook and as JSON, each re-imported to the same return; and a workbook
 * with a wrong answer, a number over the bound and a 'No' without its explanation refused, one line per cell.
 */
describe('bcl return, over the real template and the Southend Q1 2016/17 return', () => {
  const template = readReturnTemplate('bcf-quarterly-2016-17');
  const fixture = join(__dirname, '../../../../demo/returns/southend-on-sea-2016-17-q1.json');
  let dir: string;
  let out: string;
  let err: string;

  async function bcl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    out = '';
    err = '';
    process.exitCode = 0;
    const program = new Command('bcl').option('--store <s>').option('--json').exitOverride();
    program.addCommand(returnCommand(RETURN_WIRING));
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
  const importFile = (file: string) =>
    bcl(
      'return',
      'import',
      file,
      '--area',
      'southend-on-sea',
      '--year',
      '2016-17',
      '--quarter',
      '1',
      '--reason',
      'Q1 2016/17 return as completed',
    );

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-return-southend-'));
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the return, and its workbook and JSON exports re-import to the same return', async () => {
    const imported = await importFile(fixture);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toContain('southend-on-sea-2016-17-q1 version 2: issued, 2 event(s) recorded');

    expect(
      (await bcl('return', 'export', 'southend-on-sea-2016-17-q1', '--out', join(dir, 'q1.xlsx'))).code,
    ).toBe(0);
    expect(
      (await bcl('return', 'export', 'southend-on-sea-2016-17-q1', '--out', join(dir, 'q1.json'))).code,
    ).toBe(0);
    const exported = JSON.parse(readFileSync(join(dir, 'q1.json'), 'utf8'));
    const given = JSON.parse(readFileSync(fixture, 'utf8')).values as Record<string, unknown>;
    for (const [field, value] of Object.entries(given))
      expect([field, exported.values[field]]).toEqual([field, value]);

    for (const file of ['q1.xlsx', 'q1.json']) {
      const again = await importFile(join(dir, file));
      expect(again).toMatchObject({ code: 0, stderr: '' });
      expect(again.stdout).toContain('southend-on-sea-2016-17-q1 version 2: 0 event(s) recorded');
    }
  });

  it('refuses a workbook with a wrong answer, a number over the bound and a missing explanation, one line per cell, recording nothing', async () => {
    await importFile(fixture);
    await bcl('return', 'export', 'southend-on-sea-2016-17-q1', '--out', join(dir, 'q1.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'q1.xlsx'));
    const cells = cellLocations(returnLayout(template, 1));
    const put = (field: string, value: ExcelJS.CellValue) => {
      const { sheet, row, column } = cells.get(field)!;
      workbook.getWorksheet(sheet)!.getCell(row, column).value = value;
      return `${sheet} row ${row} ${field}`;
    };
    const wrong = put('budget.pooledViaS75', 'Perhaps');
    const over = put('additional.phb.total', 100_000_001);
    put('conditions.3i.status', 'No - In Progress');
    put('conditions.3i.date', '2017-03-31');
    const unexplained = `${cells.get('conditions.3i.explanation')!.sheet} row ${cells.get('conditions.3i.explanation')!.row} conditions.3i.explanation`;
    await workbook.xlsx.writeFile(join(dir, 'bad.xlsx'));

    const refused = await importFile(join(dir, 'bad.xlsx'));
    expect(refused.code).toBe(2);
    const lines = refused.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.find((line) => line.includes(wrong))).toMatch(/Perhaps|one of/);
    expect(lines.find((line) => line.includes(over))).toMatch(/100,000,000|bound|at most/);
    expect(lines.find((line) => line.includes(unexplained))).toMatch(/explanation/);

    const shown = await bcl('return', 'show', 'southend-on-sea-2016-17-q1');
    expect(shown.stdout).toContain('version 2');
  });
});
