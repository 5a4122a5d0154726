import { ServiceStore } from '@bcl/service-store';
import { ViewVerification, verifyViews, viewProblemLines } from '@bcl/application';
import { GlobalOptions, report, withExistingStore } from '../cli-context';

/**
 * `bcl verify --views`: rebuilds every projection in memory from the log up to its stored checkpoint and
 * compares it with the service store's views, and the vault with the registry's events. One line per problem;
 * exit 1 when anything differs. Reads only: the service store must exist, and nothing is written to it.
 */
export async function verifyViewsCommand(globals: GlobalOptions, serviceSetting: string): Promise<void> {
  const result = await withExistingStore(globals, async (events) => {
    const service = await ServiceStore.open(serviceSetting, { mustExist: true });
    try {
      return await verifyViews(events, service);
    } finally {
      await service.close();
    }
  });
  report(globals, result, describeViews(result, serviceSetting));
  if (!result.ok) process.exitCode = 1;
}

export function describeViews(result: ViewVerification, where: string): string {
  const lines = viewProblemLines(result);
  const views = result.projections.reduce((sum, p) => sum + p.viewsStored, 0);
  const checked = `${result.projections.length} projections (${views} stored views) and ${result.vault.entries} vault entries in ${where}`;
  if (!result.ok) return [...lines, `BROKEN: ${checked} do not all agree with the log`].join('\n');
  const at = result.projections.map((p) => `${p.name} at ${p.checkpoint ?? 'none'}`).join(', ');
  return `OK: ${checked} agree with the log replayed up to each checkpoint (${at}; head ${result.head ?? 'none'})`;
}
