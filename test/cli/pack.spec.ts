import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/child-process';
import { startApi } from '../support/api-app';
import { describeInBrowser } from '../web/support/browser';
import { PDFINFO, pdfTagged, unpack } from './pack-contents';

describeInBrowser('bcl pack: the auditor pack of an area and period', () => {
  let dir: string;
  let store: string;
  const bcl = (...args: string[]) =>
    runCli(['--store', store, ...args], { cwd: dir, env: { LEDGER_STORE: '' } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-pack-'));
    store = `sqlite:${join(dir, 'ledger.db')}`;
    await (await startApi(store, { demoData: true })).close();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one zip: a tagged PDF, the workbooks, the log export and digest that verify offline, README and manifest', async () => {
    const made = await bcl(
      'pack',
      '--area',
      'kent',
      '--from',
      '2017-04-01',
      '--to',
      '2018-03-31',
      '--out',
      'pack.zip',
    );
    expect(made).toMatchObject({ code: 0, stderr: '' });
    expect(made.stdout).toContain('wrote the auditor pack of kent, 2017-04-01 to 2018-03-31, to pack.zip');
    const out = join(dir, 'unpacked');
    const { names, manifest, sha256 } = await unpack(readFileSync(join(dir, 'pack.zip')), out);
    expect(names.filter((name) => !name.startsWith('proofs/')).sort()).toEqual(
      [
        'README.txt',
        'digest.json',
        'events.ndjson',
        'fund/kent-bcf-2017-18-reconciliation.xlsx',
        'manifest.json',
        'pack.pdf',
        'plans/kent-2017-19-v1.xlsx',
      ].sort(),
    );
    expect(manifest).toMatchObject({
      format: 'bcl-auditor-pack/1',
      generatedBy: expect.stringMatching(/^os-user:/),
      areaId: 'kent',
      from: '2017-04-01',
      to: '2018-03-31',
    });
    // a proof and the event it proves for each decision the pack lists
    const proofs = names.filter((name) => name.startsWith('proofs/'));
    expect(proofs.length).toBeGreaterThan(0);
    for (const name of proofs.filter((n) => n.endsWith('.event.json')))
      expect(proofs).toContain(name.replace('.event.json', '.json'));
    // every file but the manifest is listed, with the SHA-256 of its bytes as zipped
    expect(manifest.files.map((f) => f.name).sort()).toEqual(
      names.filter((n) => n !== 'manifest.json').sort(),
    );
    for (const file of manifest.files) expect(sha256[file.name]).toBe(file.sha256);
    // the pack records the log position it was made at: the digest's, and the export's last event
    const digest = JSON.parse(readFileSync(join(out, 'digest.json'), 'utf8'));
    expect(digest.position).toBe(manifest.head.position);
    expect(digest.hash).toBe(manifest.head.hash);
    const verified = await runCli(['verify', '--file', 'events.ndjson', '--digest', 'digest.json'], {
      cwd: out,
    });
    expect(verified).toMatchObject({ code: 0, stderr: '' });
    expect(verified.stdout).toContain(`last position ${manifest.head.position}, head ${manifest.head.hash}`);
    expect(verified.stdout).toContain(`digest at position ${manifest.head.position} matched`);
    const readme = readFileSync(join(out, 'README.txt'), 'utf8');
    expect(readme).toContain('bcl verify --file events.ndjson --digest digest.json');
    expect(readme).toContain(manifest.head.hash);
  }, 120_000);

  it("holds an area's quarterly returns of the period, as submitted and as restated", async () => {
    const made = await bcl(
      'pack',
      '--area',
      'southend-on-sea',
      '--from',
      '2016-04-01',
      '--to',
      '2017-03-31',
      '--out',
      'southend.zip',
    );
    expect(made).toMatchObject({ code: 0, stderr: '' });
    const { names, manifest } = await unpack(readFileSync(join(dir, 'southend.zip')), join(dir, 'southend'));
    for (const quarter of [1, 2, 3, 4])
      for (const basis of ['as-submitted', 'as-restated'])
        expect(names).toContain(`returns/southend-on-sea-2016-17-q${quarter}-${basis}.xlsx`);
    expect(names).toContain('fund/southend-bcf-2016-17-reconciliation.xlsx');
    expect(names.filter((name) => name.startsWith('plans/'))).toEqual([]);
    expect(manifest).toMatchObject({ areaId: 'southend-on-sea', from: '2016-04-01', to: '2017-03-31' });
  }, 120_000);

  // mandatory where the browser suite is (REQUIRE_BROWSER=1): CI installs poppler-utils with Chromium
  (PDFINFO || process.env.REQUIRE_BROWSER === '1' ? it : it.skip)(
    `prints a tagged PDF${PDFINFO ? '' : ' [skipped: pdfinfo is not installed (apt-get install poppler-utils)]'}`,
    async () => {
      const out = join(dir, 'tagged');
      await bcl(
        'pack',
        '--area',
        'kent',
        '--from',
        '2017-04-01',
        '--to',
        '2018-03-31',
        '--out',
        'tagged.zip',
      );
      await unpack(readFileSync(join(dir, 'tagged.zip')), out);
      expect(pdfTagged(join(out, 'pack.pdf'))).toBe('yes');
    },
    120_000,
  );

  it('says in one line what to fix, and writes nothing', async () => {
    for (const [args, message] of [
      [
        ['--area', 'atlantis', '--from', '2017-04-01', '--to', '2018-03-31'],
        /^bcl: --area: no area 'atlantis'/,
      ],
      [['--area', 'kent', '--from', '2017-02-30', '--to', '2018-03-31'], /^bcl: --from: must be a real date/],
      [
        ['--area', 'kent', '--from', '2018-04-01', '--to', '2018-03-31'],
        /^bcl: --from: must not be after to/,
      ],
    ] as const) {
      const refused = await bcl('pack', ...args, '--out', 'refused.zip');
      expect(refused.code).toBe(2);
      expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
    }
    const missing = await bcl('pack', '--area', 'kent', '--from', '2017-04-01', '--out', 'refused.zip');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^bcl: required option '--to <date>' not specified/);
    const noLedger = await runCli(
      [
        '--store',
        `sqlite:${join(dir, 'nope.db')}`,
        'pack',
        '--area',
        'kent',
        '--from',
        '2017-04-01',
        '--to',
        '2018-03-31',
        '--out',
        'refused.zip',
      ],
      { cwd: dir, env: { LEDGER_STORE: '' } },
    );
    expect(noLedger).toMatchObject({ code: 2, stderr: `bcl: no ledger at ${join(dir, 'nope.db')}\n` });
    expect(existsSync(join(dir, 'nope.db'))).toBe(false);
    expect(existsSync(join(dir, 'refused.zip'))).toBe(false);
  }, 60_000);
});
