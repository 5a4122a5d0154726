import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, withUpcasting } from '@bcl/event-store';
import { openEventStore } from '@bcl/event-store-open';
import { EVENT_SCHEMAS, PROJECTIONS } from '@bcl/contexts';
import { ProjectionRunner, ServiceStore, defaultServiceStoreFor } from '@bcl/service-store';
import { ViewVerification, verifyViews, viewProblemLines } from '@bcl/application';
import {
  SqlConnection,
  openPostgresConnection,
  openSqliteConnection,
} from '../../libs/service-store/src/sql-connection';
import { describeEachDurableStore } from '../support/durable-stores';
import { startApi } from '../support/api-app';

/** The demo data's stored views, edited row by row in the service store, each caught by the view verification. */
describeEachDurableStore(
  'verify --views',
  (setting) => {
    let events: EventStore;
    let service: ServiceStore;
    let sql: SqlConnection;
    const check = () => verifyViews(events, service);
    /** Runs `work` with the row's stored text changed, and puts it back afterwards. */
    const withRow = async (
      projection: string,
      key: string,
      change: (json: string) => string | null,
      work: () => Promise<void>,
    ) => {
      const [row] = await sql.query('SELECT view FROM projection_views WHERE projection = $1 AND key = $2', [
        projection,
        key,
      ]);
      const original = String(row!.view);
      const changed = change(original);
      if (changed === null)
        await sql.query('DELETE FROM projection_views WHERE projection = $1 AND key = $2', [projection, key]);
      else
        await sql.query('UPDATE projection_views SET view = $3 WHERE projection = $1 AND key = $2', [
          projection,
          key,
          changed,
        ]);
      try {
        await work();
      } finally {
        await sql.query(
          'INSERT INTO projection_views (projection, key, view) VALUES ($1, $2, $3) ON CONFLICT (projection, key) DO UPDATE SET view = excluded.view',
          [projection, key, original],
        );
      }
    };
    const firstKey = async (projection: string, like = '%') => {
      const [row] = await sql.query(
        'SELECT key FROM projection_views WHERE projection = $1 AND key LIKE $2 ORDER BY key LIMIT 1',
        [projection, like],
      );
      return String(row!.key);
    };
    const only = (result: ViewVerification, name: string) => {
      expect(result.ok).toBe(false);
      const failing = result.projections.filter((p) => p.differences > 0 || p.problem !== null);
      expect(failing.map((p) => p.name)).toEqual([name]);
      return failing[0]!;
    };

    beforeAll(async () => {
      const api = await startApi(setting(), { demoData: true });
      await api.close();
      events = withUpcasting(await openEventStore(setting()), EVENT_SCHEMAS);
      const serviceSetting = defaultServiceStoreFor(setting());
      service = await ServiceStore.open(serviceSetting, { mustExist: true });
      sql = serviceSetting.startsWith('sqlite:')
        ? await openSqliteConnection(serviceSetting.slice('sqlite:'.length), true)
        : await openPostgresConnection(serviceSetting, true);
    }, 180_000);
    afterAll(async () => {
      await sql?.close();
      await service?.close();
      await events?.close();
    });

    it('a clean, caught-up store agrees with the log: every projection and the vault', async () => {
      const result = await check();
      expect(viewProblemLines(result)).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.projections.map((p) => p.name)).toEqual(PROJECTIONS.map((p) => p.name));
      for (const p of result.projections) {
        expect(p.checkpoint).not.toBeNull();
        expect(p.viewsStored).toBeGreaterThan(0);
        expect(p.viewsStored).toBe(p.viewsReplayed);
      }
      expect(result.vault.entries).toBeGreaterThan(0);
      expect(result.vault.peopleRegistered).toBe(result.vault.entries);
    });

    it('Kent County Council renamed in the stored registry view is caught, naming the projection and the key', async () => {
      const key = await firstKey('registry', '%kent-county-council%');
      await withRow(
        'registry',
        key,
        (json) => {
          expect(json).toContain('Kent County Council');
          return json.replaceAll('Kent County Council', 'Kent County Counsel');
        },
        async () => {
          const registry = only(await check(), 'registry');
          expect(registry.differences).toBe(1);
          expect(registry.firstDifferences).toEqual([{ key, kind: 'differs' }]);
        },
      );
      expect((await check()).ok).toBe(true);
    });

    it.each(['plans', 'governance', 'fund', 'fund-totals'])(
      'an edited row of the %s views is caught',
      async (projection) => {
        const key = await firstKey(projection);
        await withRow(
          projection,
          key,
          (json) => {
            expect(json).toMatch(/\d/);
            return json.replace(/\d/, (digit) => String((Number(digit) + 1) % 10));
          },
          async () => {
            const result = await check();
            const found = only(result, projection);
            expect(found.firstDifferences).toEqual([{ key, kind: 'differs' }]);
            expect(viewProblemLines(result)).toContain(
              `projection ${projection}, key '${key}': the stored view differs from the log replayed`,
            );
          },
        );
      },
    );

    it('a row that is not JSON is a difference, not a crash', async () => {
      const key = await firstKey('fund');
      await withRow(
        'fund',
        key,
        () => '{"broken',
        async () => {
          expect(only(await check(), 'fund').firstDifferences).toEqual([{ key, kind: 'differs' }]);
        },
      );
    });

    it('a deleted view is caught as missing; an added view as stored with no counterpart', async () => {
      const key = await firstKey('governance');
      await withRow(
        'governance',
        key,
        () => null,
        async () => {
          expect(only(await check(), 'governance').firstDifferences).toEqual([{ key, kind: 'missing' }]);
        },
      );
      await sql.query(
        "INSERT INTO projection_views (projection, key, view) VALUES ('plans', 'zz-forged', '{}')",
      );
      try {
        expect(only(await check(), 'plans').firstDifferences).toEqual([{ key: 'zz-forged', kind: 'extra' }]);
      } finally {
        await sql.query("DELETE FROM projection_views WHERE projection = 'plans' AND key = 'zz-forged'");
      }
    });

    it('views of a projection the service does not keep are reported', async () => {
      await sql.query("INSERT INTO projection_views (projection, key, view) VALUES ('shadow', 'k', '{}')");
      try {
        const shadow = only(await check(), 'shadow');
        expect(shadow.problem).toMatch(/1 views for a projection this service does not keep/);
      } finally {
        await sql.query("DELETE FROM projection_views WHERE projection = 'shadow'");
      }
    });

    it('the vault: a name no event registers, and a registered name gone with no erasure recorded', async () => {
      const [row] = await sql.query(
        'SELECT person_id, display_name FROM personal_data WHERE display_name IS NOT NULL ORDER BY person_id LIMIT 1',
      );
      const personId = String(row!.person_id);
      const name = String(row!.display_name);
      await service.putPersonalData('p-never-registered', 'Nobody Registered');
      await sql.query('DELETE FROM personal_data WHERE person_id = $1', [personId]);
      try {
        const result = await check();
        expect(result.ok).toBe(false);
        expect(result.projections.every((p) => p.differences === 0 && p.problem === null)).toBe(true);
        expect(result.vault.problems.map(({ personId: id, kind }) => ({ id, kind }))).toEqual([
          { id: personId, kind: 'name-missing' },
          { id: 'p-never-registered', kind: 'name-without-registration' },
        ]);
      } finally {
        await sql.query("DELETE FROM personal_data WHERE person_id = 'p-never-registered'");
        await service.putPersonalData(personId, name);
      }
      expect((await check()).ok).toBe(true);
    });

    it('an edited access-log entry is caught by its chain', async () => {
      const entry = {
        at: '2026-11-30T10:00:00.000Z',
        subject: 'reader-1',
        roles: ['auditor'],
        method: 'GET',
        status: 200,
        correlationId: 'c-1',
      };
      await service.recordAccess({ ...entry, resource: '/api/people/p-0001' });
      await service.recordAccess({ ...entry, resource: '/api/people/p-0002' });
      expect((await check()).ok).toBe(true);
      const [row] = await sql.query("SELECT id FROM access_log WHERE resource = '/api/people/p-0001'");
      await sql.query("UPDATE access_log SET resource = '/api/plans' WHERE id = $1", [Number(row!.id)]);
      try {
        const result = await check();
        expect(result.ok).toBe(false);
        expect(result.projections.every((p) => p.differences === 0 && p.problem === null)).toBe(true);
        expect(viewProblemLines(result)).toEqual([
          `access log, entry ${Number(row!.id)}: its link does not match the entry and the link before it (the entry edited, or one before it removed)`,
        ]);
      } finally {
        await sql.query("UPDATE access_log SET resource = '/api/people/p-0001' WHERE id = $1", [
          Number(row!.id),
        ]);
      }
      expect((await check()).ok).toBe(true);
    });

    it('a clean store behind the log (checkpoints before the head) passes, and a difference there is still caught', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'bcl-views-behind-'));
      const behind = await ServiceStore.open(`sqlite:${join(dir, 'behind.db')}`);
      try {
        const head = (await events.headPosition())!;
        const half = (await events.readAll({ maxCount: Number(head / 2n) })).events;
        for (const definition of PROJECTIONS) {
          const runner = new ProjectionRunner(events, behind, definition);
          await runner.applyBatch(half);
          await runner.flush();
        }
        const result = await verifyViews(events, behind);
        expect(viewProblemLines(result).filter((line) => !line.startsWith('vault'))).toEqual([]);
        for (const p of result.projections) expect(BigInt(p.checkpoint!)).toBeLessThan(head);
        const key = String((await behind.storedViews('registry', null, 1))[0]!.key);
        await behind.commitProjection(
          'registry',
          PROJECTIONS[0]!.version,
          new Map([[key, { forged: true }]]),
          half[half.length - 1]!.position,
        );
        const edited = await verifyViews(events, behind);
        expect(edited.projections.find((p) => p.name === 'registry')?.firstDifferences).toEqual([
          { key, kind: 'differs' },
        ]);
      } finally {
        await behind.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
  { per: 'suite' },
);
