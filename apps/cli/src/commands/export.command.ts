import { createWriteStream, WriteStream } from 'node:fs';
import { once } from 'node:events';
import { Command } from 'commander';
import { exportLog } from '@bcl/event-store';
import { GlobalOptions, withStore } from '../cli-context';

export function exportCommand(): Command {
  return new Command('export')
    .description('write the whole log as NDJSON (to stdout, or --out FILE)')
    .option('--out <file>', 'file to write')
    .action(async (options: { out?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const out: NodeJS.WritableStream = options.out ? createWriteStream(options.out) : process.stdout;
      const writeLine = async (line: string) => {
        if (!out.write(`${line}\n`)) await once(out, 'drain');
      };
      const result = await withStore(globals, (store) =>
        exportLog(store, writeLine, new Date().toISOString()),
      );
      if (out instanceof WriteStream) {
        out.end();
        await once(out, 'finish');
        process.stderr.write(`exported ${result.events} events to ${options.out}\n`);
      }
    });
}
