import { userInfo } from 'node:os';
import { Command } from 'commander';
import {
  LogDigest,
  StoreMissingError,
  VerifyReport,
  digestFromJson,
  verifyExportFile,
  verifyStore,
} from '@bcl/event-store';
import { ServiceStore } from '@bcl/service-store';
import { GlobalOptions, UsageError, cliKeyring, report, withExistingStore } from '../cli-context';
import { cannotRead, inputFileSize, plainFileProblem, readInputText } from '../files';
import { FundInvariantReport, checkFundInvariant } from './fund-invariant';
import { serviceStoreSetting } from './projections.command';

interface VerifyOptions {
  digest?: string;
  file?: string;
  serviceStore?: string;
  views?: boolean;
}

export function verifyCommand(): Command {
  return new Command('verify')
    .description('check the hash chain of the whole log; exit 1 at the first break')
    .option('--digest <file>', 'also prove the log still holds, unchanged, everything this digest covered')
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
      const digest = options.digest ? readDigest(options.digest) : undefined;
      const keyring = cliKeyring(globals);
      const file = options.file;
      if (file !== undefined) inputFileSize(file);
      const result = file
        ? await verifyExportFile(file, digest, keyring).catch((error: Error) => {
            throw plainFileProblem(error) ? cannotRead(file, error) : new UsageError(error.message);
          })
        : await withExistingStore(globals, async (store) => {
            const at = new Date().toISOString();
            const chain = await verifyStore(store, digest, keyring);
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
  chain: VerifyReport,
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

function readDigest(path: string): LogDigest {
  const text = readInputText(path, 'digest file');
  try {
    return digestFromJson(text);
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
}

function describe(result: VerifyReport & { fund?: FundInvariantReport }, what: string): string {
  const fund = result.fund;
  if (fund && !fund.ok) return `BROKEN: ${fund.problems.join('; ')}`;
  const fundLine = fund
    ? `\nOK: pooled fund: ${fund.transactions} transactions in ${fund.poolYears} pool-years sum to zero${fund.comparedWithProjection === null ? '' : `, and equal the live projection`}`
    : '';
  return describeChain(result, what) + fundLine;
}

function describeChain(result: VerifyReport, what: string): string {
  if (!result.ok)
    return `BROKEN: ${result.firstBreak!.message} [${result.firstBreak!.kind}] (${result.eventsChecked} events verified before it)`;
  const digest = result.digest ? `; digest at position ${result.digest.position} matched` : '';
  return `OK: ${result.eventsChecked} events in ${what} verified, last position ${result.lastPosition ?? 'none'}, head ${result.lastHash}${digest}\n${describeSignatures(result)}`;
}

/** What the signatures showed: checked against the keyring, or only counted. */
function describeSignatures(result: VerifyReport): string {
  const { signedEvents, unsignedEvents, signaturesChecked } = result;
  if (signaturesChecked) {
    return signedEvents === 0
      ? `signatures: none of the ${unsignedEvents} events is signed (signing was never enabled)`
      : `signatures: ${signedEvents} events signed by keys in the keyring, all verified; ${unsignedEvents} unsigned events before signing began`;
  }
  return signedEvents === 0
    ? 'signatures: no event is signed'
    : `signatures: ${signedEvents} events signed, NOT checked (no --keyring); ${unsignedEvents} unsigned`;
}
