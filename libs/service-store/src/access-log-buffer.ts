import { NewAccessEntry, appendAccessEntries } from './access-log-chain';
import { DurableWriteQueue } from './durable-write-queue';

/**
 * An access-log entry is durable at most this long after it was queued (the request answered): the queue is
 * committed when this timer fires, or earlier when another write's commit takes it along. A crash (SIGKILL, power
 * loss) can lose the entries of about this last interval; a clean shutdown loses none (`ServiceStore.close`).
 */
export const ACCESS_LOG_FLUSH_DELAY_MS = 50;

/**
 * At most this many entries wait uncommitted (queued or being committed); a request that finds the queue full
 * waits for a commit instead of dropping its entry, and fails if that commit fails.
 */
export const ACCESS_LOG_QUEUE_MAX = 2000;

/** Told when entries could not be committed (they stay queued and are retried), or are lost at close. */
export type AccessLogFailureListener = (message: string) => void;

/**
 * The access log's entries in memory, in the order they were recorded, committed in batches through the service
 * store's write queue (one transaction, one fsync for many reads) with their hash chain, in that order. A failed
 * commit keeps its entries at the head of the queue and retries after ACCESS_LOG_FLUSH_DELAY_MS; readiness
 * (`probeWrite`) flushes too, so a failing access log makes the service not ready.
 */
export class AccessLogBuffer {
  private readonly queued: NewAccessEntry[] = [];
  private committing = 0;
  private flushing: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  /** The last commit's failure, until one succeeds. */
  failure: Error | null = null;
  /**
   * Entries recorded while commits were failing: their reads wait for their own commit and fail with it (fail
   * closed, as when each read committed its own entry), and a failed one is not kept, since its read was refused.
   */
  private readonly answeredOnCommit = new Map<
    NewAccessEntry,
    { resolve: () => void; reject: (error: Error) => void }
  >();
  readonly failureListeners: AccessLogFailureListener[] = [];

  constructor(private readonly writes: DurableWriteQueue) {
    writes.beforeBatch = () => {
      // while commits fail, retries wait for the timer (a failing batch would otherwise retry at once, in a loop)
      if (this.queued.length > 0 && !this.flushing && !this.failure) void this.flush().catch(() => undefined);
    };
  }

  /** Entries recorded but not yet committed. */
  get waiting(): number {
    return this.queued.length + this.committing;
  }

  /** Queues the entry (resolving at once while there is room) and makes sure a commit follows within the delay. */
  async record(entry: NewAccessEntry): Promise<void> {
    if (this.closed) throw new Error('the service store is closed');
    // While commits fail, a read waits for its entry to commit (and fails with it), as when each read committed
    // its own: entries are never held in memory longer than the bound because the store cannot take them.
    if (this.failure) {
      return new Promise<void>((resolve, reject) => {
        this.answeredOnCommit.set(entry, { resolve, reject });
        this.queued.push(entry);
        void this.flush().catch(() => undefined);
      });
    }
    while (this.waiting >= ACCESS_LOG_QUEUE_MAX) await this.flush();
    this.queued.push(entry);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush().catch(() => undefined); // reported to the listeners, and retried
    }, ACCESS_LOG_FLUSH_DELAY_MS);
  }

  /** Commits every entry queued so far (and any queued while an earlier commit ran); rejects if a commit fails. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing.catch(() => undefined);
    if (this.queued.length === 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queued.splice(0);
    this.committing = batch.length;
    this.flushing = this.writes
      .submit((tx) => appendAccessEntries(tx, batch), { first: true })
      .then(
        () => {
          this.failure = null;
          this.settleAnswered(batch, null);
        },
        (error: Error) => {
          this.settleAnswered(batch, error);
          this.queued.unshift(...batch.filter((entry) => !this.answeredOnCommit.has(entry)));
          for (const entry of batch) this.answeredOnCommit.delete(entry);
          this.failure = error;
          this.tell(
            `${this.queued.length} access-log entries not yet committed (retrying): ${error.message}`,
          );
          if (!this.closed) this.timer ??= setTimeout(() => void this.retry(), ACCESS_LOG_FLUSH_DELAY_MS);
          throw error;
        },
      )
      .finally(() => {
        this.committing = 0;
        this.flushing = null;
      });
    await this.flushing;
  }

  /** Refuses new entries and commits those queued; what cannot be committed is reported lost. */
  async close(): Promise<void> {
    this.closed = true;
    try {
      await this.flush();
    } catch (error) {
      this.tell(`${this.queued.length} access-log entries lost at close: ${(error as Error).message}`);
    } finally {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private settleAnswered(batch: NewAccessEntry[], error: Error | null): void {
    for (const entry of batch) {
      const waiter = this.answeredOnCommit.get(entry);
      if (!waiter) continue;
      if (error) waiter.reject(error);
      else {
        waiter.resolve();
        this.answeredOnCommit.delete(entry);
      }
    }
  }

  private async retry(): Promise<void> {
    this.timer = null;
    await this.flush().catch(() => undefined);
  }

  private tell(message: string): void {
    if (this.failureListeners.length === 0) process.stderr.write(`access log: ${message}\n`);
    for (const listener of this.failureListeners) listener(message);
  }
}
