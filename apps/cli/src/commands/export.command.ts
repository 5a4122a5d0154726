import { createWriteStream, WriteStream } from 'node:fs';
import { once } from 'node:events';
import { Command } from 'commander';
import { exportLog } from '@bcl/event-store';
import { GlobalOptions, withExistingStore } from '../cli-context';
import { openOutputFile } from '../files';

export function exportCommand(): Command {
  return new Command('export')
    .description('write the whole log as NDJSON (to stdout, or --out FILE)')
    .option('--out <file>', 'file to write')
    .action(async (options: { out?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      // The store is opened first: a missing ledger leaves no empty --out file behind.
      await withExistingStore(globals, async (store) => {
        const out: NodeJS.WritableStream = options.out
          ? createWriteStream('', { fd: openOutputFile(options.out) })
          : process.stdout;
        const writeLine = async (line: string) => {
          if (!out.write(`${line}\n`)) await once(out, 'drain');
        };
        const result = await exportLog(store, writeLine, new Date().toISOString());
        if (out instanceof WriteStream) {
          out.end();
          await once(out, 'finish');
          process.stderr.write(`exported ${result.events} events to ${options.out}\n`);
        }
      });
    });
}
