import { Command, CommanderError } from 'commander';

/** `bcl fund position`: the words that name a command. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/**
 * Makes commander print nothing and throw instead of exiting, on the program and every command below it, so
 * that a usage error (unknown option or command, missing argument, a command that needs a subcommand) becomes
 * the one `bcl: …` line the CLI prints for every failure, with exit code 2. Help asked for still prints (exit 0).
 */
export function quietUsageErrors(program: Command): { line(error: CommanderError): string } {
  let failing: Command = program;
  const configure = (command: Command): void => {
    command.exitOverride().configureOutput({
      outputError: () => {
        failing = command;
      },
      // Only help written as part of an error comes here (help asked for goes to stdout).
      writeErr: () => {
        failing = command;
      },
    });
    command.showHelpAfterError(false);
    for (const sub of command.commands) configure(sub);
  };
  configure(program);
  return {
    line(error: CommanderError): string {
      const path = commandPath(failing);
      const hint = `(run ${path} --help for usage)`;
      if (error.code === 'commander.help') {
        const names = failing.commands.map((sub) => sub.name()).filter((name) => name !== 'help');
        return `name a command after '${path}': ${names.join(', ')} ${hint}`;
      }
      const message = error.message
        .replace(/^error: /, '')
        .replace(/\n\(Did you mean/g, ' (did you mean')
        .replace(/\s*\n\s*/g, ' ');
      return `${message} ${hint}`;
    },
  };
}
