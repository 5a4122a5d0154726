import { EventStore, StoreOpenError, StoredEvent } from '@bcl/event-store';
import { Projection } from '@bcl/kernel';
import { checkpointMismatch, mismatchLine, serviceStoreMismatch } from './log-identity';
import { ServiceStore } from './service-store';

/**
 * A read model built from the log: pure functions, so it can be rebuilt from zero and give the same views.
 * Defined in a domain with the kernel's `defineProjection` (one handler per event type of its context).
 */
export type ProjectionDefinition<V extends object = object> = Projection<V>;

export interface ProjectionStatus {
  name: string;
  /** Last position applied, or null before the first event. */
  checkpoint: bigint | null;
  head: bigint | null;
  /** Head minus checkpoint: events (positions) not yet applied. 0 when caught up. */
  lagPositions: bigint;
  running: boolean;
  /** Why the projection is failing (it retries with backoff), or null when it is healthy. */
  error: string | null;
  /** Failed attempts in a row; 0 when healthy. */
  failures: number;
  /** When it first failed in this run of failures (ISO 8601), or null. */
  failingSince: string | null;
  /** Why the views do not stand on this log (it is behind them, or another log), or null. */
  logMismatch: string | null;
}

const BATCH_EVENTS_MAX = 500;
/** Positions an idle projection may run ahead of its stored checkpoint. */
const CHECKPOINT_LAG_MAX = 1000n;
/** How often an idle projection looks for events appended by other processes. Local writers call notify(). */
const POLL_INTERVAL_MS = 250;
/** A failed projection tries again after this, doubling on each failure up to RETRY_MAX_MS. */
export const RETRY_FIRST_MS = 100;
export const RETRY_MAX_MS = 5000;

/**
 * Feeds one projection from the log: a catch-up subscription that pulls a page after its checkpoint, applies
 * it, and commits the views it touched together with the new checkpoint, so every event is applied exactly
 * once. (A page that touches no view moves the checkpoint in memory only, stored with the next change, after
 * CHECKPOINT_LAG_MAX positions, or at stop: a crash then re-reads, harmlessly, at most that many events.)
 * Pulling (rather than being pushed) bounds memory
 * to one page however far behind it starts. At the end of the log it waits for notify() (a local append) or
 * the poll interval (other processes). Events at or before the checkpoint are skipped (idempotent).
 *
 * A failure (the log or the service store unreachable, a full disk) does not end it: the error is kept in
 * status(), waiters are refused at once with it, and it tries again after 100 ms, 200 ms, … at most 5 s,
 * resuming from the checkpoint last committed (a commit whose outcome is unknown is then judged by what the
 * service store holds), until it works; then the error is cleared.
 */
export class ProjectionRunner {
  private checkpoint: bigint | null = null;
  /** The hash of the event at the checkpoint, when known. */
  private checkpointHash: string | null = null;
  private savedCheckpoint: bigint | null = null;
  private running = false;
  private stopped = false;
  private error: Error | null = null;
  private failures = 0;
  private failingSince: string | null = null;
  private waiters: { position: bigint; resolve: () => void; reject: (error: Error) => void }[] = [];
  private wake: (() => void) | undefined;
  private wakePending = false;
  private looping: Promise<void> = Promise.resolve();

  constructor(
    private readonly events: EventStore,
    private readonly views: ServiceStore,
    readonly definition: ProjectionDefinition,
  ) {}

  /** Refuses (StoreOpenError, one line) a service store that is ahead of this log or belongs to another. */
  async start(): Promise<void> {
    const mismatch = await serviceStoreMismatch(this.events, this.views, this.definition.name);
    if (mismatch) throw new StoreOpenError(mismatchLine(this.views.location, mismatch));
    await this.resume();
    this.running = true;
    this.looping = this.loop();
  }

  /** Tells an idle projection there is something new to read (called after a local append). */
  notify(): void {
    if (this.wake) this.wake();
    else this.wakePending = true;
  }

  private async loop(): Promise<void> {
    try {
      while (!this.stopped) {
        try {
          if (this.error) await this.resume();
          const page = await this.events.readAll({
            after: this.checkpoint ?? undefined,
            maxCount: BATCH_EVENTS_MAX,
          });
          if (page.events.length > 0) await this.applyBatch(page.events);
          this.recovered();
          if (page.isEnd) await this.idle();
        } catch (error) {
          this.fail(error as Error);
          await this.sleep(Math.min(RETRY_FIRST_MS * 2 ** (this.failures - 1), RETRY_MAX_MS));
        }
      }
    } finally {
      this.running = false;
    }
  }

  /**
   * Continues from what the service store holds: at start, and after a failure (a lost commit may or may not
   * have landed). A checkpoint of another projection version starts it again from zero.
   */
  private async resume(): Promise<void> {
    const stored = await this.views.checkpoint(this.definition.name);
    if (!stored || stored.version !== this.definition.version) {
      await this.views.resetProjection(this.definition.name, this.definition.version);
      this.checkpoint = null;
    } else {
      this.checkpoint = stored.position;
    }
    const hash = await this.views.checkpointHash(this.definition.name);
    this.checkpointHash = hash && hash.position === this.checkpoint ? hash.hash : null;
    this.savedCheckpoint = this.checkpoint;
  }

  private recovered(): void {
    this.error = null;
    this.failures = 0;
    this.failingSince = null;
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }

  private idle(): Promise<void> {
    if (this.wakePending || this.stopped) {
      this.wakePending = false;
      return Promise.resolve();
    }
    return this.sleep(POLL_INTERVAL_MS);
  }

  /** Applies a batch and commits its views with the checkpoint. Public for `bcl projections rebuild`. */
  async applyBatch(batch: StoredEvent[]): Promise<void> {
    const fresh = batch.filter((event) => this.checkpoint === null || event.position > this.checkpoint);
    if (fresh.length === 0) return;
    const relevant = fresh.filter((event) => this.definition.handles(event));
    const keys = [...new Set(relevant.flatMap((event) => this.definition.keysRead(event)))];
    const loaded = await this.views.loadViews(this.definition.name, keys);
    const changed = new Map<string, object>();
    for (const event of relevant) {
      for (const { key, view } of this.definition.apply(
        event,
        (key) => changed.get(key) ?? loaded.get(key),
      )) {
        changed.set(key, view);
      }
    }
    const last = fresh[fresh.length - 1]!.position;
    const lastHash = fresh[fresh.length - 1]!.hash;
    // A batch that changes no view need not cost a commit (and an fsync): the checkpoint is kept in memory and
    // written with the next change, or after CHECKPOINT_LAG_MAX positions. A restart re-reads at most those.
    const unsaved = last - (this.savedCheckpoint ?? 0n);
    if (changed.size > 0 || unsaved >= CHECKPOINT_LAG_MAX) {
      await this.views.commitProjection(
        this.definition.name,
        this.definition.version,
        changed,
        last,
        lastHash,
      );
      this.savedCheckpoint = last;
    }
    this.checkpoint = last;
    this.checkpointHash = lastHash;
    this.waiters = this.waiters.filter((waiter) =>
      waiter.position <= last ? (waiter.resolve(), false) : true,
    );
  }

  /**
   * Resolves once the views include the event at `position` (read-your-writes for commands). Refused at once,
   * with the reason, while the projection is failing (it keeps retrying; the caller need not wait for it).
   */
  waitFor(position: bigint, timeoutMs = 10_000): Promise<void> {
    if (this.error) return Promise.reject(this.failure(this.error));
    if (this.checkpoint !== null && this.checkpoint >= position) return Promise.resolve();
    this.notify();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `projection '${this.definition.name}' did not reach position ${position} in ${timeoutMs} ms`,
            ),
          ),
        timeoutMs,
      );
      this.waiters.push({
        position,
        resolve: () => (clearTimeout(timer), resolve()),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
    });
  }

  /**
   * Where the projection stands; also checks that its checkpoint stands on this log (for readiness). Does not
   * throw when the log cannot be read: that is reported as its error.
   */
  async status(): Promise<ProjectionStatus> {
    // Taken before the head, so that an event applied meanwhile cannot look like a checkpoint beyond the log.
    const checkpoint = this.checkpoint;
    const hash = this.checkpointHash;
    let head: bigint | null = null;
    let logMismatch: string | null = null;
    let unreadable: string | null = null;
    try {
      head = await this.events.headPosition();
      if (checkpoint !== null)
        logMismatch = await checkpointMismatch(
          this.events,
          this.definition.name,
          { position: checkpoint, hash },
          head,
        );
    } catch (error) {
      unreadable = `cannot read the log: ${(error as Error).message}`;
    }
    const lag = head === null ? 0n : head - (checkpoint ?? 0n);
    return {
      name: this.definition.name,
      checkpoint,
      head,
      lagPositions: lag > 0n ? lag : 0n,
      running: this.running,
      error: this.error ? this.failure(this.error).message : unreadable,
      failures: this.failures,
      failingSince: this.failingSince,
      logMismatch,
    };
  }

  /** Stops after the page in hand (if any) is committed, and stores the checkpoint. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.looping;
    // Best effort: a checkpoint not stored only means re-reading at most CHECKPOINT_LAG_MAX positions later.
    if (this.error === null) await this.flush().catch(() => undefined);
  }

  /** Stores a checkpoint that is only held in memory (see applyBatch). */
  async flush(): Promise<void> {
    if (this.checkpoint === null || this.checkpoint === this.savedCheckpoint) return;
    await this.views.commitProjection(
      this.definition.name,
      this.definition.version,
      new Map(),
      this.checkpoint,
      this.checkpointHash ?? undefined,
    );
    this.savedCheckpoint = this.checkpoint;
  }

  private fail(error: Error): void {
    this.error = error;
    this.failures += 1;
    this.failingSince ??= new Date().toISOString();
    for (const waiter of this.waiters) waiter.reject(this.failure(error));
    this.waiters = [];
  }

  private failure(error: Error): Error {
    return new Error(
      `projection '${this.definition.name}' is failing (${this.failures} attempts, retrying): ${error.message}`,
    );
  }
}

/**
 * Rebuilds a projection from the first event, reporting progress after each page. The views are reset and
 * rebuilt in the service store; a live service should be stopped first (it would otherwise keep its
 * in-memory checkpoint).
 */
export async function rebuildProjection(
  events: EventStore,
  views: ServiceStore,
  definition: ProjectionDefinition,
  onProgress: (done: bigint, head: bigint | null) => void = () => undefined,
): Promise<bigint> {
  await views.resetProjection(definition.name, definition.version);
  const runner = new ProjectionRunner(events, views, definition);
  const head = await events.headPosition();
  let after: bigint | undefined;
  let applied = 0n;
  for (;;) {
    const page = await events.readAll({ after, maxCount: BATCH_EVENTS_MAX });
    if (page.events.length > 0) await runner.applyBatch(page.events);
    applied += BigInt(page.events.length);
    after = page.lastPosition;
    onProgress(after ?? 0n, head);
    if (page.isEnd) {
      await runner.flush();
      return applied;
    }
  }
}
