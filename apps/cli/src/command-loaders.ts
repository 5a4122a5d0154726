import type { Command } from 'commander';

/** Builds one top-level command, loading its module (and what that module imports) only when called. */
type CommandLoader = () => Promise<Command>;

/**
 * Every top-level command, in the order `bcl --help` lists them. Each module is imported only when its command is
 * built, so a process running one command does not load the others' libraries: `bcl replay` reads the log without
 * the auditor pack's browser, the workbook readers or the fund reports (issue 16: peak memory of a replay).
 */
export const COMMAND_LOADERS: ReadonlyArray<readonly [name: string, load: CommandLoader]> = [
  ['append', async () => (await import('./commands/append.command')).appendCommand()],
  ['demo', async () => (await import('./commands/demo.command')).demoCommand()],
  ['verify', async () => (await import('./commands/verify.command')).verifyCommand()],
  ['digest', async () => (await import('./commands/digest.command')).digestCommand()],
  ['proof', async () => (await import('./commands/proof.command')).proofCommand()],
  ['export', async () => (await import('./commands/export.command')).exportCommand()],
  ['replay', async () => (await import('./commands/replay.command')).replayCommand()],
  ['token', async () => (await import('./commands/token.command')).tokenCommand()],
  ['projections', async () => (await import('./commands/projections.command')).projectionsCommand()],
  ['plan', async () => (await import('./commands/plan.command')).planCommand()],
  ['who-approved', async () => (await import('./commands/who-approved.command')).whoApprovedCommand()],
  ['assumed-facts', async () => (await import('./commands/assumed-facts.command')).assumedFactsCommand()],
  ['fund', async () => (await import('./commands/fund.command')).fundCommand()],
  ['reconcile', async () => (await import('./commands/fund.command')).reconcileCommand()],
  ['return', async () => (await import('./commands/return.command')).returnCommand()],
  ['pack', async () => (await import('./commands/pack.command')).packCommand()],
  ['migrate', async () => (await import('./commands/migrate.command')).migrateCommand()],
  ['keys', async () => (await import('./commands/keys.command')).keysCommand()],
  ['bench', async () => (await import('./bench/bench.command')).benchCommand()],
];

/** The program's own options (main.ts) that take a value: `--store <setting>` or `--store=<setting>`. */
const GLOBAL_OPTIONS_WITH_VALUE = ['--store', '--signing-key', '--keyring'];
const GLOBAL_FLAGS = ['--json'];

/**
 * The command an argument vector (`node bcl …`) runs, when only the program's own options come before a known
 * command's name. Anything else (no command, `help`, an unknown command or option, `--help`) gives undefined:
 * then every command is built, so help lists them all and a mistyped name gets its suggestion.
 */
export function commandNamed(argv: readonly string[]): string | undefined {
  for (let at = 2; at < argv.length; at += 1) {
    const word = argv[at]!;
    if (GLOBAL_OPTIONS_WITH_VALUE.includes(word)) {
      at += 1;
      continue;
    }
    if (GLOBAL_FLAGS.includes(word)) continue;
    if (GLOBAL_OPTIONS_WITH_VALUE.some((option) => word.startsWith(`${option}=`))) continue;
    if (word.startsWith('-')) return undefined;
    return COMMAND_LOADERS.some(([name]) => name === word) ? word : undefined;
  }
  return undefined;
}

/** The commands to put under the program for this argument vector: the one it names, or all of them. */
export async function commandsFor(argv: readonly string[]): Promise<Command[]> {
  const named = commandNamed(argv);
  const wanted = COMMAND_LOADERS.filter(([name]) => named === undefined || name === named);
  return Promise.all(wanted.map(([, load]) => load()));
}
