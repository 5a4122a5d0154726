import { Command } from 'commander';
import { Viewpoint, isCalendarDate, isInstant } from '@bcl/kernel';
import { UsageError } from './cli-context';

/** `--as-at` and `--known-at`, as given on the command line. */
export interface ViewpointOptions {
  asAt?: string;
  knownAt?: string;
}

/** Adds `--known-at` (and `--as-at`, unless the command defines its own) to a command that shows a view. */
export function withViewpointOptions(command: Command, asAt = true): Command {
  if (asAt)
    command.option('--as-at <date>', 'the view as it stood on that date, YYYY-MM-DD (default: today)');
  return command.option(
    '--known-at <instant>',
    'only what the ledger had recorded by then, an ISO 8601 instant such as 2026-01-01T00:00:00Z (default: now)',
  );
}

/** The viewpoint the options ask for (docs/time-travel.md); a bad value is one line saying what to fix. */
export function viewpointOf(options: ViewpointOptions): Viewpoint {
  if (options.asAt !== undefined && !isCalendarDate(options.asAt))
    throw new UsageError('--as-at: must be a real date written YYYY-MM-DD');
  let knownAt: string | undefined;
  if (options.knownAt !== undefined) {
    const time = isInstant(options.knownAt) ? Date.parse(options.knownAt) : NaN;
    if (Number.isNaN(time))
      throw new UsageError(
        '--known-at: must be an ISO 8601 date-time with a time zone, such as 2026-01-01T00:00:00Z',
      );
    knownAt = new Date(time).toISOString();
  }
  return {
    ...(options.asAt !== undefined ? { asAt: options.asAt } : {}),
    ...(knownAt !== undefined ? { knownAt } : {}),
  };
}
