import { Command } from 'commander';
import { ID_PATTERN, EventRecord } from '@bcl/kernel';
import { logEventPages } from '@bcl/event-store';
import { AssumedFact, areaDefined, assumedFactsOfArea, assumedFactsOfLedger } from '@bcl/contexts';
import { GlobalOptions, UsageError, report, withExistingStore } from '../cli-context';

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
  return new Command('assumed-facts')
    .description(
      'every fact the ledger (or one area of it) records as assumed (its evidence says why), never as documented',
    )
    .option('--area <id>', 'only the facts of this HWB area, e.g. kent')
    .option('--known-at <instant>', 'only facts recorded by then (ISO 8601 date-time with a time zone)')
    .action(async (options: { area?: string; knownAt?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      if (options.area !== undefined && !ID_PATTERN.test(options.area))
        throw new UsageError('--area: must be lower-case letters, digits and hyphens');
      const knownAt = options.knownAt === undefined ? undefined : Date.parse(options.knownAt);
      if (knownAt !== undefined && Number.isNaN(knownAt))
        throw new UsageError('--known-at: must be an ISO 8601 date-time, such as 2026-01-01T00:00:00Z');
      const knownAtIso = knownAt === undefined ? undefined : new Date(knownAt).toISOString();
      const events = await withExistingStore(globals, async (store) => {
        const read: EventRecord[] = [];
        for await (const page of logEventPages(store)) read.push(...page);
        return read;
      });
      const known = events.filter((event) => knownAtIso === undefined || event.recordedAt <= knownAtIso);
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
    });
}
