import { Command, CommanderError } from 'commander';
import { EventStoreError } from '@bcl/event-store';
import { UsageError } from './cli-context';
import { plainFileProblem } from './files';
import { quietUsageErrors } from './usage-errors';
import { commandsFor } from './command-loaders';

/**
 * The program with the commands this argument vector needs: only the one it names (so running it loads no other
 * command's libraries), or every command for help, an unknown command and the like (command-loaders.ts).
 */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('bcl')
    .description('Better Care Ledger: an event-sourced ledger for the Better Care Fund')
    .option(
      '--store <setting>',
      'event store: sqlite:<path>, postgres://…, esdb://… (default: $LEDGER_STORE or sqlite:./data/ledger.db)',
    )
    .option('--json', 'print machine-readable JSON')
    .option(
      '--signing-key <file>',
      'sign the events this command writes with this key file (default: $BCL_SIGNING_KEY_FILE; none: unsigned)',
    )
    .option(
      '--keyring <file>',
      'check event signatures against this keyring file (default: $BCL_KEYRING_FILE; none: not checked)',
    );
  for (const command of await commandsFor(argv)) {
    program.addCommand(command);
  }
  return program;
}

/**
 * Runs the CLI: exit 0 success, 1 verification found a break, 2 bad input or an unusable store, 3 a plan import
 * that would remove entries was previewed and nothing recorded (docs/cli.md).
 */
export async function run(argv: string[]): Promise<void> {
  // A reader that stops early (`bcl export | head -1`) closes the pipe: that ends the output, quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    fail(error);
  });
  const program = await buildProgram(argv);
  const usage = quietUsageErrors(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return; // --help, --version
      process.stderr.write(`bcl: ${usage.line(error)}\n`);
      process.exitCode = 2;
      return;
    }
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return;
    fail(error);
  }
}

/** Every failure is one line on stderr, exit 2; a file system error in plain words. */
function fail(error: unknown): void {
  const known = error instanceof UsageError || error instanceof EventStoreError;
  const plain = plainFileProblem(error);
  const path = (error as NodeJS.ErrnoException).path;
  const message =
    plain && path ? `${path}: ${plain}` : ((error as Error).message?.split('\n')[0] ?? String(error));
  process.stderr.write(`bcl: ${known || plain ? '' : 'error: '}${message}\n`);
  process.exitCode = 2;
}
