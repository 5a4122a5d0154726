import { AppendResult, ExpectedRevision, NewEvent } from './event-envelope';
import { AppendOutcome, PreparedAppend, prepareAppend } from './append-planner';
import { LIMITS } from './limits';

interface Pending {
  append: PreparedAppend;
  resolve: (result: AppendResult) => void;
  reject: (error: Error) => void;
}

/**
 * Group commit: appends that arrive while a transaction is being written wait, then go together in the next
 * transaction, so that one fsync serves many writers. Each append still succeeds or fails on its own.
 * At most one flush runs at a time, and a flush takes at most LIMITS.groupCommitEventsMax events.
 */
export class GroupCommitQueue {
  private readonly pending: Pending[] = [];
  private flushing = false;

  constructor(private readonly commit: (appends: PreparedAppend[]) => Promise<AppendOutcome[]>) {}

  /** Validates the append (a bad one is rejected at once, never queued) and queues it for the next commit. */
  submit(stream: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      const append = prepareAppend(stream, events, expectedRevision); // a throw here rejects the promise
      this.pending.push({ append, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.takeBatch();
      try {
        const outcomes = await this.commit(batch.map((item) => item.append));
        batch.forEach((item, index) => {
          const outcome = outcomes[index]!;
          if (outcome.ok) item.resolve(outcome.result);
          else item.reject(outcome.error);
        });
      } catch (error) {
        for (const item of batch) item.reject(error as Error);
      }
    }
    this.flushing = false;
  }

  private takeBatch(): Pending[] {
    let events = 0;
    let count = 0;
    for (const item of this.pending) {
      if (count > 0 && events + item.append.events.length > LIMITS.groupCommitEventsMax) break;
      events += item.append.events.length;
      count += 1;
    }
    return this.pending.splice(0, count);
  }
}
