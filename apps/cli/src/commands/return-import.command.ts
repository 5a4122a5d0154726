import { Command } from 'commander';
import { EventStore, ExpectedRevision, JsonObject, newEventId } from '@bcl/event-store';
import { DomainError, ID_PATTERN, Quarter, Recorded, isFinancialYear } from '@bcl/kernel';
import {
  CellProblem,
  CellsRefused,
  FieldValue,
  QuarterlyReturnState,
  ReturnEvent,
  ReturnTemplate,
  ReturnView,
  evolveReturn,
  returnIdOf,
  returnStream,
} from '@bcl/domain-returns';
import {
  DocumentAmendment,
  ReturnDocument,
  importChanges,
  parseReturnDocument,
  readReturnWorkbook,
} from '@bcl/quarterly-returns';
import { WorkbookRefused } from '@bcl/plan-import';
import { GlobalOptions, UsageError, cliMetadata, report, withStore } from '../cli-context';
import { inputFileSize, readInputBytes } from '../files';
import { ReturnWiring } from './return-wiring';
import { checksOf, loadReturnView } from './return-reads';
import { checksSummary, describeChecks, problemLines } from './return-text';

/** Return files larger than this are refused before they are read. */
export const RETURN_FILE_BYTES_MAX = 5 * 1024 * 1024;

interface ImportOptions {
  area: string;
  year: string;
  quarter: string;
  reason: string;
  template?: string;
}

/** What the file holds: the values of the fields it names, and the amendments a document asks for. */
interface ReturnFile {
  values: Record<string, FieldValue>;
  amendments: DocumentAmendment[];
  /** The cells the value rules refuse, each located on its sheet where the file is a workbook. */
  problems: CellProblem[];
  where: Record<string, { sheet: string; row: number }>;
}

/** The file's values and amendments, and every cell the value rules refuse (not thrown: reported with the rest). */
async function readFile(
  wiring: ReturnWiring,
  template: ReturnTemplate,
  quarter: Quarter,
  document: ReturnDocument | null,
  bytes: Buffer,
): Promise<ReturnFile> {
  if (document) {
    const problems = wiring.valueProblems(template, quarter, document.values);
    return { values: document.values, amendments: document.amendments ?? [], problems, where: {} };
  }
  let problems: CellProblem[] = [];
  const read = await readReturnWorkbook(template, quarter, bytes, (t, q, values) => {
    problems = wiring.valueProblems(t, q, values);
    return [];
  });
  const located = problems.map((p) => ({ ...p, ...read.cells[p.field] }));
  return { values: read.values, amendments: [], problems: located, where: read.cells };
}

/**
 * The cells the import would leave red (Q3): each blocking rule of the template that would fail on a cell the
 * file sets (a 'No' without its explanation, an annual total off the pooled fund with no comment), named at the
 * cell left empty where there is one.
 */
async function blockedCells(
  wiring: ReturnWiring,
  store: EventStore,
  view: ReturnView,
  template: ReturnTemplate,
  events: ReturnEvent[],
  read: ReturnFile,
): Promise<CellProblem[]> {
  let state: QuarterlyReturnState = { ...view, revision: 0 };
  for (const event of events) state = evolveReturn(state, event);
  const checks = await checksOf(wiring, store, { ...view, ...state }, template, {});
  return checks
    .filter((c) => c.kind === 'rule' && c.severity === 'blocking' && c.outcome === 'fail')
    .flatMap((check) => {
      const given = (field: string) => read.values[field] !== undefined && read.values[field] !== null;
      if (!check.cells.some((cell) => given(cell.field))) return [];
      // Named at the cell left empty (the missing explanation), else at the cell the file set.
      const field = (check.cells.find((cell) => !given(cell.field)) ?? check.cells[0]!).field;
      return [{ field, reason: check.message, ...read.where[field] }];
    });
}

function checkedOptions(options: ImportOptions): { areaId: string; year: string; quarter: Quarter } {
  if (!ID_PATTERN.test(options.area))
    throw new UsageError('--area: must be lower-case letters, digits and hyphens, e.g. southend-on-sea');
  if (!isFinancialYear(options.year))
    throw new UsageError('--year: must be a financial year such as 2016-17');
  if (!/^[1-4]$/.test(options.quarter)) throw new UsageError('--quarter: must be 1, 2, 3 or 4');
  if (options.reason.trim() === '') throw new UsageError('--reason: say why the return is imported');
  return { areaId: options.area, year: options.year, quarter: Number(options.quarter) as Quarter };
}

/** A JSON document, checked against the schema and against the return the options name. */
function readDocument(file: string, bytes: Buffer, want: ReturnType<typeof checkedOptions>): ReturnDocument {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new UsageError(`${file}: is not JSON (${(error as Error).message})`);
  }
  const document = parseReturnDocument(json);
  for (const [field, got, option, wanted] of [
    ['areaId', document.areaId, '--area', want.areaId],
    ['financialYear', document.financialYear, '--year', want.year],
    ['quarter', String(document.quarter), '--quarter', String(want.quarter)],
  ] as const)
    if (got !== wanted) throw new UsageError(`${file}: ${field}: is '${got}' but ${option} is '${wanted}'`);
  return document;
}

const newEvents = (events: ReturnEvent[], metadata: ReturnType<typeof cliMetadata>) =>
  events.map((event) => ({
    eventId: newEventId(),
    type: event.type,
    data: event.data as unknown as JsonObject,
    metadata,
  }));

/**
 * The return as it stands; or, when it is not yet issued, as its issue would make it, with the events that issue
 * it, so that the issue and the import are recorded together or not at all.
 */
async function currentOrIssued(
  wiring: ReturnWiring,
  store: EventStore,
  target: ReturnType<typeof checkedOptions>,
  templateVersion: string,
): Promise<{ view: ReturnView; issue: ReturnEvent[]; expected: ExpectedRevision }> {
  const returnId = returnIdOf(target.areaId, target.year, target.quarter);
  const recorded = await wiring.loadReturnEvents(store, returnId);
  if (recorded.length > 0)
    return {
      view: await loadReturnView(wiring, store, returnId, 'as-submitted', {}),
      issue: [],
      expected: recorded.at(-1)!.revision,
    };
  const template = wiring.readReturnTemplate(templateVersion);
  const input = { areaId: target.areaId, financialYear: target.year, quarter: target.quarter, template };
  const issue = wiring.decideIssue({ ...input, facts: await wiring.gatherIssueFacts(store, input) });
  const stream = returnStream(returnId);
  const recordedAt = new Date().toISOString();
  const pending = issue.map(
    (event, revision) => ({ ...event, stream, revision, position: 0n, recordedAt }) as Recorded<ReturnEvent>,
  );
  const view = wiring.returnViewOf(pending, { basis: 'as-submitted', viewpoint: {}, later: [] });
  if (!view) throw new Error(`${returnId}: its issue makes no return`);
  return { view, issue, expected: 'no-stream' };
}

/** `bcl return import FILE --area A --year Y --quarter N --reason R`. */
export function returnImportCommand(wiring: ReturnWiring): Command {
  return new Command('import')
    .description(
      'fill a quarterly return from a workbook (.xlsx, the template layout) or a document (.json), issuing it first if needed; prints the checks that fire',
    )
    .argument(
      '<file>',
      'the return: .xlsx (as `bcl return export` writes it) or .json (bcl-quarterly-return/1)',
    )
    .requiredOption('--area <areaId>', 'the HWB area, e.g. southend-on-sea')
    .requiredOption('--year <year>', 'the financial year, e.g. 2016-17')
    .requiredOption('--quarter <n>', 'the quarter, 1 to 4')
    .requiredOption(
      '--reason <text>',
      'why it is imported (also the reason of any previously returned figure it restates)',
    )
    .option(
      '--template <version>',
      'a return not yet issued: its template version (default bcf-quarterly-<year>)',
    )
    .action(async (file: string, options: ImportOptions, self: Command) => {
      const globals = self.optsWithGlobals<GlobalOptions>();
      const target = checkedOptions(options);
      const kind = /\.(xlsx|json)$/i.exec(file)?.[1]?.toLowerCase();
      if (!kind) throw new UsageError(`${file}: must be a .xlsx or .json file`);
      const size = inputFileSize(file);
      if (size > RETURN_FILE_BYTES_MAX)
        throw new UsageError(
          `${file}: is ${size} bytes; return files are limited to ${RETURN_FILE_BYTES_MAX} bytes (5 MiB)`,
        );
      const bytes = readInputBytes(file);
      try {
        const document = kind === 'json' ? readDocument(file, bytes, target) : null;
        const metadata = {
          ...cliMetadata(options.reason),
          ...(document?.evidence ? { evidence: document.evidence } : {}),
        };
        const result = await withStore(globals, async (store) => {
          const templateVersion =
            document?.templateVersion ?? options.template ?? `bcf-quarterly-${target.year}`;
          const { view, issue, expected } = await currentOrIssued(wiring, store, target, templateVersion);
          if (view.templateVersion !== templateVersion && (document || options.template))
            throw new UsageError(
              `${file}: the return is of template ${view.templateVersion}, not ${templateVersion}`,
            );
          const template = wiring.readReturnTemplate(view.templateVersion);
          const read = await readFile(wiring, template, target.quarter, document, bytes);
          const valid = Object.fromEntries(
            Object.entries(read.values).filter(([field]) => !read.problems.some((p) => p.field === field)),
          );
          const changes = importChanges(view, valid, options.reason);
          const named = new Set(read.amendments.map((a) => a.field));
          const amendments = [...read.amendments, ...changes.amend.filter((a) => !named.has(a.field))];
          const events = wiring.decideImport(
            view,
            template,
            { values: changes.enter, amendments },
            metadata.actor.id,
          );
          const blocked = await blockedCells(wiring, store, view, template, events, read);
          if (read.problems.length + blocked.length > 0)
            throw new CellsRefused([...read.problems, ...blocked]);
          if (issue.length + events.length > 0)
            await store.append(
              returnStream(view.returnId),
              newEvents([...issue, ...events], metadata),
              expected,
            );
          const after = await loadReturnView(wiring, store, view.returnId, 'as-submitted', {});
          const checks = await checksOf(wiring, store, after, template, {});
          return {
            returnId: after.returnId,
            issued: issue.length > 0,
            version: after.version,
            eventsRecorded: issue.length + events.length,
            checks,
            template,
          };
        });
        const { template, ...printed } = result;
        report(
          globals,
          printed,
          [
            `${result.returnId} version ${result.version}: ${result.issued ? 'issued, ' : ''}${result.eventsRecorded} event(s) recorded; ${checksSummary(result.checks)}`,
            ...describeChecks(template, target.quarter, result.checks),
          ].join('\n'),
        );
      } catch (error) {
        if (error instanceof CellsRefused) {
          process.stderr.write(
            problemLines(file, error.problems)
              .map((line) => `bcl: ${line}\n`)
              .join(''),
          );
          process.exitCode = 2;
          return;
        }
        if (error instanceof WorkbookRefused) throw new UsageError(`${file}: ${error.message}`);
        if (error instanceof DomainError) throw new UsageError(`${file}: ${error.field}: ${error.reason}`);
        throw error;
      }
    });
}
