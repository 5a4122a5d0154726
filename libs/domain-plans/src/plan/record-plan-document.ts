import { PlanningReference } from '../reference/planning-reference';
import { PLAN_SECTIONS, PlanContent, PlanEntry, PlanEvent, PlanState } from './plan';
import { fail, validateContent } from './validate-content';
import { RemovalNeedsConfirmation, checkJustification, planDocumentChanges } from './document-guards';

export { PLAN_LIMITS } from './validate-content';

/** What the registry says about the plan's area, for checking the parties a plan names. */
export interface AreaFacts {
  areaId: string;
  /** Every organisation that is or was a member of the area (or succeeded one). */
  organisationIds: string[];
  districtIds: string[];
  twoTier: boolean;
  /**
   * When each organisation counted as a member (a successor from its succession date, within its predecessor's
   * membership; none before its establishment or after its own succession): `from` up to, not including,
   * `until`. Absent when the caller does not know; the membership check then says it cannot check.
   */
  memberships?: AreaMembershipPeriod[];
}

export interface AreaMembershipPeriod {
  organisationId: string;
  from: string;
  until: string | null;
}

export interface RecordPlanDocument {
  planId: string;
  areaId: string;
  cycle: string;
  /** The sections given; a section left out is left as it is. */
  content: Partial<PlanContent>;
  /** The document or decision that justified these figures (every money change carries one). */
  justification: string;
  /** Confirms that entries the document leaves out of a section it gives are removed; without it, a document that would remove entries is refused with what it would change. */
  replace?: boolean;
}

/**
 * Records a plan document (the whole plan, or some sections) as the entry-level changes it makes: recorded,
 * amended or removed. Re-recording the same document changes nothing. A change after agreement or sign-off
 * first starts a new version, which needs fresh agreement and sign-off. Refuses (changing nothing) anything the reference data
 * or the area does not allow, naming the field by its JSON path; a placeholder justification (`…`, `TBC`, `n/a`);
 * and, unless `replace` is set, a document that would remove entries (RemovalNeedsConfirmation, with the changes).
 */
export function recordPlanDocument(
  state: PlanState | undefined,
  command: RecordPlanDocument,
  reference: PlanningReference,
  area: AreaFacts,
  /** Versions with an approval recorded against them (governance): a change to one starts the next version. */
  approvedVersions: readonly number[] = [],
): PlanEvent[] {
  if (command.cycle !== reference.cycle) fail('cycle', `must be ${reference.cycle} for this reference data`);
  if (command.areaId !== area.areaId) fail('areaId', `must be the plan's area '${area.areaId}'`);
  if (state && (state.areaId !== command.areaId || state.cycle !== command.cycle))
    fail('planId', `plan '${command.planId}' is for ${state.areaId} ${state.cycle}`);
  checkJustification(command.justification);
  validateContent(command.content, reference, area, command.planId);

  const events: PlanEvent[] = [];
  const planId = command.planId;
  if (!state)
    events.push({ type: 'PlanInitiated', data: { planId, areaId: command.areaId, cycle: command.cycle } });
  const current = state?.content;
  const changes: PlanEvent[] = [];
  let version = state?.version ?? 1;
  // Once anything was agreed, signed or approved in this version, a change starts the next version.
  const settled = state !== undefined && (state.steps.length > 0 || approvedVersions.includes(state.version));
  if (settled) version += 1;
  for (const section of PLAN_SECTIONS) {
    const given = command.content[section] as PlanEntry[] | undefined;
    if (!given) continue;
    const before = new Map(((current?.[section] ?? []) as PlanEntry[]).map((entry) => [entry.key, entry]));
    const after = new Map(given.map((entry) => [entry.key, entry]));
    for (const [key, entry] of after) {
      const previous = before.get(key) ?? null;
      if (previous && canonical(previous) === canonical(entry)) continue;
      changes.push({
        type: previous ? 'PlanEntryAmended' : 'PlanEntryRecorded',
        data: { planId, version, section, key, entry, previous, justification: command.justification },
      });
    }
    for (const [key, previous] of before)
      if (!after.has(key))
        changes.push({
          type: 'PlanEntryRemoved',
          data: { planId, version, section, key, previous, justification: command.justification },
        });
  }
  if (!command.replace && changes.some((change) => change.type === 'PlanEntryRemoved'))
    throw new RemovalNeedsConfirmation(planId, planDocumentChanges(changes));
  if (changes.length > 0 && settled)
    events.push({
      type: 'PlanVersionStarted',
      data: { planId, version, after: state.steps.at(-1)?.step ?? 'approval' },
    });
  return [...events, ...changes];
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : item,
  );
}
