import { ServiceStore } from '@bcl/service-store';
import { ViewVerification, verifyViews, viewProblemLines } from '@bcl/application';
import { GlobalOptions, UsageError, report, withExistingStore } from '../cli-context';

/**
 * `bcl verify --views`: rebuilds every projection in memory from the log up to its stored checkpoint and
 * compares it with the service store's views, and the vault with the registry's events. One line per problem;
 * exit 1 when anything differs. Reads only: the service store must exist, and nothing is written to it.
 */
export async function verifyViewsCommand(
  globals: GlobalOptions,
  options: { digest: string[]; file?: string },
  serviceSetting: string,
): Promise<void> {
  if (options.file !== undefined || options.digest.length > 0)
    throw new UsageError(
      '--views checks the service store against the store: run it without --file and --digest',
    );
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
  const log = result.accessLog;
  const legacy = log.legacyEntries > 0 ? `, ${log.legacyEntries} of them from before its chain began` : '';
  const checked = `${result.projections.length} projections (${views} stored views), ${result.vault.entries} vault entries and ${log.entries} access-log entries${legacy} in ${where}`;
  if (!result.ok) return [...lines, `BROKEN: checked ${checked}`].join('\n');
  const at = result.projections.map((p) => `${p.name} at ${p.checkpoint ?? 'none'}`).join(', ');
  const chain =
    log.headHash === null ? 'no chained entry yet' : `chain head: entry ${log.headId}, ${log.headHash}`;
  return `OK: ${checked}: the views and the vault agree with the log replayed up to each checkpoint (${at}; head ${result.head ?? 'none'}), and the access log's chain holds (${chain})`;
}
