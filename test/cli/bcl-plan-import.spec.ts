import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEventStore } from '@bcl/event-store';
import { runCli } from '../support/child-process';
import { startApi } from '../support/api-app';

const FIXTURES = join(__dirname, '..', 'fixtures', 'plans');
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
  const write = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-plan-'));
    store = `sqlite:${join(dir, 'ledger.db')}`;
    await (await startApi(store, { demoData: true })).close(); // the registry the plans refer to
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records the Kent and Medway plans and prints the checks that fire, none silently fixed', async () => {
    const kent = await bcl('plan', 'import', join(FIXTURES, 'kent-2017-19.json'));
    expect(kent.code).toBe(0);
    expect(kent.stdout.split('\n')[0]).toBe(
      'kent-2017-19 version 1: 79 event(s) recorded; 41 checks, 13 not passing outright',
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
});
