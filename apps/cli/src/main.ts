import { fundCommand, reconcileCommand } from './commands/fund.command';
import { whoApprovedCommand } from './commands/who-approved.command';
import { Command, CommanderError } from 'commander';
import { EventStoreError } from '@bcl/event-store';
import { UsageError } from './cli-context';
import { appendCommand } from './commands/append.command';
import { demoCommand } from './commands/demo.command';
import { verifyCommand } from './commands/verify.command';
import { digestCommand } from './commands/digest.command';
import { exportCommand } from './commands/export.command';
import { benchCommand } from './bench/bench.command';
import { replayCommand } from './commands/replay.command';
import { tokenCommand } from './commands/token.command';
import { projectionsCommand } from './commands/projections.command';
import { planCommand } from './commands/plan.command';
import { migrateCommand } from './commands/migrate.command';

export function buildProgram(): Command {
  const program = new Command('bcl')
    .description('Better Care Ledger: an event-sourced ledger for the Better Care Fund')
    .option(
      '--store <setting>',
      'event store: sqlite:<path>, postgres://…, esdb://… (default: $LEDGER_STORE or sqlite:./data/ledger.db)',
    )
    .option('--json', 'print machine-readable JSON')
    .showHelpAfterError('(run bcl --help for usage)')
    .exitOverride();
  for (const command of [
    appendCommand(),
    demoCommand(),
    verifyCommand(),
    digestCommand(),
    exportCommand(),
    replayCommand(),
    tokenCommand(),
    projectionsCommand(),
    planCommand(),
    whoApprovedCommand(),
    fundCommand(),
    reconcileCommand(),
    migrateCommand(),
    benchCommand(),
  ]) {
    program.addCommand(command.exitOverride());
  }
  return program;
}

/** Runs the CLI. Every failure is one line on stderr: exit 2 for bad input or an unusable store. */
export async function run(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    const known = error instanceof UsageError || error instanceof EventStoreError;
    const message = (error as Error).message?.split('\n')[0] ?? String(error);
    process.stderr.write(`bcl: ${known ? '' : 'error: '}${message}\n`);
    process.exitCode = 2;
  }
}
