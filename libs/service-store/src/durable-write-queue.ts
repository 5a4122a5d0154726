import type { SqlConnection } from './sql-connection';

/** The statements a queued write may run: inside its batch's transaction (and its own savepoint). */
export type WriteStatements = Pick<SqlConnection, 'dialect' | 'location' | 'query'>;

/** One durable write: its statements, run inside the batch's transaction. */
export type DurableWrite<T> = (tx: WriteStatements) => Promise<T>;

/** At most this many writes share one transaction (one fsync); more wait for the next. */
export const SERVICE_WRITES_PER_COMMIT_MAX = 256;

interface Pending {
  write: DurableWrite<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** A write's outcome inside its batch, known before the batch commits. */
type Outcome = { ok: true; value: unknown } | { ok: false; error: Error };

/**
 * Group commit for the service store, as the event store's GroupCommitQueue does for appends: writes submitted
 * while a batch is being committed wait, then go together in the next transaction, so one fsync serves many
 * requests. Each caller's promise settles only after its batch has committed (an acknowledged write is durable);
 * in a batch of several, each write runs in a savepoint of its own, so a failing write is undone and rejects its
 * own caller while the others commit. A batch whose commit fails rejects all of its writes (none is durable).
 * `beforeBatch` runs as each batch is formed: another queue (the access log) may submit to join that commit.
 */
export class DurableWriteQueue {
  private readonly pending: Pending[] = [];
  private draining: Promise<void> | null = null;
  private closed = false;
  /** Transactions committed (or attempted) so far: how tests tell that writes shared commits. */
  commits = 0;
  beforeBatch: (() => void) | null = null;

  constructor(private readonly sql: SqlConnection) {}

  /**
   * `first`: ahead of the writes waiting (the access log's, whose PostgreSQL advisory lock is then taken before
   * any row lock of the batch, so two processes' batches cannot deadlock on the two).
   */
  submit<T>(write: DurableWrite<T>, options: { first?: boolean } = {}): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the service store is closed'));
    return new Promise<T>((resolve, reject) => {
      const item = { write, resolve: resolve as (value: unknown) => void, reject };
      if (options.first) this.pending.unshift(item);
      else this.pending.push(item);
      if (!this.draining) this.draining = new Promise((done) => setImmediate(() => void this.drain(done)));
    });
  }

  /** Resolves once every write submitted so far has committed or failed. */
  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Refuses new writes and waits for those already submitted. */
  async close(): Promise<void> {
    this.closed = true;
    await this.settled();
  }

  private async drain(done: () => void): Promise<void> {
    try {
      for (;;) {
        this.beforeBatch?.();
        if (this.pending.length === 0) break;
        await this.commitBatch(this.pending.splice(0, SERVICE_WRITES_PER_COMMIT_MAX));
      }
    } finally {
      this.draining = null;
      done();
    }
  }

  private async commitBatch(batch: Pending[]): Promise<void> {
    this.commits += 1;
    let outcomes: Outcome[];
    try {
      outcomes = await this.sql.transaction(async (tx) => {
        // On PostgreSQL every batch first takes one lock per service store, so batches of two processes run one
        // after the other (as SQLite's BEGIN IMMEDIATE makes them): two batches upserting the same rows in
        // opposite orders would otherwise deadlock, where one transaction per write never could.
        if (tx.dialect === 'postgres')
          await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`bcl-service-writes:${tx.location}`]);
        // A batch of one needs no savepoint: its failure rolls back its own transaction.
        if (batch.length === 1) return [{ ok: true, value: await batch[0]!.write(tx) }];
        const results: Outcome[] = [];
        for (const item of batch) results.push(await inSavepoint(tx, item.write));
        return results;
      });
    } catch (error) {
      for (const item of batch) item.reject(error as Error);
      return;
    }
    batch.forEach((item, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }
}

/** Runs one write in a savepoint: on failure its statements are undone and the batch goes on. */
async function inSavepoint(tx: WriteStatements, write: DurableWrite<unknown>): Promise<Outcome> {
  await tx.query('SAVEPOINT service_write');
  try {
    const value = await write(tx);
    await tx.query('RELEASE SAVEPOINT service_write');
    return { ok: true, value };
  } catch (error) {
    // If the savepoint cannot be rolled back (the transaction is gone), this throws and fails the whole batch.
    await tx.query('ROLLBACK TO SAVEPOINT service_write');
    await tx.query('RELEASE SAVEPOINT service_write');
    return { ok: false, error: error as Error };
  }
}
