import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { approvedVersions } from '@bcl/domain-governance/facts';
import {
  AreaFacts,
  CheckResult,
  PlanEvent,
  PlanningReference,
  PlanSection,
  PlanState,
  RecordPlanDocument,
  RemovalNeedsConfirmation,
  evolvePlan,
  planStream,
  recordPlanDocument,
} from '@bcl/domain-plans';
import { PlanDocumentInvalid, TableCellInvalid, WorkbookRefused, readPlanInput } from '@bcl/plan-import';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { StreamFacts } from '../../event-log/stream-facts';
import { Problem, invalidRequest } from '../../problem';
import { todayInEngland } from '../../business-dates';
import { PlanContext } from '../plan-context';
import { PLAN_INSTRUMENT_KINDS } from '../plan-sign-off';
import { PlansOfCycle } from '../plans-of-cycle';

/** A plan document or workbook sent to be imported may be this large (the API's body, the page's upload). */
export const PLAN_IMPORT_BYTES_MAX = 2 * 1024 * 1024;

/**
 * Records a plan document (whole, or some sections) as the entry-level changes it makes. With `preview`, decides
 * exactly as a recording would (the same facts, the same refusals) and records nothing: the handler answers what
 * the document would change and the checks of the plan it would leave.
 */
export class ImportPlanCommand {
  constructor(
    readonly document: RecordPlanDocument,
    readonly context: CommandContext,
    /** The date the document (the version it begins or changes) takes effect, e.g. the date it bears. */
    readonly effectiveOn: string | null = null,
    readonly preview = false,
  ) {}
}

/** One field of an entry a document changes: its value before (null when added) and after (null when removed). */
export interface PlanFieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** One entry a document would record, amend or remove, with its fields that change. */
export interface PlanEntryChange {
  change: 'added' | 'changed' | 'removed';
  section: PlanSection;
  key: string;
  fields: PlanFieldChange[];
}

/** What an import would do, recording nothing. */
export interface PlanImportPreview {
  planId: string;
  areaId: string;
  cycle: string;
  /** The plan's current version before the import; null when the import would begin the plan. */
  currentVersion: number | null;
  /** The version the import would leave current. */
  version: number;
  startsVersion: boolean;
  /** The stream revision the preview was decided against: a confirmation sends it as If-Match. */
  revision: number;
  changes: PlanEntryChange[];
  /** The checks of the plan as the import would leave it. */
  checks: CheckResult[];
}

/** A recording answers what it wrote; a preview answers what it would change. */
export type ImportPlanResult = (WriteResult & { created: boolean }) | { preview: PlanImportPreview };

@CommandHandler(ImportPlanCommand)
export class ImportPlanHandler implements ICommandHandler<ImportPlanCommand, ImportPlanResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly plans: PlanContext,
    private readonly facts: StreamFacts,
    private readonly plansOfCycle: PlansOfCycle,
  ) {}

  /** `created`: the import began the plan or a new version of it (the HTTP answer is then 201). */
  async execute({ document, context, effectiveOn, preview }: ImportPlanCommand): Promise<ImportPlanResult> {
    let created = false;
    let before: PlanState | undefined;
    let decided: PlanEvent[] = [];
    const decision = {
      stream: planStream(document.planId),
      evolve: evolvePlan,
      gather: async (): Promise<ImportFacts> => ({
        reference: this.plans.reference(document.cycle),
        area: await this.plans.area(document.areaId),
        approved: (
          await Promise.all(
            PLAN_INSTRUMENT_KINDS.map(async (kind) =>
              approvedVersions(await this.facts.approvals({ kind, id: document.planId })),
            ),
          )
        ).flat(),
      }),
      decide: (state: PlanState | undefined, { reference, area, approved }: ImportFacts) => {
        before = state;
        decided = recordPlanDocument(state, document, reference, area, approved);
        created = decided.some((e) => e.type === 'PlanInitiated' || e.type === 'PlanVersionStarted');
        return decided;
      },
      ...(effectiveOn ? { effectiveOn } : {}),
      context,
    };
    if (!preview) return { ...(await this.writer.execute(decision)), created };
    // read before deciding: a write in between leaves this revision behind, so a confirmation is refused (412)
    const revision = await this.plans.plan(document.planId).then(
      (plan) => plan.revision,
      (error: unknown) => {
        if (error instanceof Problem && error.getStatus() === 404) return -1; // a plan not yet begun
        throw error;
      },
    );
    await this.writer.check(decision);
    return { preview: await this.previewOf(document, before, decided, revision) };
  }

  private async previewOf(
    document: RecordPlanDocument,
    before: PlanState | undefined,
    decided: PlanEvent[],
    revision: number,
  ): Promise<PlanImportPreview> {
    const after = decided.reduce<PlanState | undefined>(evolvePlan, before) ?? before!;
    const acts = await this.plans.signOff.acts(document.planId);
    return {
      planId: document.planId,
      areaId: document.areaId,
      cycle: document.cycle,
      currentVersion: before?.version ?? null,
      version: after.version,
      startsVersion: decided.some((e) => e.type === 'PlanInitiated' || e.type === 'PlanVersionStarted'),
      revision,
      changes: entryChanges(decided),
      checks: await this.plans.checks(
        after,
        { acts, on: todayInEngland() },
        await this.plansOfCycle.of(after),
      ),
    };
  }
}

/** What an import is decided against besides the plan: its cycle's reference data, its area, approved versions. */
interface ImportFacts {
  reference: PlanningReference;
  area: AreaFacts;
  approved: number[];
}

/** The entry-level changes among decided events, each with the fields that differ. */
export function entryChanges(events: readonly PlanEvent[]): PlanEntryChange[] {
  return events.flatMap((event): PlanEntryChange[] => {
    if (event.type === 'PlanEntryRecorded')
      return [{ change: 'added', ...where(event.data), fields: fieldChanges(null, event.data.entry) }];
    if (event.type === 'PlanEntryAmended')
      return [
        {
          change: 'changed',
          ...where(event.data),
          fields: fieldChanges(event.data.previous, event.data.entry),
        },
      ];
    if (event.type === 'PlanEntryRemoved')
      return [{ change: 'removed', ...where(event.data), fields: fieldChanges(event.data.previous, null) }];
    return [];
  });
}

const where = ({ section, key }: { section: PlanSection; key: string }) => ({ section, key });

function fieldChanges(before: object | null, after: object | null): PlanFieldChange[] {
  const from = (before ?? {}) as Record<string, unknown>;
  const to = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(from), ...Object.keys(to)])]
    .filter((field) => field !== 'key' && JSON.stringify(from[field]) !== JSON.stringify(to[field]))
    .sort()
    .map((field) => ({
      field,
      before: before ? (from[field] ?? null) : null,
      after: after ? (to[field] ?? null) : null,
    }));
}

/**
 * Reads a plan document (JSON) or planning-template workbook (XLSX) sent to be imported, refusing as the API
 * does: 400 naming the field, line or cell; 413 for a workbook that would unpack past the limits.
 */
export async function readPlanImport(content: Buffer, kind: 'json' | 'xlsx'): Promise<RecordPlanDocument> {
  try {
    return (await readPlanInput(content, kind)).command;
  } catch (error) {
    if (error instanceof PlanDocumentInvalid) throw invalidRequest(error.problems);
    if (error instanceof WorkbookRefused) throw workbookRefused(error);
    if (error instanceof TableCellInvalid)
      throw invalidRequest([
        { field: `${error.table} line ${error.line}, column '${error.column}'`, reason: error.reason },
      ]);
    throw error;
  }
}

/** A workbook refused before reading: 413 when it would unpack past the limits, 400 when it is not a sound ZIP. */
const workbookRefused = ({ tooLarge, message }: WorkbookRefused): Problem =>
  tooLarge
    ? new Problem(413, 'workbook-too-large', 'The workbook unpacks too large', message, [
        { field: 'body', reason: message },
      ])
    : invalidRequest([{ field: 'body', reason: message }]);

/** The 409 for an import that would remove entries: nothing recorded, and what it would change, by section. */
export function removalNeedsConfirmation(refusal: RemovalNeedsConfirmation): Problem {
  return new Problem(
    409,
    'removal-needs-confirmation',
    'The import would remove entries',
    refusal.message,
    [{ field: 'replace', reason: 'must be true to remove entries: nothing was recorded' }],
    { planId: refusal.planId, changes: refusal.changes },
  );
}
