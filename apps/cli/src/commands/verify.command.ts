import { Command } from 'commander';
import { LogDigest, VerifyReport, digestFromJson, verifyExportFile, verifyStore } from '@bcl/event-store';
import { GlobalOptions, UsageError, report, withExistingStore } from '../cli-context';
import { cannotRead, inputFileSize, plainFileProblem, readInputText } from '../files';
import { FundInvariantReport, checkFundInvariant } from './fund-invariant';
import { serviceStoreSetting } from './projections.command';

interface VerifyOptions {
  digest?: string;
  file?: string;
  serviceStore?: string;
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
    .action(async (options: VerifyOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const digest = options.digest ? readDigest(options.digest) : undefined;
      const file = options.file;
      if (file !== undefined) inputFileSize(file);
      const result = file
        ? await verifyExportFile(file, digest).catch((error: Error) => {
            throw plainFileProblem(error) ? cannotRead(file, error) : new UsageError(error.message);
          })
        : await withExistingStore(globals, async (store) => {
            const chain = await verifyStore(store, digest);
            const fund = await checkFundInvariant(store, serviceStoreSetting(globals, options));
            return { ...chain, ok: chain.ok && fund.ok, fund };
          });
      report(globals, result, describe(result, options.file ?? 'the store'));
      if (!result.ok) process.exitCode = 1;
    });
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
  return `OK: ${result.eventsChecked} events in ${what} verified, last position ${result.lastPosition ?? 'none'}, head ${result.lastHash}${digest}`;
}
