import { Command } from 'commander';
import {
  checkpointToJson,
  digestToJson,
  signCheckpoint,
  signerFromKeyFile,
  takeDigest,
} from '@bcl/event-store';
import { GlobalOptions, UsageError, toJson, withExistingStore } from '../cli-context';
import { readInputText, writeOutputFile } from '../files';

export function digestCommand(): Command {
  return new Command('digest')
    .description(
      'print a digest of the log (position, hash, time, tree size and root) to keep for later verification',
    )
    .option('--out <file>', 'also write the digest to this file')
    .option(
      '--sign-with <keyfile>',
      'sign it with this checkpoint key: a signed checkpoint (bcl-checkpoint/1)',
    )
    .action(async (options: { out?: string; signWith?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const signer = options.signWith ? readSigner(options.signWith) : undefined;
      const digest = await withExistingStore(globals, takeDigest);
      if (!digest) throw new UsageError('the log is empty: there is nothing to digest yet');
      const takenAt = new Date().toISOString();
      const json = signer
        ? checkpointToJson(signCheckpoint(digest, signer, takenAt))
        : digestToJson(digest, takenAt);
      const text = toJson(json, 2);
      if (options.out) writeOutputFile(options.out, `${text}\n`);
      process.stdout.write(`${text}\n`);
    });
}

function readSigner(path: string) {
  const text = readInputText(path, 'key file');
  let signer;
  try {
    signer = signerFromKeyFile(text);
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
  if (signer.role !== 'checkpoint') {
    throw new UsageError(
      `${path}: it holds a ${signer.role} key; a checkpoint is signed with a checkpoint key`,
    );
  }
  return signer;
}
