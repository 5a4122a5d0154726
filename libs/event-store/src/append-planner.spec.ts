import { createHash } from 'node:crypto';
import {
  AppendBatchLookups,
  ChainHead,
  ExistingEvent,
  PreparedAppend,
  chainRows,
  encodeChain,
  planAppendBatch,
  prepareAppend,
  recordedAtAfter,
} from './append-planner';
import { IdempotencyConflictError, InvalidRequestError, WrongExpectedRevisionError } from './errors';
import { GENESIS_HASH, decodeRecord, hashRecord } from './event-record';
import { ExpectedRevision } from './event-envelope';
import { LIMITS } from './limits';
import type { Signer } from './signing/signing-keys';

const RECORDED_AT = '2026-11-30T14:00:00.000Z';
const HEAD: ChainHead = { position: 41n, hash: 'a'.repeat(64), signed: false, recordedAt: null };

/** A deterministic stand-in for an Ed25519 key: the "signature" is the SHA-256 of the bytes, so a test can pin it. */
const signer: Signer = {
  keyId: 'ed25519:0123456789abcdef0123456789abcdef',
  role: 'service',
  sign: (bytes) => createHash('sha256').update(bytes).digest('base64'),
};

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function event(n: number, data: Record<string, unknown> = { n }) {
  return {
    eventId: id(n),
    type: 'PersonRegistered',
    data,
    // keys out of order on purpose: the record holds canonical JSON
    metadata: { correlationId: `c-${n}`, actor: { name: 'Ann', id: 'u-1' } },
  };
}

function append(stream: string, ids: number[], expected: ExpectedRevision = 'any'): PreparedAppend {
  return prepareAppend(
    stream,
    ids.map((n) => event(n)),
    expected,
  );
}

const noLookups = (): AppendBatchLookups => ({ streamRevisions: new Map(), existingEvents: new Map() });

describe('planAppendBatch', () => {
  it('writes the same record bytes, hashes and signatures as before (pinned)', () => {
    const plan = planAppendBatch(
      [append('person-1', [1, 2]), append('person-2', [3])],
      { streamRevisions: new Map([['person-1', 4]]), existingEvents: new Map() },
      HEAD,
      RECORDED_AT,
      signer,
    );
    expect(plan.rows.map((row) => row.record)).toEqual([
      `{"eventId":"${id(1)}","stream":"person-1","revision":5,"type":"PersonRegistered","schemaVersion":1,"recordedAt":"${RECORDED_AT}","prevHash":"${'a'.repeat(64)}","metadata":{"actor":{"id":"u-1","name":"Ann"},"correlationId":"c-1"},"data":{"n":1}}`,
      `{"eventId":"${id(2)}","stream":"person-1","revision":6,"type":"PersonRegistered","schemaVersion":1,"recordedAt":"${RECORDED_AT}","prevHash":"${plan.rows[0]!.hash}","metadata":{"actor":{"id":"u-1","name":"Ann"},"correlationId":"c-2"},"data":{"n":2}}`,
      `{"eventId":"${id(3)}","stream":"person-2","revision":0,"type":"PersonRegistered","schemaVersion":1,"recordedAt":"${RECORDED_AT}","prevHash":"${plan.rows[1]!.hash}","metadata":{"actor":{"id":"u-1","name":"Ann"},"correlationId":"c-3"},"data":{"n":3}}`,
    ]);
    expect(plan.rows.map((row) => [row.hash, row.signature])).toEqual([
      [
        '55ff2d137ed828131a96c208fcb14b4f8ced59dfe3538fceb7085c5d1a389dd8',
        'Vf8tE37YKBMalsII/LFLT4ztWd/jU4/OtwhcXRo4ndg=',
      ],
      [
        '73c7f6199497d6641588da86e7a41027dc06583cf2006ee7b7b51a48bb471635',
        'c8f2GZSX1mQViNqG56QQJ9wGWDzyAG7nt7UaSLtHFjU=',
      ],
      [
        'd60914e85423c57d300ac29ec7591e337573f9212a80289abc20d905b5d2326a',
        '1gkU6FQjxX0wCsKex1keM3Vz+SEqgCiavCDZBbXSMmo=',
      ],
    ]);
    expect(plan.rows.map(({ record, hash, signature, ...columns }) => columns)).toEqual([
      {
        position: 42n,
        eventId: id(1),
        stream: 'person-1',
        revision: 5,
        type: 'PersonRegistered',
        recordedAt: RECORDED_AT,
        signer: signer.keyId,
      },
      {
        position: 43n,
        eventId: id(2),
        stream: 'person-1',
        revision: 6,
        type: 'PersonRegistered',
        recordedAt: RECORDED_AT,
        signer: signer.keyId,
      },
      {
        position: 44n,
        eventId: id(3),
        stream: 'person-2',
        revision: 0,
        type: 'PersonRegistered',
        recordedAt: RECORDED_AT,
        signer: signer.keyId,
      },
    ]);
    expect(plan.head).toEqual({
      position: 44n,
      hash: plan.rows[2]!.hash,
      signed: true,
      recordedAt: RECORDED_AT,
    });
    expect(plan.outcomes).toEqual([
      {
        ok: true,
        result: {
          stream: 'person-1',
          firstRevision: 5,
          lastRevision: 6,
          firstPosition: 42n,
          lastPosition: 43n,
          replayed: false,
        },
      },
      {
        ok: true,
        result: {
          stream: 'person-2',
          firstRevision: 0,
          lastRevision: 0,
          firstPosition: 44n,
          lastPosition: 44n,
          replayed: false,
        },
      },
    ]);
  });

  it('chains every record to the one before it and hashes exactly the stored bytes', () => {
    const plan = planAppendBatch(
      [append('s-1', [1, 2, 3]), append('s-2', [4]), append('s-1', [5, 6])],
      noLookups(),
      HEAD,
      RECORDED_AT,
    );
    let previous = HEAD.hash;
    for (const row of plan.rows) {
      expect(decodeRecord(row.record, row.position, row.hash).prevHash).toBe(previous);
      expect(row.hash).toBe(hashRecord(row.record));
      expect(row.signer).toBeNull();
      expect(row.signature).toBeNull();
      previous = row.hash;
    }
    expect(plan.rows.map((row) => [row.position, row.stream, row.revision])).toEqual([
      [42n, 's-1', 0],
      [43n, 's-1', 1],
      [44n, 's-1', 2],
      [45n, 's-2', 0],
      [46n, 's-1', 3],
      [47n, 's-1', 4],
    ]);
    expect(plan.head).toEqual({ position: 47n, hash: previous, signed: false, recordedAt: RECORDED_AT });
  });

  it('replays an append repeated in the same batch, writing its events once', () => {
    const plan = planAppendBatch(
      [append('s-1', [1, 2]), append('s-2', [3]), append('s-1', [1, 2])],
      noLookups(),
      HEAD,
      RECORDED_AT,
    );
    expect(plan.rows).toHaveLength(3);
    expect(plan.outcomes[2]).toEqual({
      ok: true,
      result: {
        stream: 's-1',
        firstRevision: 0,
        lastRevision: 1,
        firstPosition: 42n,
        lastPosition: 43n,
        replayed: true,
      },
    });
  });

  it('refuses an id reused in the same batch for another body, stream or order, and writes the rest', () => {
    const first = append('s-1', [1, 2]);
    const otherBody = prepareAppend('s-1', [event(1, { n: 'changed' }), event(2)], 'any');
    const otherStream = append('s-9', [1, 2]);
    const otherOrder = prepareAppend('s-1', [event(2), event(1)], 'any');
    const partial = append('s-1', [2, 7]);
    const after = append('s-3', [8]);
    const plan = planAppendBatch(
      [first, otherBody, otherStream, otherOrder, partial, after],
      noLookups(),
      HEAD,
      RECORDED_AT,
    );
    const errors = plan.outcomes.slice(1, 5).map((outcome) => (outcome.ok ? undefined : outcome.error));
    for (const error of errors) expect(error).toBeInstanceOf(IdempotencyConflictError);
    expect(errors.map((error) => error?.message)).toEqual([
      expect.stringContaining('with a different body'),
      expect.stringContaining("to stream 's-1'"),
      expect.stringContaining('in a different order'),
      expect.stringContaining('in an append that did not hold all of these events'),
    ]);
    expect(plan.rows.map((row) => [row.position, row.eventId])).toEqual([
      [42n, id(1)],
      [43n, id(2)],
      [44n, id(8)],
    ]);
  });

  it('replays events the store already holds, and refuses a changed body for them', () => {
    const stored: ExistingEvent = {
      eventId: id(1),
      stream: 's-1',
      revision: 0,
      position: 7n,
      contentKey: append('s-1', [1]).events[0]!.contentKey,
    };
    const lookups = (): AppendBatchLookups => ({
      streamRevisions: new Map([['s-1', 0]]),
      existingEvents: new Map([[id(1), stored]]),
    });
    const replay = planAppendBatch([append('s-1', [1], 'no-stream')], lookups(), HEAD, RECORDED_AT);
    expect(replay.rows).toEqual([]);
    expect(replay.head).toBe(HEAD);
    expect(replay.outcomes).toEqual([
      {
        ok: true,
        result: {
          stream: 's-1',
          firstRevision: 0,
          lastRevision: 0,
          firstPosition: 7n,
          lastPosition: 7n,
          replayed: true,
        },
      },
    ]);
    const given = lookups();
    const changed = planAppendBatch(
      [prepareAppend('s-1', [event(1, { n: 2 })], 'any')],
      given,
      HEAD,
      RECORDED_AT,
    );
    expect(changed.outcomes[0]).toMatchObject({ ok: false, error: expect.any(IdempotencyConflictError) });
    expect(given.existingEvents.size).toBe(1); // the caller's maps are not changed
    expect(given.streamRevisions.get('s-1')).toBe(0);
  });

  it('checks each expected revision against the appends planned before it in the batch', () => {
    const plan = planAppendBatch(
      [
        append('s-1', [1], 'no-stream'),
        append('s-1', [2], 0),
        append('s-1', [3], 'no-stream'),
        append('s-1', [4], 1),
      ],
      noLookups(),
      HEAD,
      RECORDED_AT,
    );
    expect(plan.outcomes.map((outcome) => outcome.ok)).toEqual([true, true, false, true]);
    expect(plan.outcomes[2]).toMatchObject({ ok: false, error: expect.any(WrongExpectedRevisionError) });
    expect(plan.rows.map((row) => [row.position, row.revision])).toEqual([
      [42n, 0],
      [43n, 1],
      [44n, 2],
    ]);
  });

  it('fails only the append whose record is too large; the next one takes the positions', () => {
    const big = prepareAppend('s-1', [event(1, { text: 'x'.repeat(LIMITS.recordMaxBytes) })], 'any');
    const plan = planAppendBatch(
      [append('s-1', [2]), big, append('s-1', [3])],
      noLookups(),
      HEAD,
      RECORDED_AT,
    );
    expect(plan.outcomes[1]).toMatchObject({ ok: false, error: expect.any(InvalidRequestError) });
    expect(plan.rows.map((row) => [row.position, row.eventId, row.revision])).toEqual([
      [42n, id(2), 0],
      [43n, id(3), 1],
    ]);
  });

  it('refuses an unsigned append onto a signed head, and a signed batch leaves a signed head', () => {
    const signedHead: ChainHead = { ...HEAD, signed: true };
    const refused = planAppendBatch([append('s-1', [1])], noLookups(), signedHead, RECORDED_AT);
    expect(refused.outcomes[0]).toMatchObject({ ok: false, error: expect.any(InvalidRequestError) });
    expect(refused.rows).toEqual([]);
    expect(refused.head).toBe(signedHead);
    const signed = planAppendBatch([append('s-1', [1])], noLookups(), HEAD, RECORDED_AT, signer);
    expect(signed.head.signed).toBe(true);
    expect(signed.rows[0]!.signature).toBe(signer.sign(signed.rows[0]!.record));
  });
});

describe('recorded times', () => {
  it('recordedAtAfter is the clock, unless the clock is behind the last event: then that instant, as written', () => {
    expect(recordedAtAfter(RECORDED_AT, null)).toBe(RECORDED_AT);
    expect(recordedAtAfter(RECORDED_AT, '2026-11-30T13:59:59.999Z')).toBe(RECORDED_AT);
    expect(recordedAtAfter(RECORDED_AT, '2026-11-30T14:00:00.001Z')).toBe('2026-11-30T14:00:00.001Z');
    expect(recordedAtAfter(RECORDED_AT, '2026-11-30T14:00:00Z')).toBe('2026-11-30T14:00:00Z'); // same instant
  });

  it("a batch planned on a head recorded after the clock is recorded at the head's instant, and leaves it", () => {
    const later = '2026-11-30T15:00:00.000Z';
    const plan = planAppendBatch(
      [append('s-1', [1, 2])],
      noLookups(),
      { ...HEAD, recordedAt: later },
      RECORDED_AT,
    );
    expect(plan.rows.map((row) => row.recordedAt)).toEqual([later, later]);
    expect(plan.rows.map((row) => decodeRecord(row.record, row.position, row.hash).recordedAt)).toEqual([
      later,
      later,
    ]);
    expect(plan.head.recordedAt).toBe(later);
    const onward = planAppendBatch([append('s-2', [3])], noLookups(), plan.head, '2026-11-30T16:00:00.000Z');
    expect(onward.head.recordedAt).toBe('2026-11-30T16:00:00.000Z');
    expect(chainRows(append('s-3', [4]), -1, plan.head, RECORDED_AT)[0]!.recordedAt).toBe(later);
  });
});

describe('chainRows and encodeChain', () => {
  it('build the same records, chainRows numbering them from the head', () => {
    const prepared = append('s-1', [1, 2, 3]);
    const rows = chainRows(prepared, 2, HEAD, RECORDED_AT, signer);
    const encoded = encodeChain(prepared, 2, HEAD.hash, RECORDED_AT, signer);
    expect(rows.map(({ position, ...row }) => row)).toEqual(encoded);
    expect(rows.map((row) => row.position)).toEqual([42n, 43n, 44n]);
    expect(encodeChain(prepared, -1, GENESIS_HASH, RECORDED_AT)[0]!.revision).toBe(0);
  });
});
