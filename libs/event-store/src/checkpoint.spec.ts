import { recordChain } from './record-chain.fixtures';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VerifiableRow } from './chain-verifier';
import {
  Checkpoint,
  checkpointFromObject,
  checkpointToJson,
  digestOrCheckpointFromJson,
  signCheckpoint,
  verifyCheckpoint,
} from './checkpoint';
import { CheckpointWriter } from './checkpoint-writer';
import { LogDigest, TreeDigest, digestFromJson, digestToJson } from './log-digest';
import { describeAlteredRange } from './merkle/digest-checker';
import { MerkleTree } from './merkle/merkle-tree';
import { generateSigningKey, keyringOf, signerFromKeyFile } from './signing/signing-keys';
import { LogVerifier } from './verify-log';

/** A chain of `count` events; from `rewriteFrom` on, the data differ and the chain is re-hashed consistently. */
function chain(count: number, rewriteFrom = Infinity): VerifiableRow[] {
  return recordChain(count, { data: (i) => `{"i":${i + 1 >= rewriteFrom ? -i : i}}` });
}

function digestAt(rows: VerifiableRow[], count: number): TreeDigest {
  const head = rows[count - 1]!;
  const tree = MerkleTree.of(rows.slice(0, count).map((row) => row.hash));
  return {
    position: head.position,
    hash: head.hash,
    recordedAt: '2026-01-01T00:00:00.000Z',
    eventCount: BigInt(count),
    treeSize: BigInt(count),
    root: tree.root(),
  };
}

function verify(rows: VerifiableRow[], digests: LogDigest[]) {
  const verifier = new LogVerifier({ contiguousPositions: true, firstPosition: 1n }, digests);
  for (const row of rows) if (!verifier.check(row)) break;
  return verifier.finish();
}

const key = (role: 'checkpoint' | 'service', from = '2026-01-01T00:00:00.000Z') => {
  const { keyFile, entry } = generateSigningKey(role, 'test', from);
  return { signer: signerFromKeyFile(keyFile), entry };
};

describe('digests with a tree head (bcl-digest/2)', () => {
  const rows = chain(12);

  it('round-trip, and a bcl-digest/1 file still parses (without a tree head)', () => {
    const digest = digestAt(rows, 12);
    const json = digestToJson(digest, '2026-02-01T00:00:00.000Z');
    expect(json).toMatchObject({ format: 'bcl-digest/2', treeSize: '12', root: digest.root });
    expect(digestFromJson(JSON.stringify(json))).toEqual(digest);
    const v1 = { ...json, format: 'bcl-digest/1', treeSize: undefined, root: undefined };
    expect(digestFromJson(JSON.stringify(v1))).toEqual({ ...digest, treeSize: undefined, root: undefined });
    expect(() => digestFromJson(JSON.stringify({ ...json, treeSize: '11' }))).toThrow(/no valid treeSize/);
    expect(() => digestFromJson(JSON.stringify({ ...json, root: 'AB' }))).toThrow(/no valid root/);
    expect(() => digestFromJson('{"format":"x"}')).toThrow(/is not bcl-digest\/1 or bcl-digest\/2/);
  });

  it('verification checks the root: a digest whose root is not the log’s fails though its head matches', () => {
    expect(verify(rows, [digestAt(rows, 12)])).toMatchObject({ ok: true, digest: { matched: true } });
    const forged = { ...digestAt(rows, 12), root: digestAt(rows, 11).root };
    expect(verify(rows, [forged]).firstBreak).toMatchObject({
      kind: 'digest-mismatch',
      position: 12n,
      message: expect.stringMatching(/root of the first 12 events is not the digest's root/),
    });
  });

  it('a consistent rewrite is placed between the last digest that holds and the first that does not', () => {
    const original = chain(30);
    const rewritten = chain(30, 14); // events 14.. rewritten, chain re-hashed: self-consistent
    expect(verify(rewritten, [])).toMatchObject({ ok: true });
    const digests = [5, 10, 15, 20].map((n) => digestAt(original, n));
    const report = verify(rewritten, digests);
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({
      kind: 'digest-mismatch',
      position: 15n,
      message: 'position 15: this is not the event the digest covers: the log was rewritten',
    });
    expect(report.alteredRange).toEqual({ from: 11n, to: 15n, since: 10n });
    expect(describeAlteredRange(report.alteredRange!)).toBe(
      'the digest at position 10 still holds, so the first altered event is among positions 11 to 15',
    );
    expect(report.digests!.map((d) => d.matched)).toEqual([true, true, false, false]);
    // one digest alone can only say "at or before" it
    const alone = verify(rewritten, [digests[3]!]);
    expect(alone.alteredRange).toEqual({ from: 1n, to: 20n, since: null });
    expect(describeAlteredRange(alone.alteredRange!)).toBe(
      'the first altered event is at or before position 20',
    );
  });

  it('a log that ends before a digest is truncated at the digest’s position', () => {
    const report = verify(rows.slice(0, 8), [digestAt(rows, 5), digestAt(rows, 10)]);
    expect(report.firstBreak).toMatchObject({ kind: 'truncated', position: 10n });
  });
});

describe('signed checkpoints (bcl-checkpoint/1)', () => {
  const rows = chain(7);
  const digest = digestAt(rows, 7);
  const { signer, entry } = key('checkpoint');
  const keyring = keyringOf([entry]);
  const takenAt = '2026-03-01T10:00:00.000Z';
  const json = checkpointToJson(signCheckpoint(digest, signer, takenAt));
  const parse = (value: Record<string, unknown>) => checkpointFromObject(value);

  it('verify offline against the keyring and stand for their digest', () => {
    expect(json).toMatchObject({ format: 'bcl-checkpoint/1', treeSize: '7', keyId: signer.keyId });
    expect(verifyCheckpoint(parse(json), keyring)).toEqual(digest);
    const read = digestOrCheckpointFromJson(JSON.stringify(json), keyring, digestFromJson);
    expect(read.digest).toEqual(digest);
    expect(() => digestOrCheckpointFromJson(JSON.stringify(json), undefined, digestFromJson)).toThrow(
      /--keyring/,
    );
  });

  it('are verified only once parsed: JSON with a digest field of its own is refused, not trusted', () => {
    // the same text is signed, so a digest of strings would pass the signature and come back unparsed
    const unparsed = { ...json, digest: digestToJson(digest, takenAt) } as unknown as Checkpoint;
    expect(() => verifyCheckpoint(unparsed, keyring)).toThrow(
      'verifyCheckpoint takes a parsed checkpoint (checkpointFromObject), not its JSON',
    );
  });

  it('fail when edited, signed by another or a non-checkpoint key, or taken while the key was not in use', () => {
    for (const field of ['treeSize', 'root', 'position', 'hash', 'recordedAt', 'takenAt'] as const) {
      const edited = { ...json };
      edited[field] =
        field === 'treeSize'
          ? '6'
          : field.endsWith('At')
            ? '2026-03-02T00:00:00.000Z'
            : field === 'position'
              ? '6'
              : digestAt(rows, 6).root;
      expect(() => verifyCheckpoint(parse(edited), keyring)).toThrow(/signature does not hold/);
    }
    expect(() => verifyCheckpoint(parse(json), keyringOf([key('checkpoint').entry]))).toThrow(
      /does not hold/,
    );
    const service = key('service');
    expect(() => signCheckpoint(digest, service.signer, takenAt)).toThrow(/checkpoint key/);
    const byService = { ...json, keyId: service.signer.keyId };
    expect(() => verifyCheckpoint(parse(byService), keyringOf([entry, service.entry]))).toThrow(
      /as a service key/,
    );
    const retired = keyringOf([{ ...entry, until: '2026-02-01T00:00:00.000Z' }]);
    expect(() => verifyCheckpoint(parse(json), retired)).toThrow(/not in use/);
    expect(() => checkpointFromObject({ ...json, signature: 1 })).toThrow(/no valid signature/);
  });

  it('are written atomically to checkpoint-<treeSize>.json, and never overwritten', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bcl-checkpoints-'));
    try {
      const writer = new CheckpointWriter({ dir, signer, now: () => new Date(takenAt) });
      expect(writer.writeDigest(digest)).toMatchObject({ written: true, treeSize: 7n });
      expect(writer.writeDigest(digest)).toMatchObject({ written: false });
      expect(readdirSync(dir)).toEqual(['checkpoint-7.json']);
      const written = JSON.parse(readFileSync(join(dir, 'checkpoint-7.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(verifyCheckpoint(parse(written), keyring)).toEqual(digest);
      expect(() => new CheckpointWriter({ dir, signer: key('service').signer })).toThrow(/checkpoint key/);
      // another writer's checkpoint of the same size, made after the check for it and before the write
      const raced = join(dir, 'checkpoint-6.json');
      const racing = new CheckpointWriter({
        dir,
        signer,
        now: () => (writeFileSync(raced, "the other writer's\n"), new Date(takenAt)),
      });
      expect(racing.writeDigest(digestAt(rows, 6))).toMatchObject({ written: false, treeSize: 6n });
      expect(readFileSync(raced, 'utf8')).toBe("the other writer's\n");
      expect(readdirSync(dir).sort()).toEqual(['checkpoint-6.json', 'checkpoint-7.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
