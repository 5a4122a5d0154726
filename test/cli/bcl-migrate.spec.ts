import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/child-process';

/** A store written before resolutions had streams of their own: a ResolutionPassed with no ResolutionIdClaimed. */
describe('bcl migrate claim-resolutions', () => {
  let dir: string;
  let store: string;
  const bcl = (...args: string[]) =>
    runCli(['--store', store, ...args], { cwd: dir, env: { LEDGER_STORE: '' } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-migrate-'));
    store = `sqlite:${join(dir, 'ledger.db')}`;
    const passed = {
      resolutionId: 'legacy-hwb-2016-01-27-195',
      meetingId: 'legacy-hwb-2016-01-27',
      meetingDate: '2016-01-27',
    };
    const appended = await bcl(
      'append',
      '--stream',
      'meeting-legacy-hwb-2016-01-27',
      '--type',
      'ResolutionPassed',
      '--data',
      JSON.stringify(passed),
      '--reason',
      'recorded by an earlier release',
      '--into-context-stream',
    );
    expect(appended).toMatchObject({ code: 0, stderr: '' });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('claims each unclaimed resolution for its meeting once, however often it runs, and the chain still verifies', async () => {
    expect(await bcl('migrate', 'claim-resolutions')).toMatchObject({
      code: 0,
      stdout: 'claimed 1 resolution; 0 already claimed\n',
    });
    expect(await bcl('migrate', 'claim-resolutions')).toMatchObject({
      code: 0,
      stdout: 'claimed 0 resolutions; 1 already claimed\n',
    });
    expect(await bcl('export', '--out', join(dir, 'log.ndjson'))).toMatchObject({ code: 0 });
    const records = readFileSync(join(dir, 'log.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .slice(1) // the header
      .map((line) => JSON.parse(line) as { record: string })
      .map(({ record }) => JSON.parse(record) as { stream: string; type: string; data: object });
    expect(records.map(({ stream, type, data }) => ({ stream, type, data }))).toEqual([
      expect.objectContaining({ type: 'ResolutionPassed' }),
      {
        stream: 'resolution-legacy-hwb-2016-01-27-195',
        type: 'ResolutionIdClaimed',
        data: { resolutionId: 'legacy-hwb-2016-01-27-195', meetingId: 'legacy-hwb-2016-01-27' },
      },
    ]);
    expect((await bcl('verify')).code).toBe(0);
  });
});
