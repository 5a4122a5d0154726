import { readFileSync, statSync } from 'node:fs';
import { Command } from 'commander';
import { JsonObject, newEventId } from '@bcl/event-store';
import { DomainError } from '@bcl/domain-registry';
import {
  CheckResult,
  checkPlan,
  planStream,
  recordPlanDocument,
  evolvePlan,
  PlanState,
} from '@bcl/domain-plans';
import {
  PlanDocumentInvalid,
  loadAreaFacts,
  loadPlan,
  parsePlanDocument,
  planningReference,
} from '@bcl/plan-import';
import { GlobalOptions, UsageError, cliMetadata, report, withStore } from '../cli-context';

/** Plan files larger than this are refused before they are read. */
export const PLAN_FILE_BYTES_MAX = 5 * 1024 * 1024;

export function planCommand(): Command {
  const plan = new Command('plan').description('BCF plans: record a plan document and see its checks');
  plan
    .command('import')
    .argument('<file>', 'a plan document in the JSON format of docs/plan-format.md')
    .description('record a plan (or some of its sections) as events, and print the checks that fire')
    .option('--reason <text>', 'why it is recorded', 'plan document imported with bcl')
    .action(async (file: string, options: { reason: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const document = readPlanFile(file);
      const result = await withStore(globals, async (store) => {
        const reference = planningReference(document.cycle);
        if (!reference) throw new UsageError(`${file}: cycle: no reference data for '${document.cycle}'`);
        const area = await loadAreaFacts(store, document.areaId);
        if (!area)
          throw new UsageError(
            `${file}: areaId: area '${document.areaId}' is not in the registry (start the API once to load it)`,
          );
        const { state, revision } = await loadPlan(store, document.planId);
        let events;
        try {
          events = recordPlanDocument(state, document, reference, area);
        } catch (error) {
          if (error instanceof DomainError) throw new UsageError(`${file}: ${error.field}: ${error.reason}`);
          throw error;
        }
        const metadata = {
          ...cliMetadata(options.reason),
          reason: `${options.reason} (${document.justification})`,
        };
        if (events.length > 0)
          await store.append(
            planStream(document.planId),
            events.map((event) => ({
              eventId: newEventId(),
              type: event.type,
              data: event.data as unknown as JsonObject,
              metadata,
            })),
            revision === -1 ? 'no-stream' : revision,
          );
        const after = events.reduce<PlanState | undefined>(evolvePlan, state)!;
        return {
          planId: document.planId,
          version: after.version,
          eventsRecorded: events.length,
          checks: checkPlan(after, reference, area),
        };
      });
      report(globals, result, describe(result));
    });
  return plan;
}

function readPlanFile(file: string) {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`${file}: cannot be read`);
  }
  if (size > PLAN_FILE_BYTES_MAX)
    throw new UsageError(
      `${file}: is ${size} bytes; plan files are limited to ${PLAN_FILE_BYTES_MAX} bytes (5 MiB)`,
    );
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: is not valid JSON (${(error as Error).message})`);
  }
  try {
    return parsePlanDocument(json);
  } catch (error) {
    if (error instanceof PlanDocumentInvalid) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}

function describe(result: {
  planId: string;
  version: number;
  eventsRecorded: number;
  checks: CheckResult[];
}): string {
  const standing = result.checks.filter((check) => check.outcome !== 'pass');
  const lines = [
    `${result.planId} version ${result.version}: ${result.eventsRecorded} event(s) recorded; ${result.checks.length} checks, ${standing.length} not passing outright`,
    ...standing.map(
      (check) =>
        `  ${check.severity.padEnd(11)} ${check.outcome.padEnd(13)} ${check.checkId}: ${check.message}`,
    ),
  ];
  return lines.join('\n');
}
