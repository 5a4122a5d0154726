import { Command } from 'commander';
import { ID_PATTERN, knownBy } from '@bcl/kernel';
import { AssumedFact, areaDefined, assumedFactsOfArea, assumedFactsOfLedger, knownLog } from '@bcl/contexts';
import { GlobalOptions, UsageError, report, withExistingStore } from '../cli-context';
import { viewpointOf, withViewpointOptions } from '../viewpoint-options';

/** One fact as an auditor reads it: what, where and when, then why it is assumed and what it cites. */
function describeFact(fact: AssumedFact & { areas?: string[] }): string {
  return [
    `${fact.effectiveOn ?? '(no date)'} ${fact.type} in ${fact.stream} (position ${fact.position}, recorded ${fact.recordedAt})`,
    ...(fact.areas ? [`  areas: ${fact.areas.length === 0 ? 'none' : fact.areas.join(', ')}`] : []),
    `  says: ${fact.says || '(no scalar fields)'}`,
    `  assumed: ${fact.evidence.assumed}`,
    `  cites: ${fact.evidence.citations.length === 0 ? 'nothing' : fact.evidence.citations.join('; ')}`,
  ].join('\n');
}

export function assumedFactsCommand(): Command {
  const command = new Command('assumed-facts')
    .description(
      'every fact the ledger (or one area of it) records as assumed (its evidence says why), never as documented',
    )
    .option('--area <id>', 'only the facts of this HWB area, e.g. kent');
  return withViewpointOptions(command, false).action(
    async (options: { area?: string; knownAt?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      if (options.area !== undefined && !ID_PATTERN.test(options.area))
        throw new UsageError('--area: must be lower-case letters, digits and hyphens');
      const knownAtIso = viewpointOf({ knownAt: options.knownAt }).knownAt;
      const events = await withExistingStore(globals, (store) => knownLog(store));
      const known = events.filter((event) => knownBy(knownAtIso, event));
      if (options.area === undefined) {
        const facts = assumedFactsOfLedger(known);
        const answer = { knownAt: knownAtIso ?? null, count: facts.length, facts };
        const title = `the ledger: ${facts.length} assumed fact(s)`;
        return report(globals, answer, [title, ...facts.map(describeFact)].join('\n'));
      }
      if (!areaDefined(events, options.area))
        throw new UsageError(`--area: no area '${options.area}' in the ledger`);
      const facts = assumedFactsOfArea(known, options.area);
      const answer = { areaId: options.area, knownAt: knownAtIso ?? null, count: facts.length, facts };
      report(
        globals,
        answer,
        [`${options.area}: ${facts.length} assumed fact(s)`, ...facts.map(describeFact)].join('\n'),
      );
    },
  );
}
