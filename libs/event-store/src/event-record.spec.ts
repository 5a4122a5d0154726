import { recordChain } from './record-chain.fixtures';
import { ChainVerifier } from './chain-verifier';
import { PREV_HASH_KEY, hashRecord, recordPrefix, startsWithRecordPrefix } from './event-record';

describe('startsWithRecordPrefix (the index-column check, compared in place)', () => {
  const ids = ['00000000-0000-4000-8000-000000000001', 'a"b', 'a\\b', 'tab\there', 'é', '😀', '\ud800', ''];
  const streams = ['fund-kent-2017-18', 'x', 'q"uote', 'line\u2028sep', 'nul\u0000', '\udc00lone'];
  const revisions = [0, 1, 12, 120];

  it('says exactly what startsWith(recordPrefix(…)) says, for every id, stream and revision against every record', () => {
    const records: string[] = [];
    for (const id of ids)
      for (const stream of streams)
        for (const revision of revisions) records.push(`${recordPrefix(id, stream, revision)}"type":"T"}`);
    // near misses: cut short, an id or stream escaped differently (same JSON, other bytes), no comma after revision
    records.push(
      '{"eventId":"00000000-0000-4000-8000-000000000001","stream":"x","revision":1',
      '{"eventId":"00000000-0000-4000-8000-00000000000\\u0031","stream":"x","revision":1,',
      '{"eventId":"00000000-0000-4000-8000-000000000001","stream":"\\u0078","revision":1,',
      '{"eventId":"00000000-0000-4000-8000-000000000001","stream":"x","revision":1}',
      '{"eventId": "00000000-0000-4000-8000-000000000001","stream":"x","revision":1,',
      '',
    );
    const disagreements: unknown[] = [];
    let matched = 0;
    for (const record of records)
      for (const id of ids)
        for (const stream of streams)
          for (const revision of revisions) {
            const expected = record.startsWith(recordPrefix(id, stream, revision));
            if (startsWithRecordPrefix(record, id, stream, revision) !== expected)
              disagreements.push({ record, id, stream, revision, expected });
            if (expected) matched += 1;
          }
    expect(disagreements).toEqual([]);
    // each generated record matches its own columns (and "revision":1 is not "revision":12)
    expect(matched).toBe(ids.length * streams.length * revisions.length);
  });
});

describe('the chain verifier reading prevHash in place', () => {
  const verify = (records: string[]) => {
    const verifier = new ChainVerifier({ contiguousPositions: true, firstPosition: 1n });
    records.every((record, i) =>
      verifier.check({ position: BigInt(i + 1), record, hash: hashRecord(record) }),
    );
    return verifier.finish();
  };

  it('calls a prevHash cut short malformed, and one that differs in its last character a broken link', () => {
    const [first, second] = recordChain(2).map((row) => row.record);
    const at = second!.indexOf(PREV_HASH_KEY) + PREV_HASH_KEY.length;
    expect(verify([first!, second!]).ok).toBe(true);
    // still an event record ({…}), its prevHash 62 characters: the length check, not the record's shape, names it
    const cut = `${second!.slice(0, at + 62)}}`;
    expect(verify([first!, cut]).firstBreak).toMatchObject({
      kind: 'malformed',
      position: 2n,
      message: 'position 2: the stored record names no previous hash',
    });
    const last = second![at + 63] === '0' ? '1' : '0';
    const changed = second!.slice(0, at + 63) + last + second!.slice(at + 64);
    expect(verify([first!, changed]).firstBreak).toMatchObject({ kind: 'broken-link', position: 2n });
    const noKey = second!.replace(PREV_HASH_KEY, ',"prevHashes":"');
    expect(verify([first!, noKey]).firstBreak).toMatchObject({ kind: 'malformed', position: 2n });
  });

  it('calls a revision column of 1 beside a record of revision 12 an index mismatch', () => {
    const rows = recordChain(13);
    const verifier = new ChainVerifier({ contiguousPositions: true, firstPosition: 1n });
    for (const row of rows.slice(0, 12))
      verifier.check({
        ...row,
        eventId: eventIdOf(row.record),
        stream: 's',
        revision: Number(row.position) - 1,
      });
    const last = rows[12]!;
    verifier.check({ ...last, eventId: eventIdOf(last.record), stream: 's', revision: 1 });
    expect(verifier.finish()).toMatchObject({
      eventsChecked: 12,
      firstBreak: { kind: 'index-mismatch', position: 13n },
    });
  });
});

function eventIdOf(record: string): string {
  return (JSON.parse(record) as { eventId: string }).eventId;
}
