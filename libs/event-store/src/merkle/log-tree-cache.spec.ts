import { VerifiableRow } from '../chain-verifier';
import { GENESIS_HASH, encodeRecord, hashRecord } from '../event-record';
import { EventStore, RawPage } from '../event-store.port';
import { LogTreeCache } from './log-tree-cache';
import { MerkleTree } from './merkle-tree';
import { verifyConsistency, verifyInclusion } from './merkle-verify';

/** A log of rows with gaps in its positions, as large as EventStoreDB's (commit × 2^64 + prepare), readable as raw pages. */
function fakeStore(rows: VerifiableRow[]): EventStore & { reads: number } {
  const store = {
    reads: 0,
    description: {
      kind: 'esdb',
      location: 'test',
      contiguousPositions: false,
      globallyUniqueEventIds: false,
    },
    readRaw: async (after: bigint | undefined, maxCount: number): Promise<RawPage> => {
      store.reads += 1;
      const from = rows.filter((row) => after === undefined || row.position > after);
      const page = from.slice(0, Math.min(maxCount, 7)).map((row) => ({ ...row }));
      return { rows: page, lastPosition: page.at(-1)?.position ?? after, isEnd: page.length === from.length };
    },
  };
  return store as unknown as EventStore & { reads: number };
}

const COMMIT = 2n ** 64n;

/** The position of the n-th event: beyond 64 bits, as EventStoreDB's. */
function at(n: number): bigint {
  return BigInt(n * 10) * COMMIT + 3n;
}

function append(rows: VerifiableRow[], count: number): void {
  for (let i = 0; i < count; i += 1) {
    const prevHash = rows.at(-1)?.hash ?? GENESIS_HASH;
    const n = rows.length;
    const record = encodeRecord(
      {
        eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        stream: 's',
        revision: n,
        type: 'T',
        schemaVersion: 1,
        recordedAt: '2026-01-01T00:00:00.000Z',
        prevHash,
      },
      '{"actor":{"id":"a"},"correlationId":"c"}',
      `{"i":${n}}`,
    );
    rows.push({ position: at(n), hash: hashRecord(record), record });
  }
}

describe('the log tree kept by a long-running process', () => {
  it('reads only what was appended since, and its proofs verify against the roots of the log as it grew', async () => {
    const rows: VerifiableRow[] = [];
    append(rows, 20);
    const store = fakeStore(rows);
    const cache = new LogTreeCache(store);
    const first = await cache.inclusion(at(5), 20);
    expect(first.proof).toMatchObject({ leafIndex: 5, treeSize: 20, eventHash: rows[5]!.hash });
    expect(first.event).toEqual({ position: at(5).toString(), hash: rows[5]!.hash, record: rows[5]!.record });
    const reference = MerkleTree.of(rows.map((row) => row.hash));
    expect(first.root).toBe(reference.root());
    expect(verifyInclusion(rows[5]!.hash, 5, 20, first.proof.path, reference.root())).toBeNull();

    append(rows, 15);
    const readsBefore = store.reads;
    const later = await cache.consistency(20, 35);
    expect(store.reads - readsBefore).toBeLessThanOrEqual(4); // 15 new events in pages of 7, plus the proof's
    const grown = MerkleTree.of(rows.map((row) => row.hash));
    expect(verifyConsistency(20, 35, reference.root(), grown.root(), later.proof.path)).toBeNull();
    await expect(cache.inclusion(at(5) + 1n, 20)).rejects.toThrow(`no event at position ${at(5) + 1n}`);
    await expect(cache.inclusion(at(0), 36)).rejects.toThrow(/holds 35 events, fewer than the tree size 36/);
  });

  it('refuses an appended event that breaks the chain, and an event rewritten since it was read', async () => {
    const rows: VerifiableRow[] = [];
    append(rows, 10);
    const cache = new LogTreeCache(fakeStore(rows));
    expect((await cache.inclusion(at(0), 10)).proof.leafIndex).toBe(0);
    rows[4] = { ...rows[4]!, record: rows[4]!.record.replace('"i":4', '"i":9'), hash: 'f'.repeat(64) };
    await expect(cache.inclusion(at(4), 10)).rejects.toThrow(/is not the one first read there/);
    append(rows, 1);
    rows[10] = { ...rows[10]!, hash: hashRecord(rows[10]!.record.replace('"i":10', '"i":11')) };
    await expect(cache.inclusion(at(0), 11)).rejects.toThrow(/does not verify/);
    expect((await cache.inclusion(at(1), 10)).proof.leafIndex).toBe(1);
  });
});
