import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { takeDigest, verifyConsistency, verifyInclusion } from '@bcl/event-store';
import { RunningApi, startApi } from '../support/api-app';
import { withEventStore } from '../support/durable-stores';
import { readWholeLog } from '../support/read-log';

describe('GET /api/log/proofs: Merkle proofs for auditors', () => {
  let dir: string;
  let store: string;
  let api: RunningApi;
  let auditor: string;
  const get = (path: string, token = auditor) => api.http().get(path).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-api-proofs-'));
    store = `sqlite:${join(dir, 'ledger.db')}`;
    api = await startApi(store, { demoData: true });
    auditor = await api.token('auditor', 'auditor-1');
  }, 120_000);
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("proves an approval in the log of a digest's tree size, and the proof leads to that digest's root", async () => {
    const { digest, approval } = await withEventStore(store, async (events) => ({
      digest: (await takeDigest(events))!,
      approval: (await readWholeLog(events)).find((event) => event.type === 'ApprovalRecorded')!,
    }));
    const treeSize = Number(digest.treeSize);
    const response = await get(
      `/api/log/proofs/inclusion?position=${approval.position}&treeSize=${treeSize}`,
    ).expect(200);
    const proof = response.body as Record<string, unknown> & { path: string[] };
    expect(proof).toMatchObject({
      format: 'bcl-inclusion-proof/1',
      position: approval.position.toString(),
      eventHash: approval.hash,
      treeSize: String(treeSize),
      root: digest.root,
      event: { position: approval.position.toString(), hash: approval.hash },
    });
    expect(
      verifyInclusion(approval.hash, Number(proof.leafIndex), treeSize, proof.path, digest.root),
    ).toBeNull();

    const consistency = await get(`/api/log/proofs/consistency?from=10&to=${treeSize}`).expect(200);
    const body = consistency.body as { fromRoot: string; toRoot: string; path: string[] };
    expect(body.toRoot).toBe(digest.root);
    expect(verifyConsistency(10, treeSize, body.fromRoot, digest.root, body.path)).toBeNull();
  });

  it('refuses other roles, malformed queries, and sizes the log does not have', async () => {
    const finance = await api.token('finance-officer', 'finance-1');
    await get('/api/log/proofs/inclusion?position=1&treeSize=1', finance).expect(403);
    await get('/api/log/proofs/inclusion?position=x&treeSize=1').expect(400);
    await get('/api/log/proofs/inclusion?position=1&treeSize=0').expect(400);
    await get('/api/log/proofs/consistency?from=3&to=2').expect(400);
    await get('/api/log/proofs/inclusion?position=1&treeSize=4000000').expect(404);
    await get('/api/log/proofs/inclusion?position=999999&treeSize=5').expect(404);
    // an EventStoreDB position (commit × 2^64 + prepare) runs to 39 digits: a well-formed query, no such event
    const esdbPosition = (10n ** 6n * 2n ** 64n + 3n).toString();
    await get(`/api/log/proofs/inclusion?position=${esdbPosition}&treeSize=5`).expect(404);
    await get(`/api/log/proofs/inclusion?position=${'9'.repeat(41)}&treeSize=5`).expect(400);
  });
});
