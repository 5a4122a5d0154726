import { Command } from 'commander';
import { digestToJson, takeDigest } from '@bcl/event-store';
import { GlobalOptions, UsageError, toJson, withExistingStore } from '../cli-context';
import { writeOutputFile } from '../files';

export function digestCommand(): Command {
  return new Command('digest')
    .description('print a digest of the log (position, hash, time) to keep for later verification')
    .option('--out <file>', 'also write the digest to this file')
    .action(async (options: { out?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const digest = await withExistingStore(globals, takeDigest);
      if (!digest) throw new UsageError('the log is empty: there is nothing to digest yet');
      const text = toJson(digestToJson(digest, new Date().toISOString()), 2);
      if (options.out) writeOutputFile(options.out, `${text}\n`);
      process.stdout.write(`${text}\n`);
    });
}
