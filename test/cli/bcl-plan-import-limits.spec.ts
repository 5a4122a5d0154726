import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/child-process';
import { withEventStore } from '../support/durable-stores';
import { startApi } from '../support/api-app';
import { zerosEntry, zipOf } from '../support/zip-files';

describe('bcl plan import: workbook limits', () => {
  let dir: string;
  let store: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-xlsx-'));
    store = `sqlite:${join(dir, 'ledger.db')}`;
    await (await startApi(store, { demoData: 'registry' })).close();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a zip bomb in one line naming the file, exit 2, recording nothing', async () => {
    const bomb = join(dir, 'bomb.xlsx');
    writeFileSync(bomb, zipOf([await zerosEntry('xl/media/zeros.bin', 256)]));
    const before = await withEventStore(store, (events) => events.headPosition());
    const refused = await runCli(['--store', store, 'plan', 'import', bomb], { env: { LEDGER_STORE: '' } });
    expect([refused.code, refused.stderr.trim().split('\n')]).toEqual([
      2,
      [
        expect.stringMatching(
          /^bcl: .*bomb\.xlsx: the workbook unpacks to more than 50 MiB \(at entry xl\/media\/zeros\.bin\)/,
        ),
      ],
    ]);
    expect(await withEventStore(store, (events) => events.headPosition())).toBe(before);
  });
});
