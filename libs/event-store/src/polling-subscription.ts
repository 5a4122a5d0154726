import { Observable, Subject } from 'rxjs';
import { StoredEvent } from './event-envelope';
import { ReadAllOptions, ReadAllPage, SubscribeOptions } from './event-store.port';
import { LIMITS } from './limits';

const DEFAULT_POLL_INTERVAL_MS = 250;

/**
 * Catch-up then live: reads the global log page by page from the checkpoint, and once at the end waits for
 * a local append (`appended`) or the poll interval (for appends by other processes), then reads again.
 * Each subscription has its own loop and position, so a failing subscriber stops only itself and can
 * resubscribe from its checkpoint. Holds at most one page in memory.
 */
export function pollingSubscription(
  readAll: (options: ReadAllOptions) => Promise<ReadAllPage>,
  appended: Subject<void>,
  options: SubscribeOptions = {},
): Observable<StoredEvent> {
  const pageSize = Math.min(options.pageSize ?? LIMITS.readPageSizeDefault, LIMITS.readPageSizeMax);
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  return new Observable<StoredEvent>((subscriber) => {
    let after = options.after;
    let closed = false;
    let wake: (() => void) | undefined;
    let signalled = false;
    const signals = appended.subscribe(() => {
      signalled = true;
      wake?.();
    });
    const waitForMore = () =>
      new Promise<void>((resolve) => {
        if (signalled || closed) return resolve();
        const timer = setTimeout(() => wake?.(), pollIntervalMs);
        wake = () => {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        };
      });
    const run = async () => {
      while (!closed) {
        signalled = false;
        const page = await readAll({ after, maxCount: pageSize });
        for (const event of page.events) {
          if (closed) return;
          subscriber.next(event);
          after = event.position;
        }
        if (page.isEnd) await waitForMore();
        else await new Promise((resolve) => setImmediate(resolve));
      }
    };
    run().catch((error: unknown) => subscriber.error(error));
    return () => {
      closed = true;
      signals.unsubscribe();
      wake?.();
    };
  });
}
