import { Subscription, bufferTime, concatMap, filter } from 'rxjs';
import { EventStore, StoredEvent } from '@bcl/event-store';
import { ServiceStore } from './service-store';

/** A read model built from the log: pure functions, so it can be rebuilt from zero and give the same views. */
export interface ProjectionDefinition {
  readonly name: string;
  /** Bump when the views' shape or meaning changes: a stored checkpoint of another version forces a rebuild. */
  readonly version: number;
  handles(event: StoredEvent): boolean;
  /** The view keys `apply` will read for this event, loaded before it runs. */
  keysRead(event: StoredEvent): string[];
  apply(event: StoredEvent, load: (key: string) => object | undefined): { key: string; view: object }[];
}

export interface ProjectionStatus {
  name: string;
  /** Last position applied, or null before the first event. */
  checkpoint: bigint | null;
  head: bigint | null;
  /** Head minus checkpoint: events (positions) not yet applied. 0 when caught up. */
  lagPositions: bigint;
  running: boolean;
  error: string | null;
}

const BATCH_EVENTS_MAX = 500;
const BATCH_WAIT_MS = 10;

/**
 * Feeds one projection from a catch-up subscription. Each batch of events is applied to the views it touches
 * and committed together with the checkpoint after it, so a crash replays at most the uncommitted batch and
 * every event is applied exactly once. Events at or before the checkpoint are skipped (idempotent).
 */
export class ProjectionRunner {
  private checkpoint: bigint | null = null;
  private subscription: Subscription | undefined;
  private error: Error | null = null;
  private waiters: { position: bigint; resolve: () => void; reject: (error: Error) => void }[] = [];

  constructor(
    private readonly events: EventStore,
    private readonly views: ServiceStore,
    readonly definition: ProjectionDefinition,
  ) {}

  async start(): Promise<void> {
    const stored = await this.views.checkpoint(this.definition.name);
    if (!stored || stored.version !== this.definition.version) {
      await this.views.resetProjection(this.definition.name, this.definition.version);
      this.checkpoint = null;
    } else {
      this.checkpoint = stored.position;
    }
    this.subscription = this.events
      .subscribe(this.checkpoint === null ? {} : { after: this.checkpoint })
      .pipe(
        bufferTime(BATCH_WAIT_MS, null, BATCH_EVENTS_MAX),
        filter((batch) => batch.length > 0),
        concatMap((batch) => this.applyBatch(batch)),
      )
      .subscribe({ error: (error: Error) => this.fail(error) });
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
    await this.views.commitProjection(this.definition.name, this.definition.version, changed, last);
    this.checkpoint = last;
    this.waiters = this.waiters.filter((waiter) =>
      waiter.position <= last ? (waiter.resolve(), false) : true,
    );
  }

  /** Resolves once the views include the event at `position` (read-your-writes for commands). */
  waitFor(position: bigint, timeoutMs = 10_000): Promise<void> {
    if (this.error) return Promise.reject(this.error);
    if (this.checkpoint !== null && this.checkpoint >= position) return Promise.resolve();
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

  async status(): Promise<ProjectionStatus> {
    const head = await this.events.headPosition();
    const lag = head === null ? 0n : head - (this.checkpoint ?? 0n);
    return {
      name: this.definition.name,
      checkpoint: this.checkpoint,
      head,
      lagPositions: lag > 0n ? lag : 0n,
      running: this.subscription !== undefined && !this.subscription.closed,
      error: this.error?.message ?? null,
    };
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  private fail(error: Error): void {
    this.error = error;
    for (const waiter of this.waiters) waiter.reject(error);
    this.waiters = [];
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
    if (page.isEnd) return applied;
  }
}
