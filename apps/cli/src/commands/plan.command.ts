import { DomainError, Viewpoint, isCalendarDate } from '@bcl/kernel';
import { Command } from 'commander';
import { JsonObject, newEventId } from '@bcl/event-store';
import {
  CheckResult,
  PlanState,
  RemovalNeedsConfirmation,
  SectionChanges,
  checkPlan,
  evolvePlan,
  planStream,
  planVersions,
  recordPlanDocument,
} from '@bcl/domain-plans';
import {
  PlanDocumentInvalid,
  PlanInput,
  TableCellInvalid,
  loadAreaFacts,
  loadPlan,
  planInputKind,
  approvedPlanVersions,
  planningReference,
  referenceDirectory,
  readPlanInput,
  toPlanDocument,
  writePlanWorkbook,
} from '@bcl/plan-import';
import {
  GlobalOptions,
  UsageError,
  cliMetadata,
  report,
  toJson,
  withExistingStore,
  withStore,
} from '../cli-context';
import { viewpointOf } from '../viewpoint-options';
import { inputFileSize, readInputBytes, writeOutputFile } from '../files';
import { wholeNumber } from './demo.command';
import { cliConfigFromEnv } from '../config';

/** Plan files larger than this are refused before they are read. */
export const PLAN_FILE_BYTES_MAX = 5 * 1024 * 1024;
/** Exit code of an import that would remove entries, given without --replace: previewed, nothing recorded. */
export const EXIT_PREVIEW_ONLY = 3;

interface ImportOptions {
  reason: string;
  table?: string;
  area?: string;
  cycle?: string;
  justification?: string;
  planId?: string;
  replace?: boolean;
  effectiveOn?: string;
}

export function planCommand(): Command {
  const plan = new Command('plan').description(
    'BCF plans: record plan documents, see their checks, export them',
  );
  plan
    .command('import')
    .argument(
      '<file>',
      'a plan: .json (docs/plan-format.md), .xlsx (planning-template workbook) or .csv (one table)',
    )
    .description('record a plan (or some of its sections) as events, and print the checks that fire')
    .option('--reason <text>', 'why it is recorded', 'plan document imported with bcl')
    .option('--table <section>', 'CSV only: the table the file holds (contributions, schemes, …)')
    .option('--area <areaId>', 'CSV only: the plan’s HWB area')
    .option('--cycle <cycle>', 'CSV only: the planning cycle, e.g. 2017-19')
    .option('--justification <text>', 'CSV only: the document or decision behind the figures')
    .option('--plan-id <id>', 'CSV only: the plan id (default <area>-<cycle>)')
    .option(
      '--replace',
      'remove the entries a given section leaves out (without it, such an import only prints what it would change, exit 3)',
    )
    .option(
      '--effective-on <date>',
      'the date the document (the version it begins or changes) takes effect, YYYY-MM-DD, e.g. the date it bears (default: none, seen from any date)',
    )
    .action(async (file: string, options: ImportOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      if (options.effectiveOn !== undefined && !isCalendarDate(options.effectiveOn))
        throw new UsageError('--effective-on: must be a real date written YYYY-MM-DD');
      const input = await readPlanFile(file, options);
      const document = input.command;
      const result = await withStore(globals, async (store) => {
        const reference = planningReference(
          document.cycle,
          referenceDirectory(cliConfigFromEnv().referenceDir),
        );
        if (!reference) throw new UsageError(`${file}: cycle: no reference data for '${document.cycle}'`);
        const area = await loadAreaFacts(store, document.areaId);
        if (!area)
          throw new UsageError(
            `${file}: areaId: area '${document.areaId}' is not in the registry (start the API once to load it)`,
          );
        const { state, revision } = await loadPlan(store, document.planId);
        let events;
        try {
          events = recordPlanDocument(
            state,
            { ...document, replace: options.replace === true },
            reference,
            area,
            await approvedPlanVersions(store, document.planId),
          );
        } catch (error) {
          if (error instanceof RemovalNeedsConfirmation)
            return { preview: true as const, planId: document.planId, changes: error.changes };
          if (error instanceof DomainError)
            throw new UsageError(`${file}: ${input.locate(error.field)}: ${error.reason}`);
          throw error;
        }
        const metadata = {
          // the version's effective date, as the API's `effectiveOn` (docs/time-travel.md)
          ...cliMetadata(options.reason, options.effectiveOn),
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
          preview: false as const,
          planId: document.planId,
          version: after.version,
          eventsRecorded: events.length,
          checks: checkPlan(after, reference, area),
        };
      });
      if (result.preview) {
        const { planId, changes } = result;
        report(globals, { planId, recorded: false, needsReplace: true, changes }, describePreview(result));
        process.exitCode = EXIT_PREVIEW_ONLY;
        return;
      }
      const { preview: _preview, ...recorded } = result;
      report(globals, recorded, describe(recorded));
    });
  plan
    .command('export')
    .argument('<planId>', 'the plan, e.g. kent-2017-19')
    .description(
      'write a plan version as a plan document (.json) or workbook (.xlsx) that imports back to the same plan',
    )
    .requiredOption('--out <file>', 'where to write it: .json or .xlsx')
    .option('--version <n>', 'the version (default: the current one)')
    .option(
      '--as-at <date>',
      'the plan as it stood on that date, YYYY-MM-DD: the versions in effect by then (default: every version)',
    )
    .option('--known-at <instant>', 'the plan as recorded by then, e.g. 2026-01-01T00:00:00Z (default: now)')
    .action(async (planId: string, options: PlanExportOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const kind = planInputKind(options.out);
      if (kind !== 'json' && kind !== 'xlsx') throw new UsageError('--out must name a .json or .xlsx file');
      const viewpoint = viewpointOf({ asAt: options.asAt, knownAt: options.knownAt });
      const state = await withExistingStore(globals, async (store) => {
        const events = (await loadPlan(store, planId)).events;
        const versions = planVersions(events, viewpoint);
        if (versions.length === 0)
          throw new UsageError(`${planId}: ${notSeen(events.length > 0, viewpoint)}`);
        const wanted =
          options.version === undefined
            ? versions.length
            : wholeNumber('--version', options.version, 1, versions.length);
        return versions[wanted - 1]!.state;
      });
      const justification = `export of ${planId} version ${state.version}`;
      writeOutputFile(
        options.out,
        kind === 'xlsx'
          ? await writePlanWorkbook(state, justification)
          : `${toJson(toPlanDocument(state, justification), 1)}\n`,
      );
      report(
        globals,
        { planId, version: state.version, out: options.out },
        `wrote ${planId} version ${state.version} to ${options.out}`,
      );
    });
  return plan;
}

interface PlanExportOptions {
  out: string;
  version?: string;
  asAt?: string;
  knownAt?: string;
}

/** Why no version of a plan is seen from the viewpoint, in the words the API uses. */
function notSeen(recorded: boolean, { asAt, knownAt }: Viewpoint): string {
  const known = knownAt === undefined ? '' : ` as known at ${knownAt}`;
  if (!recorded || asAt === undefined) return `no such plan is recorded${known}`;
  return `had no version in effect on ${asAt}${known}`;
}

async function readPlanFile(file: string, options: ImportOptions): Promise<PlanInput> {
  const kind = planInputKind(file);
  if (!kind) throw new UsageError(`${file}: must be a .json, .xlsx or .csv file`);
  const size = inputFileSize(file);
  if (size > PLAN_FILE_BYTES_MAX)
    throw new UsageError(
      `${file}: is ${size} bytes; plan files are limited to ${PLAN_FILE_BYTES_MAX} bytes (5 MiB)`,
    );
  const csv =
    kind === 'csv'
      ? {
          table: required(options.table, '--table'),
          areaId: required(options.area, '--area'),
          cycle: required(options.cycle, '--cycle'),
          justification: required(options.justification, '--justification'),
          planId: options.planId,
        }
      : undefined;
  try {
    return await readPlanInput(readInputBytes(file), kind, csv);
  } catch (error) {
    if (error instanceof PlanDocumentInvalid || error instanceof TableCellInvalid)
      throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}

function required(value: string | undefined, option: string): string {
  if (!value) throw new UsageError(`a CSV import needs ${option}`);
  return value;
}

function describePreview({ planId, changes }: { planId: string; changes: SectionChanges[] }): string {
  const removed = changes.reduce((sum, section) => sum + section.removed.length, 0);
  const lines = [
    `${planId}: nothing recorded: this import would remove ${removed} entr${removed === 1 ? 'y' : 'ies'}; run it again with --replace to record it`,
  ];
  for (const { section, added, changed, removed: gone } of changes) {
    lines.push(`  ${section}: ${added.length} added, ${changed.length} changed, ${gone.length} removed`);
    for (const [verb, keys] of [
      ['remove', gone],
      ['add   ', added],
      ['change', changed],
    ] as const)
      for (const key of keys) lines.push(`    ${verb} ${key}`);
  }
  return lines.join('\n');
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
