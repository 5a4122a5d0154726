import { userInfo } from 'node:os';
import { Command } from 'commander';
import {
  LogDigest,
  LogVerifyReport,
  StoreMissingError,
  describeAlteredRange,
  latestDigest,
  verifyExportFile,
  verifyStore,
} from '@bcl/event-store';
import { ServiceStore } from '@bcl/service-store';
import { GlobalOptions, UsageError, cliKeyring, report, withExistingStore } from '../cli-context';
import { readDigests } from '../digest-files';
import { cannotRead, inputFileSize, plainFileProblem } from '../files';
import { FundInvariantReport, checkFundInvariant } from './fund-invariant';
import { serviceStoreSetting } from './projections.command';
import { verifyConsistencyOffline, verifyInclusionOffline } from './verify-proofs';

interface VerifyOptions {
  digest: string[];
  file?: string;
  serviceStore?: string;
  views?: boolean;
  event?: string;
  proof?: string;
  consistency?: string;
  from?: string;
  to?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The offline proof checks: `--event --proof --digest`, `--consistency --from --to`; false when neither. */
function proofCheck(globals: GlobalOptions, options: VerifyOptions): boolean {
  const keyring = cliKeyring(globals);
  if (options.event !== undefined || options.proof !== undefined) {
    if (
      !options.event ||
      !options.proof ||
      options.digest.length !== 1 ||
      options.file ||
      options.consistency
    ) {
      throw new UsageError(
        'an inclusion proof is checked with --event EVENT.json --proof PROOF.json --digest D, nothing more',
      );
    }
    verifyInclusionOffline(
      globals,
      { event: options.event, proof: options.proof, digest: options.digest[0]! },
      keyring,
    );
    return true;
  }
  if (options.consistency !== undefined || options.from !== undefined || options.to !== undefined) {
    if (!options.consistency || !options.from || !options.to || options.digest.length > 0 || options.file) {
      throw new UsageError(
        'a consistency proof is checked with --consistency PROOF.json --from D1 --to D2, nothing more',
      );
    }
    verifyConsistencyOffline(
      globals,
      { proof: options.consistency, from: options.from, to: options.to },
      keyring,
    );
    return true;
  }
  return false;
}

export function verifyCommand(): Command {
  return new Command('verify')
    .description('check the hash chain of the whole log; exit 1 at the first break')
    .option(
      '--digest <file>',
      'also prove the log still holds, unchanged, everything this digest, checkpoint or folder of checkpoints covered (repeatable)',
      collect,
      [],
    )
    .option(
      '--event <EVENT.json>',
      'with --proof and --digest: check offline that this event is in the digest’s log',
    )
    .option('--proof <PROOF.json>', 'the inclusion proof for --event (from bcl proof inclusion)')
    .option(
      '--consistency <PROOF.json>',
      'with --from and --to: check offline that the later log extends the earlier',
    )
    .option('--from <file>', 'the earlier digest or checkpoint, for --consistency')
    .option('--to <file>', 'the later digest or checkpoint, for --consistency')
    .option('--file <log.ndjson>', 'verify an export offline instead of the store (no database needed)')
    .option(
      '--service-store <setting>',
      'the service store whose fund projection is compared (default: beside the store)',
    )
    .option('--views', 'instead: compare the stored views and the vault with the log (docs/operations.md)')
    .action(async (options: VerifyOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      // loaded only here: the rest of the CLI need not load the application layer
      if (options.views)
        return (await import('./verify-views')).verifyViewsCommand(
          globals,
          options,
          serviceStoreSetting(globals, options),
        );
      if (proofCheck(globals, options)) return;
      const keyring = cliKeyring(globals);
      const digests = readDigests(options.digest, keyring);
      const digest = latestDigest(digests); // the one the store's verification record names
      const file = options.file;
      if (file !== undefined) inputFileSize(file);
      const result = file
        ? await verifyExportFile(file, digests, keyring).catch((error: Error) => {
            throw plainFileProblem(error) ? cannotRead(file, error) : new UsageError(error.message);
          })
        : await withExistingStore(globals, async (store) => {
            const at = new Date().toISOString();
            const chain = await verifyStore(store, digests, { keyring });
            await recordRun(serviceStoreSetting(globals, options), at, chain, digest);
            const fund = await checkFundInvariant(store, serviceStoreSetting(globals, options));
            return { ...chain, ok: chain.ok && fund.ok, fund };
          });
      report(globals, result, describe(result, options.file ?? 'the store'));
      if (!result.ok) process.exitCode = 1;
    });
}

/**
 * Keeps the run of the hash-chain check in the store's service store, where the home page shows the latest (an
 * operational record, never in the event log). Verify creates nothing: with no service store there, nothing is
 * kept; an offline `--file` check has no store and keeps nothing either. The check stands whether or not it
 * could be kept, so a refused write is a warning, not a failure.
 */
async function recordRun(
  serviceSetting: string,
  at: string,
  chain: LogVerifyReport,
  digest: LogDigest | undefined,
): Promise<void> {
  let service: ServiceStore;
  try {
    service = await ServiceStore.open(serviceSetting, { mustExist: true });
  } catch (error) {
    if (error instanceof StoreMissingError) return;
    process.stderr.write(`bcl: the run was not recorded: ${(error as Error).message}\n`);
    return;
  }
  try {
    await service.recordVerification({
      at,
      subject: `os-user:${userInfo().username}`,
      origin: 'cli',
      eventsChecked: chain.eventsChecked,
      headPosition: chain.lastPosition === null ? null : chain.lastPosition.toString(),
      headHash: chain.lastPosition === null ? null : chain.lastHash,
      ok: chain.ok,
      firstBreak: chain.firstBreak
        ? {
            kind: chain.firstBreak.kind,
            position: chain.firstBreak.position.toString(),
            message: chain.firstBreak.message,
          }
        : null,
      // as the Verify page keeps it: a digest matches only when the whole log verifies too
      digest: digest
        ? { position: digest.position.toString(), matched: chain.digest?.matched === true && chain.ok }
        : null,
    });
  } catch (error) {
    process.stderr.write(`bcl: the run was not recorded: ${(error as Error).message}\n`);
  } finally {
    await service.close();
  }
}

function describe(result: LogVerifyReport & { fund?: FundInvariantReport }, what: string): string {
  const fund = result.fund;
  if (fund && !fund.ok) return `BROKEN: ${fund.problems.join('; ')}`;
  const fundLine = fund
    ? `\nOK: pooled fund: ${fund.transactions} transactions in ${fund.poolYears} pool-years sum to zero${fund.comparedWithProjection === null ? '' : `, and equal the live projection`}`
    : '';
  return describeChain(result, what) + fundLine;
}

function describeChain(result: LogVerifyReport, what: string): string {
  if (!result.ok) {
    const range = result.alteredRange ? `; ${describeAlteredRange(result.alteredRange)}` : '';
    return `BROKEN: ${result.firstBreak!.message}${range} [${result.firstBreak!.kind}] (${result.eventsChecked} events verified before it)`;
  }
  const count = result.digests?.length ?? 0;
  const digest = !result.digest
    ? ''
    : count > 1
      ? `; ${count} digests matched, the latest at position ${result.digest.position}`
      : `; digest at position ${result.digest.position} matched`;
  return `OK: ${result.eventsChecked} events in ${what} verified, last position ${result.lastPosition ?? 'none'}, head ${result.lastHash}${digest}\n${describeSignatures(result)}`;
}

/** What the signatures showed: checked against the keyring, or only counted. */
function describeSignatures(result: LogVerifyReport): string {
  const { signedEvents, unsignedEvents, signaturesChecked } = result;
  if (signaturesChecked) {
    return signedEvents === 0
      ? `signatures: none of the ${unsignedEvents} events is signed, and none was recorded after a service or operator key in the keyring came into use`
      : `signatures: ${signedEvents} events signed by keys in the keyring, all verified; ${unsignedEvents} unsigned events before signing began`;
  }
  return signedEvents === 0
    ? 'signatures: no event is signed'
    : `signatures: ${signedEvents} events signed, NOT checked (no --keyring); ${unsignedEvents} unsigned`;
}
