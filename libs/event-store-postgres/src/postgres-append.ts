import { Pool, PoolClient } from 'pg';
import {
  AppendBatchPlan,
  AppendOutcome,
  ChainHead,
  decodeRecord,
  ExistingEvent,
  existingEvent,
  GENESIS_HASH,
  planAppendBatch,
  PreparedAppend,
  Signer,
  StorageFullError,
} from '@bcl/event-store';
import { APPEND_FUNCTION, installAppendFunction } from './postgres-schema';

/** What a plan is made from: the chain head, every named stream's revision (-1: none), the stored ids known. */
interface Beliefs {
  head: ChainHead;
  streamRevisions: Map<string, number>;
  existingEvents: Map<string, ExistingEvent>;
}

/** How many autocommit calls an append batch makes before it plans under the lock (another writer is busy). */
export const OPTIMISTIC_APPEND_CALLS = 3;
/** Streams whose revision a writer remembers (least recently used forgotten first). */
export const STREAM_REVISION_CACHE_SIZE = 10_000;

/** A stream's last revision as this writer last saw it; a hint the append function checks, never trusted alone. */
export class StreamRevisionCache {
  private readonly revisions = new Map<string, number>();

  constructor(private readonly capacity = STREAM_REVISION_CACHE_SIZE) {}

  get(stream: string): number | undefined {
    const revision = this.revisions.get(stream);
    if (revision !== undefined) {
      this.revisions.delete(stream);
      this.revisions.set(stream, revision);
    }
    return revision;
  }

  set(stream: string, revision: number): void {
    this.revisions.delete(stream);
    this.revisions.set(stream, revision);
    if (this.revisions.size > this.capacity) this.revisions.delete(this.revisions.keys().next().value!);
  }

  get size(): number {
    return this.revisions.size;
  }
}

type Queryable = Pick<PoolClient, 'query'>;

/**
 * Appends a batch in one round trip in the common case: it plans from what this writer believes (the head it
 * last wrote or saw, with its recordedAt, the revisions of streams it remembers, no id of the batch stored) and
 * calls the append function once, autocommit; the function writes only if every belief holds under the lock and
 * the batch is recorded no earlier than the head. When not (another writer moved the log, perhaps with a clock
 * ahead of this one, or a stream unknown here exists), the function returns the facts and the batch is planned
 * again from them, recorded no earlier than the head found. After a few misses the batch is planned under the lock in a transaction, which
 * always succeeds. Beliefs are updated only from a call that wrote.
 */
export class PostgresAppender {
  private head: ChainHead;
  private readonly revisions = new StreamRevisionCache();
  private functionReady: boolean;
  private readonly call: string;
  private readonly callName: string;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly location: string,
    private readonly firstPosition: bigint,
    private readonly clock: () => Date,
    private readonly signer: Signer | undefined,
    functionReady: boolean,
    private readonly optimisticCalls = OPTIMISTIC_APPEND_CALLS,
  ) {
    this.functionReady = functionReady;
    this.head = this.emptyHead();
    this.call = `SELECT * FROM "${schema}".${APPEND_FUNCTION}($1, $2, $3, $4, $5, $6, $7, $8)`;
    this.callName = `${APPEND_FUNCTION}:${schema}`;
  }

  /** Writes what it can of the batch; outcomes in the batch's order. Throws when nothing could be decided. */
  async commit(appends: PreparedAppend[]): Promise<{ outcomes: AppendOutcome[]; wrote: boolean }> {
    try {
      await this.ensureFunction();
      try {
        return await this.commitOnce(appends);
      } catch (error) {
        // 42883 undefined_function: the function went after this store opened (a schema restored from an
        // older dump): the call wrote nothing; create it again, once.
        if ((error as { code?: unknown }).code !== '42883') throw error;
        this.functionReady = false;
        await this.ensureFunction();
        return await this.commitOnce(appends);
      }
    } catch (error) {
      // 53100 disk_full is an ERROR, which aborts the statement's transaction: nothing was written.
      if ((error as { code?: unknown }).code === '53100')
        throw new StorageFullError(this.location, error as Error);
      throw error;
    }
  }

  private async commitOnce(appends: PreparedAppend[]) {
    let beliefs = this.believed(appends);
    for (let call = 0; call < this.optimisticCalls; call += 1) {
      const plan = this.plan(appends, beliefs);
      const facts = await this.tryAppend(this.pool, appends, beliefs, plan);
      if (!facts) return this.wrote(beliefs, plan);
      beliefs = facts;
    }
    return this.commitUnderLock(appends, beliefs);
  }

  /** The same calls in a transaction holding the lock: the facts a miss returns cannot change before the next. */
  private async commitUnderLock(appends: PreparedAppend[], believed: Beliefs) {
    const client = await this.pool.connect();
    try {
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(hashtext('bcl-append:${this.schema}'))`);
      let beliefs = believed;
      let plan = this.plan(appends, beliefs);
      const facts = await this.tryAppend(client, appends, beliefs, plan);
      if (facts) {
        beliefs = facts;
        plan = this.plan(appends, beliefs);
        if (await this.tryAppend(client, appends, beliefs, plan)) {
          throw new Error('the log changed while this writer held the append lock');
        }
      }
      await client.query('COMMIT');
      return this.wrote(beliefs, plan);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private plan(appends: PreparedAppend[], beliefs: Beliefs): AppendBatchPlan {
    return planAppendBatch(appends, beliefs, beliefs.head, this.clock().toISOString(), this.signer);
  }

  /** One call of the append function: undefined when it wrote the plan, else the facts it found. */
  private async tryAppend(
    db: Queryable,
    appends: PreparedAppend[],
    beliefs: Beliefs,
    plan: AppendBatchPlan,
  ): Promise<Beliefs | undefined> {
    const streams = [...beliefs.streamRevisions.keys()];
    const empty = beliefs.head.hash === GENESIS_HASH;
    const result = await db.query<unknown[]>({
      name: this.callName,
      text: this.call,
      rowMode: 'array',
      values: [
        empty ? null : beliefs.head.position.toString(),
        empty ? null : beliefs.head.hash,
        streams,
        streams.map((stream) => beliefs.streamRevisions.get(stream)!),
        appends.flatMap((append) => append.events.map((event) => event.eventId)),
        [...beliefs.existingEvents.keys()],
        JSON.stringify(
          plan.rows.map((row) => ({
            p: row.position.toString(),
            i: row.eventId,
            s: row.stream,
            r: row.revision,
            t: row.type,
            a: row.recordedAt,
            c: row.record,
            h: row.hash,
            k: row.signer,
            g: row.signature,
          })),
        ),
        plan.rows[0]?.recordedAt ?? null, // the batch's one recordedAt, checked against the head's
      ],
    });
    if (result.rows[0]?.[0] === 'ok') return undefined;
    return this.factsOf(streams, result.rows as LookupRow[]);
  }

  private factsOf(streams: string[], rows: LookupRow[]): Beliefs {
    const streamRevisions = new Map(streams.map((stream) => [stream, -1]));
    const existingEvents = new Map<string, ExistingEvent>();
    let head = this.emptyHead();
    for (const [kind, stream, revision, position, hash, record, eventId, signed, recordedAt] of rows) {
      if (kind === 'revision') streamRevisions.set(stream!, revision!);
      else if (kind === 'head')
        head = { position: BigInt(position!), hash: hash!, signed: signed === true, recordedAt: recordedAt! };
      else existingEvents.set(eventId!, existingEvent(decodeRecord(record!, BigInt(position!), hash!)));
    }
    return { head, streamRevisions, existingEvents };
  }

  /** What this writer believes before the first call: its cached head and revisions, no id of the batch stored. */
  private believed(appends: PreparedAppend[]): Beliefs {
    const streamRevisions = new Map<string, number>();
    for (const append of appends) {
      if (!streamRevisions.has(append.stream))
        streamRevisions.set(append.stream, this.revisions.get(append.stream) ?? -1);
    }
    return { head: this.head, streamRevisions, existingEvents: new Map() };
  }

  /** Remembers what a successful call left behind: the new head and the revisions of the batch's streams. */
  private wrote(beliefs: Beliefs, plan: AppendBatchPlan) {
    const revisions = new Map(beliefs.streamRevisions);
    for (const row of plan.rows) revisions.set(row.stream, row.revision);
    for (const [stream, revision] of revisions) if (revision >= 0) this.revisions.set(stream, revision);
    this.head = plan.head;
    return { outcomes: plan.outcomes, wrote: plan.rows.length > 0 };
  }

  private emptyHead(): ChainHead {
    return { position: this.firstPosition - 1n, hash: GENESIS_HASH, signed: false, recordedAt: null };
  }

  /** A store opened with `mustExist` creates the append function on its first append (under the schema lock). */
  private async ensureFunction(): Promise<void> {
    if (this.functionReady) return;
    try {
      await installAppendFunction(this.pool, this.schema);
    } catch (error) {
      throw new Error(
        `cannot append to the PostgreSQL store at ${this.location}: its append function ${APPEND_FUNCTION} is missing and could not be created (${(error as Error).message}); open it once as a writer to create it`,
      );
    }
    this.functionReady = true;
  }
}

type LookupRow = [
  kind: 'revision' | 'event' | 'head',
  stream: string | null,
  revision: number | null,
  position: string | null,
  hash: string | null,
  record: string | null,
  eventId: string | null,
  signed: boolean | null,
  recordedAt: string | null,
];
