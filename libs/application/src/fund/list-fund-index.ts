import { Inject, Injectable } from '@nestjs/common';
import { EventStore, LIMITS, StoredEvent } from '@bcl/event-store';
import { CalendarDate, Viewpoint, effectiveDateOf, seenFrom } from '@bcl/kernel';
import { EVENT_STORE } from '../event-log/event-log.tokens';

/** When a fact was recorded and from when it takes effect: what a viewpoint filters on. */
interface Dated {
  recordedAt: string;
  effectiveOn: CalendarDate | null;
}

export interface IndexedAgreement extends Dated {
  agreementId: string;
  areaId: string;
}

export interface IndexedPoolYear extends Dated {
  poolId: string;
  year: string;
  agreementId: string;
  /** Closings and reopenings, in log order, each with the date it takes effect. */
  statusChanges: ({ closed: boolean; on: CalendarDate } & Dated)[];
}

/**
 * Which agreements and pool-years the log holds, with what a list needs to filter them (area, agreement,
 * recorded instant, effective date). The event store cannot list streams, and no projection keeps agreements,
 * so this index reads the log once from the start and then, on each use, only the events appended since (from
 * this or any other process). It keeps a few facts per agreement and pool-year, never a posting.
 */
@Injectable()
export class FundLogIndex {
  private readonly agreements = new Map<string, IndexedAgreement>();
  private readonly poolYears = new Map<string, IndexedPoolYear>();
  private after: bigint | undefined;
  private reading: Promise<void> | undefined;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The agreements seen from the viewpoint, in id order. */
  async agreementsSeenFrom(viewpoint: Viewpoint): Promise<IndexedAgreement[]> {
    await this.caughtUp();
    return [...this.agreements.values()]
      .filter((agreement) => seenFrom(viewpoint, agreement))
      .sort((a, b) => a.agreementId.localeCompare(b.agreementId));
  }

  /** The pool-years seen from the viewpoint, in pool then year order, with their status then. */
  async poolYearsSeenFrom(viewpoint: Viewpoint): Promise<(IndexedPoolYear & { closed: boolean })[]> {
    await this.caughtUp();
    return [...this.poolYears.values()]
      .filter((poolYear) => seenFrom(viewpoint, poolYear))
      .map((poolYear) => ({ ...poolYear, closed: closedSeenFrom(poolYear, viewpoint) }))
      .sort((a, b) => a.poolId.localeCompare(b.poolId) || a.year.localeCompare(b.year));
  }

  /**
   * Reads what was appended since the last read. Reads run one after another, and each call starts a read of its
   * own after the ones under way, so a caller sees every event committed before it asked (its own writes too).
   */
  private caughtUp(): Promise<void> {
    const read = (this.reading ?? Promise.resolve()).then(() => this.readNewEvents());
    this.reading = read.catch(() => undefined);
    return read;
  }

  private async readNewEvents(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({ after: this.after, maxCount: LIMITS.readPageSizeMax });
      for (const event of page.events) this.apply(event);
      if (page.lastPosition !== undefined) this.after = page.lastPosition;
      if (page.isEnd || page.events.length === 0) return;
    }
  }

  private apply(event: StoredEvent): void {
    const dated = { recordedAt: event.recordedAt, effectiveOn: effectiveDateOf(event) };
    const data = event.data as Record<string, unknown>;
    switch (event.type) {
      case 'S75AgreementEstablished': {
        const agreementId = String(data.agreementId);
        this.agreements.set(agreementId, { agreementId, areaId: String(data.areaId), ...dated });
        return;
      }
      case 'PooledFundYearOpened': {
        const poolId = String(data.poolId);
        const year = String(data.year);
        const agreementId = String(data.agreementId);
        this.poolYears.set(`${poolId}/${year}`, { poolId, year, agreementId, statusChanges: [], ...dated });
        return;
      }
      case 'PooledFundYearClosed':
      case 'PooledFundYearReopened': {
        const poolYear = this.poolYears.get(`${String(data.poolId)}/${String(data.year)}`);
        poolYear?.statusChanges.push({
          closed: event.type === 'PooledFundYearClosed',
          on: String(data.on),
          ...dated,
        });
        return;
      }
    }
  }
}

/** Whether the year stands closed from the viewpoint: its last closing or reopening recorded and in effect. */
function closedSeenFrom(poolYear: IndexedPoolYear, viewpoint: Viewpoint): boolean {
  const seen = poolYear.statusChanges.filter(
    (change) => seenFrom(viewpoint, change) && (viewpoint.asAt === undefined || change.on <= viewpoint.asAt),
  );
  return seen.at(-1)?.closed ?? false;
}
