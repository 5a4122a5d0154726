import { EventStore, StoreMissingError } from '@bcl/event-store';
import { fundProjection, zeroSumProblem } from '@bcl/domain-fund';
import { replayInMemory } from '@bcl/contexts';
import { ServiceStore } from '@bcl/service-store';

export interface FundInvariantReport {
  ok: boolean;
  poolYears: number;
  transactions: number;
  /** Pool-years whose live projection was compared with the replay; null when no service store was found. */
  comparedWithProjection: number | null;
  problems: string[];
}

/** The service store to compare with, if it exists (verify creates nothing). */
async function existingServiceStore(setting: string): Promise<ServiceStore | null> {
  try {
    return await ServiceStore.open(setting, { mustExist: true });
  } catch (error) {
    if (error instanceof StoreMissingError) return null;
    throw error;
  }
}

/**
 * The pooled-fund invariant: a full replay recomputes every pool-year's balances, which must sum to zero, and
 * must equal the balances the live projection holds (when the service store is there and caught up).
 */
export async function checkFundInvariant(
  store: EventStore,
  serviceSetting: string,
): Promise<FundInvariantReport> {
  const [replayed] = await replayInMemory(store, [fundProjection]);
  const problems: string[] = [];
  let transactions = 0;
  for (const view of replayed.values()) {
    transactions += view.transactions;
    const problem = zeroSumProblem(view);
    if (problem) problems.push(problem);
  }
  let compared: number | null = null;
  const service = await existingServiceStore(serviceSetting);
  if (service) {
    try {
      const checkpoint = await service.checkpoint(fundProjection.name);
      const head = await store.headPosition();
      if (checkpoint && checkpoint.version === fundProjection.version && checkpoint.position === head) {
        const stored = await service.loadViews(fundProjection.name, [...replayed.keys()]);
        compared = 0;
        for (const [key, view] of replayed) {
          compared += 1;
          if (JSON.stringify(stored.get(key)) !== JSON.stringify(view))
            problems.push(`${key}: the live projection differs from a full replay`);
        }
      }
    } finally {
      await service.close();
    }
  }
  return {
    ok: problems.length === 0,
    poolYears: replayed.size,
    transactions,
    comparedWithProjection: compared,
    problems,
  };
}
