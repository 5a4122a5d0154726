import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceStore } from '@bcl/service-store';
import { describeWithServer } from '../support/servers';
import { withSchema } from '../support/postgres-schema';

/** Issue 16: a view and the views under a prefix, read by one statement (a pool-year's fund totals). */
function viewAndPrefixedContract(open: () => Promise<{ setting: string; done: () => Promise<void> }>) {
  it('gives the view and exactly the views under the prefix, with their keys; nothing beyond the limit', async () => {
    const { setting, done } = await open();
    const store = await ServiceStore.open(setting);
    try {
      const views = new Map<string, object>([
        ['year/p/2016-17', { transactions: 2 }],
        ['day/p/2016-17/effective/2016-04-01', { on: '2016-04-01' }],
        ['day/p/2016-17/recorded/2016-04-02', { on: '2016-04-02' }],
        ['day/p/2016-170/effective/2016-04-01', { on: 'not this year' }],
        ['day/p-2/2016-17/effective/2016-04-01', { on: 'not this pool' }],
        ['year/p/2017-18', { transactions: 9 }],
      ]);
      await store.commitProjection('fund-totals', 1, views, 6n);
      await store.commitProjection('other', 1, new Map([['day/p/2016-17/effective/2016-04-01', {}]]), 6n);
      const read = await store.loadViewAndPrefixed('fund-totals', 'year/p/2016-17', 'day/p/2016-17/', 10);
      expect(read!.sort((a, b) => (a.key < b.key ? -1 : 1))).toEqual([
        { key: 'day/p/2016-17/effective/2016-04-01', view: { on: '2016-04-01' } },
        { key: 'day/p/2016-17/recorded/2016-04-02', view: { on: '2016-04-02' } },
        { key: 'year/p/2016-17', view: { transactions: 2 } },
      ]);
      expect(
        await store.loadViewAndPrefixed('fund-totals', 'year/p/2016-17', 'day/p/2016-17/', 2),
      ).toBeUndefined();
      expect(await store.loadViewAndPrefixed('fund-totals', 'year/q/2016-17', 'day/q/2016-17/', 10)).toEqual(
        [],
      );
    } finally {
      await store.close();
      await done();
    }
  });
}

describe('a view and the views under a prefix, from one snapshot (SQLite)', () => {
  viewAndPrefixedContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bcl-views-snapshot-'));
    return {
      setting: `sqlite:${join(dir, 'service.db')}`,
      done: async () => rmSync(dir, { recursive: true, force: true }),
    };
  });
});

describeWithServer(
  'postgres',
  'a view and the views under a prefix, from one snapshot (PostgreSQL)',
  (url) => {
    viewAndPrefixedContract(async () => {
      const { storeUrl, drop } = withSchema(url);
      return { setting: storeUrl, done: drop };
    });
  },
);
