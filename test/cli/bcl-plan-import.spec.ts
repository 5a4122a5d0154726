import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openEventStore } from '@bcl/event-store-open';
import { runCli } from '../support/child-process';
import { startApi } from '../support/api-app';

const FIXTURES = join(__dirname, '..', '..', 'demo', 'plans');
const fixture = (name: string) =>
  JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown> & {
    contributions: object[];
    schemes: object[];
  };

describe('bcl plan import', () => {
  let dir: string;
  let store: string;
  const bcl = (...args: string[]) =>
    runCli(['--store', store, ...args], { cwd: dir, env: { LEDGER_STORE: '' } });
  const head = async () => {
    const events = await openEventStore(store);
    try {
      return await events.headPosition();
    } finally {
      await events.close();
    }
  };
  const csvPlan = (justification: string) => [
    '--table',
    'contributions',
    '--area',
    'kent',
    '--cycle',
    '2017-19',
    '--justification',
    justification,
  ];
  const write = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-plan-'));
    store = `sqlite:${join(dir, 'ledger.db')}`;
    await (await startApi(store, { demoData: 'registry' })).close(); // the registry the plans refer to
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records the Kent and Medway plans and prints the checks that fire, none silently fixed', async () => {
    const kent = await bcl('plan', 'import', join(FIXTURES, 'kent-2017-19.json'));
    expect(kent.code).toBe(0);
    expect(kent.stdout.split('\n')[0]).toBe(
      'kent-2017-19 version 1: 79 event(s) recorded; 61 checks, 25 not passing outright',
    );
    expect(kent.stdout).toContain(
      'information rounding      S6:pooled-budget:2017-18: 2017-18 pooled-budget: stated £134,684,888, computed from parts £134,684,886 (rounding)',
    );
    const medway = await bcl('plan', 'import', join(FIXTURES, 'medway-2017-19.json'), '--json');
    const result = JSON.parse(medway.stdout);
    expect(result).toMatchObject({ planId: 'medway-2017-19', version: 1 });
    expect(
      result.checks.find((c: { checkId: string }) => c.checkId === 'S6:expenditure:2017-18'),
    ).toMatchObject({
      outcome: 'fail',
      figures: { stated: '£24,531,862', computed: '£24,481,862', difference: '£50,000' },
    });
  });

  it('refuses malformed files in one line naming the field, and records nothing', async () => {
    const before = await head();
    const kent = fixture('kent-2017-19.json');
    const medway = fixture('medway-2017-19.json');
    const cases: [string, unknown, RegExp][] = [
      [
        'wrong-type.json',
        {
          ...kent,
          contributions: [{ ...(kent.contributions[0] as object), amountsPence: { '2017-18': '14387024' } }],
        },
        /contributions\[0\]\.amountsPence\.2017-18: must be integer/,
      ],
      [
        'negative.json',
        {
          ...kent,
          contributions: [{ ...(kent.contributions[0] as object), amountsPence: { '2017-18': -1 } }],
        },
        /contributions\[0\]\.amountsPence\.2017-18: must be >= 0/,
      ],
      [
        'unknown-district.json',
        { ...kent, dfgPassDown: [{ key: 'x', districtId: 'maidstone-district', amountsPence: {} }] },
        /dfgPassDown\[0\]\.districtId: 'maidstone-district' is not a district council of 'kent'/,
      ],
      [
        'duplicate-scheme.json',
        { ...medway, schemes: [medway.schemes[1], medway.schemes[1]] },
        /schemes\[1\]\.key: 'scheme-02' appears twice in schemes/,
      ],
      ['not-json.json', '{"format": "bcl-plan/1",', /is not valid JSON/],
    ];
    for (const [name, content, message] of cases) {
      const refused = await bcl('plan', 'import', write(name, content));
      expect({ name, code: refused.code, lines: refused.stderr.trim().split('\n').length }).toEqual({
        name,
        code: 2,
        lines: 1,
      });
      expect(refused.stderr).toMatch(message);
    }
    const huge = write('huge.json', `{"pad": "${'x'.repeat(50 * 1024 * 1024)}"}`);
    const tooBig = await bcl('plan', 'import', huge);
    expect([tooBig.code, tooBig.stderr]).toEqual([
      2,
      expect.stringMatching(/huge\.json: is 52428\d\d\d bytes; plan files are limited to 5242880 bytes/),
    ]);
    expect(await head()).toBe(before);
  });

  it('exports a version as JSON and as a workbook that both import back to the same plan, recording nothing', async () => {
    for (const out of ['kent.json', 'kent.xlsx']) {
      const exported = await bcl('plan', 'export', 'kent-2017-19', '--out', join(dir, out));
      expect(exported.stdout).toBe(`wrote kent-2017-19 version 1 to ${join(dir, out)}\n`);
      const again = await bcl('plan', 'import', join(dir, out));
      expect(again.stdout.split('\n')[0]).toBe(
        'kent-2017-19 version 1: 0 event(s) recorded; 61 checks, 25 not passing outright',
      );
    }
  });

  it('builds the same plan and checks from the workbook alone, in a fresh ledger', async () => {
    const freshDir = mkdtempSync(join(tmpdir(), 'bcl-plan-fresh-'));
    const freshStore = `sqlite:${join(freshDir, 'ledger.db')}`;
    try {
      await (await startApi(freshStore, { demoData: 'registry' })).close();
      const fromXlsx = await runCli(
        ['--store', freshStore, 'plan', 'import', join(dir, 'kent.xlsx'), '--json'],
        { cwd: freshDir, env: { LEDGER_STORE: '' } },
      );
      const fromJson = await bcl('plan', 'import', join(FIXTURES, 'kent-2017-19.json'), '--json');
      expect(JSON.parse(fromXlsx.stdout).checks).toEqual(JSON.parse(fromJson.stdout).checks);
      expect(JSON.parse(fromXlsx.stdout).eventsRecorded).toBe(79);
    } finally {
      rmSync(freshDir, { recursive: true, force: true });
    }
  });

  it('names the sheet, line and column of a bad workbook cell, and of a bad CSV cell, recording nothing', async () => {
    const before = await head();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'kent.xlsx'));
    workbook.getWorksheet('Contributions')!.getCell('D3').value = -5;
    await workbook.xlsx.writeFile(join(dir, 'bad.xlsx'));
    const refused = await bcl('plan', 'import', join(dir, 'bad.xlsx'));
    expect([refused.code, refused.stderr]).toEqual([
      2,
      `bcl: ${join(dir, 'bad.xlsx')}: Contributions line 3, column '2017-18': must be an amount in pounds, 0 or more, with at most 2 decimals\n`,
    ]);
    const csv = write(
      'bad.csv',
      'Key,Source,Contributor,2017-18\nibcf/kent-county-council,ibcf,kent-county-council,"26,392,010"\nx,dfg,kent-county-council,1.234\n',
    );
    const badCsv = await bcl('plan', 'import', csv, ...csvPlan('test'), '--plan-id', 'kent-csv');
    expect(badCsv.stderr).toBe(
      `bcl: ${csv}: Contributions line 3, column '2017-18': must be an amount in pounds, 0 or more, with at most 2 decimals\n`,
    );
    expect(await head()).toBe(before);
  });

  it('imports a contributions table from CSV into a plan of its own', async () => {
    const kent = fixture('kent-2017-19.json') as unknown as {
      contributions: {
        key: string;
        source: string;
        contributorId: string;
        amountsPence: Record<string, number>;
      }[];
    };
    const lines = [
      'Key,Source,Contributor,2017-18,2018-19',
      ...kent.contributions.map(
        (c) =>
          `${c.key},${c.source},${c.contributorId},${c.amountsPence['2017-18']! / 100},${c.amountsPence['2018-19']! / 100}`,
      ),
    ];
    const csv = write('contributions.csv', `${lines.join('\r\n')}\r\n`);
    const imported = await bcl(
      'plan',
      'import',
      csv,
      ...csvPlan('000:302-359'),
      '--plan-id',
      'kent-csv',
      '--json',
    );
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      planId: 'kent-csv',
      eventsRecorded: 1 + kent.contributions.length,
    });
    const exported = await bcl('plan', 'export', 'kent-csv', '--out', join(dir, 'kent-csv.json'));
    expect(exported.code).toBe(0);
    const document = JSON.parse(readFileSync(join(dir, 'kent-csv.json'), 'utf8'));
    expect(document.contributions).toEqual(
      [...kent.contributions].sort((a, b) => a.key.localeCompare(b.key)),
    );
  });

  it('records a 2023-25 plan from a new reference file alone, with no code change', async () => {
    const referenceDir = join(dir, 'reference');
    mkdirSync(referenceDir);
    const base = JSON.parse(
      readFileSync(
        join(__dirname, '..', '..', 'libs', 'domain-plans', 'reference', 'bcf-2017-19.json'),
        'utf8',
      ),
    );
    const reference = {
      ...base,
      cycle: '2023-25',
      title: 'a later cycle (test)',
      financialYears: ['2023-24', '2024-25'],
      ascUpliftBasisPoints: {},
    };
    writeFileSync(join(referenceDir, 'bcf-2023-25.json'), JSON.stringify(reference));
    const plan = write('kent-2023-25.json', {
      format: 'bcl-plan/1',
      areaId: 'kent',
      cycle: '2023-25',
      justification: 'test',
      contributions: [
        {
          key: 'nhs-minimum/icb',
          source: 'nhs-minimum',
          contributorId: 'nhs-kent-and-medway-icb',
          amountsPence: { '2023-24': 100 },
        },
      ],
    });
    const imported = await runCli(['--store', store, 'plan', 'import', plan, '--json'], {
      cwd: dir,
      env: { LEDGER_STORE: '', LEDGER_REFERENCE_DIR: referenceDir },
    });
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toMatchObject({ planId: 'kent-2023-25', eventsRecorded: 2 });
    const unknownCycle = await bcl('plan', 'import', plan);
    expect(unknownCycle.stderr).toBe(`bcl: ${plan}: cycle: no reference data for '2023-25'\n`);
  });

  it('previews a CSV section import that would remove entries, recording nothing (exit 3), until --replace', async () => {
    const kent = fixture('kent-2017-19.json') as unknown as {
      contributions: { key: string; source: string; contributorId: string }[];
    };
    const [kept] = kent.contributions;
    const csv = write(
      'one-row.csv',
      `Key,Source,Contributor,2017-18,2018-19\n${kept!.key},${kept!.source},${kept!.contributorId},1.00,1.00\n`,
    );
    const before = await head();
    const preview = await bcl('plan', 'import', csv, ...csvPlan('Kent HWB report (test)'));
    const removed = kent.contributions.length - 1;
    expect([preview.code, preview.stderr]).toEqual([3, '']);
    expect(preview.stdout.split('\n').slice(0, 2)).toEqual([
      `kent-2017-19: nothing recorded: this import would remove ${removed} entries; run it again with --replace to record it`,
      `  contributions: 0 added, 1 changed, ${removed} removed`,
    ]);
    for (const { key } of kent.contributions.slice(1))
      expect(preview.stdout).toContain(`    remove ${key}\n`);
    expect(preview.stdout).toContain(`    change ${kept!.key}`);
    const json = await bcl('plan', 'import', csv, ...csvPlan('Kent HWB report (test)'), '--json');
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({
      planId: 'kent-2017-19',
      recorded: false,
      needsReplace: true,
      changes: [{ section: 'contributions', added: [], changed: [kept!.key] }],
    });
    expect(await head()).toBe(before);

    const placeholder = await bcl('plan', 'import', csv, ...csvPlan('…'), '--replace');
    expect([placeholder.code, placeholder.stderr]).toEqual([
      2,
      expect.stringMatching(/^bcl: .*one-row\.csv: justification: must name the document or decision/),
    ]);
    expect(await head()).toBe(before);

    const replaced = await bcl('plan', 'import', csv, ...csvPlan('Kent HWB report (test)'), '--replace');
    expect(replaced.code).toBe(0);
    expect(replaced.stdout.split('\n')[0]).toMatch(/^kent-2017-19 version 1: 11 event\(s\) recorded/);
  });
});
