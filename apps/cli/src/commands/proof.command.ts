import { Command } from 'commander';
import {
  LogDigest,
  consistencyProofToJson,
  hasTreeHead,
  inclusionProofToJson,
  proveConsistency,
  proveInclusion,
} from '@bcl/event-store';
import { GlobalOptions, UsageError, cliKeyring, toJson, withExistingStore } from '../cli-context';
import { readDigest } from '../digest-files';
import { writeOutputFile } from '../files';

interface InclusionOptions {
  position: string;
  digest: string;
  out?: string;
  eventOut?: string;
}

interface ConsistencyOptions {
  from: string;
  to: string;
  out?: string;
}

/** A digest's tree size, refusing a digest without a tree head. */
function treeSizeOf(digest: LogDigest, path: string): number {
  if (!hasTreeHead(digest)) {
    throw new UsageError(
      `${path}: the digest has no tree head (bcl-digest/1): take a new one with bcl digest`,
    );
  }
  return Number(digest.treeSize);
}

/** The proof, checked against the digest's root before it is written: the store must be the digest's log. */
function sameRoot(root: string, digest: LogDigest, path: string): void {
  if (root !== digest.root) {
    throw new UsageError(
      `${path}: the log's root at ${digest.treeSize} events is not the digest's: the log has changed since (run bcl verify --digest ${path})`,
    );
  }
}

function emit(text: string, out: string | undefined): void {
  if (out) writeOutputFile(out, `${text}\n`);
  process.stdout.write(`${text}\n`);
}

export function proofCommand(): Command {
  const proof = new Command('proof').description(
    'prove, from the store, that an event is in the log a digest covers, or that a later log extends an earlier one',
  );
  proof
    .command('inclusion')
    .description(
      'an inclusion proof (bcl-inclusion-proof/1) of the event at a position in the log a digest covers',
    )
    .requiredOption('--position <position>', "the event's position in the log")
    .requiredOption('--digest <file>', 'the digest or signed checkpoint whose tree the proof leads to')
    .option('--out <file>', 'also write the proof to this file')
    .option('--event-out <file>', 'write the event itself, as an export line {position, hash, record}')
    .action(async (options: InclusionOptions, command: Command) => {
      if (!/^-?\d+$/.test(options.position)) throw new UsageError('--position must be a whole number');
      const keyring = cliKeyring(command.optsWithGlobals<GlobalOptions>());
      const digest = readDigest(options.digest, keyring);
      const treeSize = treeSizeOf(digest, options.digest);
      const position = BigInt(options.position);
      const made = await withExistingStore(command.optsWithGlobals<GlobalOptions>(), (store) =>
        proveInclusion(store, position, treeSize).catch((error: Error) => {
          throw new UsageError(error.message);
        }),
      );
      sameRoot(made.root, digest, options.digest);
      if (options.eventOut) writeOutputFile(options.eventOut, `${JSON.stringify(made.event)}\n`);
      emit(toJson(inclusionProofToJson(made.proof), 2), options.out);
    });
  proof
    .command('consistency')
    .description(
      'a consistency proof (bcl-consistency-proof/1) that the log at one digest extends the log at another',
    )
    .requiredOption('--from <file>', 'the earlier digest or checkpoint')
    .requiredOption('--to <file>', 'the later digest or checkpoint')
    .option('--out <file>', 'also write the proof to this file')
    .action(async (options: ConsistencyOptions, command: Command) => {
      const keyring = cliKeyring(command.optsWithGlobals<GlobalOptions>());
      const from = readDigest(options.from, keyring);
      const to = readDigest(options.to, keyring);
      const [first, second] = [treeSizeOf(from, options.from), treeSizeOf(to, options.to)];
      if (first > second) {
        throw new UsageError(
          `--from covers ${first} events, more than --to (${second}): give the earlier digest first`,
        );
      }
      const made = await withExistingStore(command.optsWithGlobals<GlobalOptions>(), (store) =>
        proveConsistency(store, first, second).catch((error: Error) => {
          throw new UsageError(error.message);
        }),
      );
      sameRoot(made.fromRoot, from, options.from);
      sameRoot(made.toRoot, to, options.to);
      emit(toJson(consistencyProofToJson(made.proof), 2), options.out);
    });
  return proof;
}
