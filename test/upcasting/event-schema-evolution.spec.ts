import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, take, toArray } from 'rxjs';
import {
  EventSchemaCatalogue,
  EventStore,
  NewEvent,
  StoredEvent,
  combineCatalogues,
  exportLog,
  foldStream,
  logEventPages,
  takeDigest,
  verifyStore,
  withUpcasting,
} from '@bcl/event-store';
import { InMemoryEventStore } from '@bcl/event-store-in-memory';
import { SqliteEventStore } from '@bcl/event-store-sqlite';
import {
  OrganisationState,
  REGISTRY_EVENT_SCHEMAS,
  evolveOrganisation,
  organisationStream,
} from '@bcl/domain-registry';
import { PLAN_EVENT_SCHEMAS } from '@bcl/domain-plans';
import { GOVERNANCE_EVENT_SCHEMAS } from '@bcl/domain-governance';
import { FUND_EVENT_SCHEMAS } from '@bcl/domain-fund';
import { RETURN_EVENT_SCHEMAS } from '@bcl/domain-returns';
import { EVENT_SCHEMAS, replayInMemory } from '@bcl/contexts';
import { ProjectionDefinition, ServiceStore, rebuildProjection } from '@bcl/service-store';

/**
 * The proof for versioned event schemas: an `OrganisationRegistered` event recorded at version 1 is read,
 * after the event's schema changes (version 2 renames `name` to `legalName`), in its version-2 shape by a
 * fold, a projection and a subscription, while the stored record, its hash, the chain, the export and the
 * digest stay byte for byte what they were.
 */

/** Release 2 of the ledger: OrganisationRegistered's `name` is now `legalName`. */
const RELEASE_2: EventSchemaCatalogue = combineCatalogues(
  {
    ...REGISTRY_EVENT_SCHEMAS,
    OrganisationRegistered: {
      currentVersion: 2,
      upcasters: [{ from: 1, upcast: ({ name, ...rest }) => ({ ...rest, legalName: name }) }],
    },
  },
  PLAN_EVENT_SCHEMAS,
  GOVERNANCE_EVENT_SCHEMAS,
  FUND_EVENT_SCHEMAS,
  RETURN_EVENT_SCHEMAS,
);

interface RegisteredV2 {
  type: 'OrganisationRegistered';
  data: { organisationId: string; legalName: string; establishedOn: string };
}

/** A release-2 evolve: it knows only the version-2 shape. */
function evolveV2(state: { id: string; legalName: string } | undefined, event: RegisteredV2) {
  if (typeof event.data.legalName !== 'string')
    throw new Error('a version-1 payload reached a version-2 fold');
  return { id: event.data.organisationId, legalName: event.data.legalName };
}

/** A release-2 projection: one view per organisation, keyed by id, holding its legal name. */
const legalNames: ProjectionDefinition = {
  name: 'legal-names',
  version: 1,
  handles: (event) => event.type === 'OrganisationRegistered',
  keysRead: () => [],
  apply: (event: StoredEvent) => [
    {
      key: String(event.data.organisationId),
      view: { legalName: event.data.legalName ?? null, schemaVersion: event.schemaVersion },
    },
  ],
};

function registration(organisationId: string, data: Record<string, string>): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'OrganisationRegistered',
    data: {
      organisationId,
      kind: 'unitary-council',
      codes: [{ scheme: 'ons', value: 'E06000001' }],
      establishedOn: '2019-04-01',
      parentOrganisationId: null,
      ...data,
    },
    metadata: {
      actor: { id: 'user-test', authority: 'role:registrar' },
      correlationId: 'c-1',
      reason: 'test',
    },
  };
}

async function exportLines(store: EventStore): Promise<string[]> {
  const lines: string[] = [];
  await exportLog(store, (line) => void lines.push(line), '2025-01-01T00:00:00.000Z');
  return lines.slice(1); // the header carries the export time, not the log
}

async function rawRecords(store: EventStore): Promise<string[]> {
  return (await store.readRaw(undefined, 100)).rows.map((row) => `${row.position} ${row.hash} ${row.record}`);
}

type Kind = 'memory' | 'sqlite';

/** Opens the same log again, as a new release would (the SQLite file is closed and reopened). */
async function harness(kind: Kind) {
  if (kind === 'memory') {
    const store = new InMemoryEventStore();
    return { open: async () => store, reopen: async () => store, dispose: () => store.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'bcl-upcasting-'));
  const path = join(dir, 'ledger.db');
  let current = SqliteEventStore.open(path);
  return {
    open: async (): Promise<EventStore> => current,
    reopen: async (): Promise<EventStore> => {
      await current.close();
      current = SqliteEventStore.open(path);
      return current;
    },
    dispose: async () => {
      await current.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe.each<Kind>(['memory', 'sqlite'])('changing an event schema (%s store)', (kind) => {
  const stream = organisationStream('org-1');

  it('folds, projects and subscribes in the new shape; the stored bytes, chain, export and digest are unchanged', async () => {
    const h = await harness(kind);
    try {
      // Release 1 records a version-1 event.
      const release1 = withUpcasting(await h.open(), EVENT_SCHEMAS);
      await release1.append(
        stream,
        [registration('org-1', { name: 'Hartlepool Borough Council' })],
        'no-stream',
      );
      const folded1 = await foldStream<OrganisationState, Parameters<typeof evolveOrganisation>[1]>(
        release1,
        stream,
        evolveOrganisation,
      );
      expect(folded1.state?.names).toEqual([{ name: 'Hartlepool Borough Council', from: '2019-04-01' }]);
      const recordsBefore = await rawRecords(release1);
      const exportBefore = await exportLines(release1);
      const digestBefore = await takeDigest(release1);
      expect(recordsBefore[0]).toContain('"schemaVersion":1');
      expect(recordsBefore[0]).toContain('"name":"Hartlepool Borough Council"');

      // Release 2: the schema changed. The same log, read through the new catalogue.
      const raw = await h.reopen();
      const release2 = withUpcasting(raw, RELEASE_2);

      const folded2 = await foldStream(release2, stream, evolveV2);
      expect(folded2).toEqual({
        state: { id: 'org-1', legalName: 'Hartlepool Borough Council' },
        revision: 0,
      });

      const [read] = await release2.readStream(stream);
      expect(read!.schemaVersion).toBe(2);
      expect(read!.data).not.toHaveProperty('name');
      expect(read!.hash).toBe(recordsBefore[0]!.split(' ')[1]);
      const [fromLog] = (await release2.readAll()).events;
      expect(fromLog!.data.legalName).toBe('Hartlepool Borough Council');
      const [pageEvent] = (await logEventPages(release2).next()).value as StoredEvent[];
      expect(pageEvent!.data.legalName).toBe('Hartlepool Borough Council');
      const [live] = await firstValueFrom(
        release2.subscribe({ pollIntervalMs: 10 }).pipe(take(1), toArray()),
      );
      expect(live!.data).toMatchObject({ legalName: 'Hartlepool Borough Council', organisationId: 'org-1' });

      // A projection, through the runner into a service store, and replayed in memory.
      const service = await ServiceStore.open('sqlite::memory:');
      try {
        await rebuildProjection(release2, service, legalNames);
        const views = await service.loadViews(legalNames.name, ['org-1']);
        expect(views.get('org-1')).toEqual({ legalName: 'Hartlepool Borough Council', schemaVersion: 2 });
      } finally {
        await service.close();
      }
      const [replayed] = await replayInMemory(release2, [legalNames]);
      expect(replayed.get('org-1')).toEqual({
        legalName: 'Hartlepool Borough Council',
        schemaVersion: 2,
      });

      // The log itself is untouched.
      expect((await verifyStore(release2)).ok).toBe(true);
      expect(await rawRecords(raw)).toEqual(recordsBefore);
      expect(await exportLines(release2)).toEqual(exportBefore);
      expect(await takeDigest(release2)).toEqual(digestBefore);

      // New appends are written at version 2 and read as written; the chain still verifies.
      const stream2 = organisationStream('org-2');
      await release2.append(
        stream2,
        [registration('org-2', { legalName: 'Darlington Borough Council' })],
        'no-stream',
      );
      const records = await rawRecords(raw);
      expect(records.slice(0, 1)).toEqual(recordsBefore);
      expect(records[1]).toContain('"schemaVersion":2');
      expect((await foldStream(release2, stream2, evolveV2)).state?.legalName).toBe(
        'Darlington Borough Council',
      );
      expect((await verifyStore(raw)).ok).toBe(true);

      // Release 1 cannot read a version it does not know, and says so rather than misreading it.
      await expect(withUpcasting(raw, EVENT_SCHEMAS).readStream(stream2)).rejects.toThrow(
        /stored at version 2, but this release knows only versions up to 1/,
      );
    } finally {
      await h.dispose();
    }
  });
});

describe('the ledger catalogue', () => {
  it('declares every context event type once, each at version 1 today but those changed since', () => {
    expect(Object.keys(EVENT_SCHEMAS)).toHaveLength(
      [
        REGISTRY_EVENT_SCHEMAS,
        PLAN_EVENT_SCHEMAS,
        GOVERNANCE_EVENT_SCHEMAS,
        FUND_EVENT_SCHEMAS,
        RETURN_EVENT_SCHEMAS,
      ]
        .map((catalogue) => Object.keys(catalogue).length)
        .reduce((a, b) => a + b),
    );
    const changed = Object.entries(EVENT_SCHEMAS).filter(([, schema]) => schema.currentVersion !== 1);
    // FundTransactionPosted 2: a charge keeps the spend; FundFigureStated 2: statedOn (the date a figure was stated)
    expect(changed.map(([type, schema]) => `${type} ${schema.currentVersion}`)).toEqual([
      'FundTransactionPosted 2',
      'FundFigureStated 2',
    ]);
    expect(() => combineCatalogues(EVENT_SCHEMAS, { PlanInitiated: { currentVersion: 1 } })).toThrow(
      /'PlanInitiated' is declared in two catalogues/,
    );
  });

  it('refuses an append at a version newer than this release knows', async () => {
    const store = withUpcasting(new InMemoryEventStore(), EVENT_SCHEMAS);
    await expect(
      store.append('organisation-y', [{ ...registration('8', { name: 'Y' }), schemaVersion: 2 }], 'any'),
    ).rejects.toThrow(/events\[0\]\.schemaVersion: 'OrganisationRegistered' is at version 1/);
    await store.close();
  });
});
