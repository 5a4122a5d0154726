import { recordChain } from './record-chain.fixtures';
import { ChainVerifier, VerifiableRow } from './chain-verifier';
import { hashRecord } from './event-record';
import { LogDigest } from './log-digest';
import { LogVerifier } from './verify-log';

function chain(count: number, firstPosition = 1n): VerifiableRow[] {
  return recordChain(count, { firstPosition });
}

function verify(
  rows: VerifiableRow[],
  options: Partial<ConstructorParameters<typeof ChainVerifier>[0]> = {},
) {
  const verifier = new ChainVerifier({ contiguousPositions: true, firstPosition: 1n, ...options });
  for (const row of rows) if (!verifier.check(row)) break;
  return verifier.finish();
}

describe('chain verifier', () => {
  it('accepts an intact chain and reports its head', () => {
    const rows = chain(5);
    expect(verify(rows)).toMatchObject({
      ok: true,
      eventsChecked: 5,
      lastPosition: 5n,
      lastHash: rows[4]!.hash,
    });
  });

  it('reports a missing first event, a gap, a repeat and a record that is not an event', () => {
    const rows = chain(5);
    expect(verify(rows.slice(1)).firstBreak).toMatchObject({ kind: 'gap', position: 2n });
    expect(verify(rows.slice(1), { firstPosition: undefined }).firstBreak).toMatchObject({
      kind: 'broken-link',
      position: 2n,
    });
    expect(verify([rows[0]!, rows[2]!]).firstBreak).toMatchObject({ kind: 'gap', position: 3n });
    expect(verify([rows[0]!, rows[1]!, rows[1]!]).firstBreak).toMatchObject({
      kind: 'out-of-order',
      position: 2n,
    });
    const junk = '{"not":"an event"}';
    expect(verify([{ position: 1n, record: junk, hash: hashRecord(junk) }]).firstBreak).toMatchObject({
      kind: 'malformed',
    });
  });

  it('allows gaps where positions are not contiguous (EventStoreDB)', () => {
    const rows = chain(3).map((row, i) => ({ ...row, position: BigInt(i * 10 + 7) }));
    expect(verify(rows, { contiguousPositions: false, firstPosition: undefined }).ok).toBe(true);
  });

  it('matches a digest by position, hash and count, and reports a log that ends before it (LogVerifier)', () => {
    const rows = chain(6);
    const digest = { position: 4n, hash: rows[3]!.hash, recordedAt: '', eventCount: 4n };
    const withDigest = (log: VerifiableRow[], digests: LogDigest[]) => {
      const verifier = new LogVerifier({ contiguousPositions: true, firstPosition: 1n }, digests);
      for (const row of log) if (!verifier.check(row)) break;
      return verifier.finish();
    };
    expect(withDigest(rows, [digest])).toMatchObject({ ok: true, digest: { position: 4n, matched: true } });
    expect(withDigest(rows.slice(0, 3), [digest]).firstBreak).toMatchObject({
      kind: 'truncated',
      position: 4n,
    });
    expect(withDigest(rows, [{ ...digest, hash: rows[2]!.hash }]).firstBreak).toMatchObject({
      kind: 'digest-mismatch',
    });
    expect(withDigest(rows, [{ ...digest, eventCount: 5n }]).firstBreak).toMatchObject({
      kind: 'digest-mismatch',
    });
    // the event at the digest's position is missing: the log goes on past it
    const skipped = chain(6).map((row, i) => ({ ...row, position: BigInt(i * 10 + 7) }));
    const atGap = { position: 20n, hash: rows[1]!.hash, recordedAt: '', eventCount: 2n };
    expect(
      (() => {
        const verifier = new LogVerifier({ contiguousPositions: false }, [atGap]);
        for (const row of skipped) if (!verifier.check(row)) break;
        return verifier.finish().firstBreak;
      })(),
    ).toMatchObject({ kind: 'digest-mismatch', position: 20n });
  });
});
