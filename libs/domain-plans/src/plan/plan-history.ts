import { Evidence, Viewpoint, evidenceOf, eventSeenFrom, operatorWriteMark } from '@bcl/kernel';
import { PlanContent, PlanEntry, PlanEvent, PlanSection, PlanState, PLAN_SECTIONS, evolvePlan } from './plan';
import { RecordedPlanStep } from './plan-lifecycle';

/** A plan event as the log holds it, with who recorded it, why, when, and its metadata (validTime, evidence). */
export type LoggedPlanEvent = PlanEvent & {
  recordedAt: string;
  revision: number;
  actor: string;
  reason: string;
  /** The record's metadata (its `evidence`), where the reader kept it. */
  metadata?: { readonly [key: string]: unknown };
};

/** What each entry of a version rests on: the evidence of the event that last recorded or amended it, by section and key. */
export type EntryEvidence = Record<PlanSection, Record<string, Evidence>>;

export interface PlanVersion {
  version: number;
  /** What the version rests on: the evidence of the event that started it (the import that began it). */
  evidence: Evidence;
  /** Each entry's evidence as the version stood at its end (entries carried over keep their own). */
  entryEvidence: EntryEvidence;
  /** The plan as it stood when the version closed (or now, for the current version). */
  state: PlanState;
  /** The lifecycle steps recorded on the plan's stream in this version, as logged. */
  steps: RecordedPlanStep[];
  changes: {
    type: string;
    section: PlanSection;
    key: string;
    actor: string;
    reason: string;
    justification: string;
    recordedAt: string;
    /** What the change rests on: citations, or assumed with why. */
    evidence: Evidence;
    /** Present when an operator wrote the change raw (`bcl append`), not the plan's rules: the operator's reason. */
    operatorWrite?: { reason: string };
  }[];
}

/**
 * Replays a plan's events into its versions, each as it stood at its end, as seen from the viewpoint: events
 * recorded by `knownAt` and in effect by `asAt` (an import's `effectiveOn`; events without one are seen from
 * any date). A version not yet in effect hides every later event of that version.
 */
export function planVersions(events: LoggedPlanEvent[], viewpoint: Viewpoint = {}): PlanVersion[] {
  const versions: PlanVersion[] = [];
  let state: PlanState | undefined;
  let hiddenFrom: number | null = null;
  let entryEvidence = emptyEntryEvidence();
  for (const event of events) {
    if (viewpoint.knownAt !== undefined && event.recordedAt > viewpoint.knownAt) break;
    const version = event.type === 'PlanInitiated' ? 1 : event.data.version;
    const seen = eventSeenFrom(viewpoint, event);
    if (hiddenFrom !== null && version >= hiddenFrom) continue;
    if (!seen) {
      if (event.type === 'PlanInitiated' || event.type === 'PlanVersionStarted') hiddenFrom = version;
      continue;
    }
    state = evolvePlan(state, event);
    if (event.type === 'PlanInitiated' || event.type === 'PlanVersionStarted')
      versions.push({
        version: state.version,
        evidence: evidenceOf(event),
        entryEvidence,
        state,
        steps: [],
        changes: [],
      });
    const current = versions[versions.length - 1]!;
    current.state = state;
    if (
      event.type === 'PlanEntryRecorded' ||
      event.type === 'PlanEntryAmended' ||
      event.type === 'PlanEntryRemoved'
    ) {
      // copied on write, so an earlier version keeps the evidence it had at its end
      const { section, key } = event.data;
      const { [key]: _previous, ...others } = entryEvidence[section];
      entryEvidence = {
        ...entryEvidence,
        [section]: event.type === 'PlanEntryRemoved' ? others : { ...others, [key]: evidenceOf(event) },
      };
      current.entryEvidence = entryEvidence;
    }
    if (event.type === 'PlanLifecycleStepRecorded')
      current.steps.push({
        ...event.data,
        recordedAt: event.recordedAt,
        ...(event.metadata ? { metadata: event.metadata } : {}),
      });
    if (
      event.type === 'PlanEntryRecorded' ||
      event.type === 'PlanEntryAmended' ||
      event.type === 'PlanEntryRemoved'
    )
      current.changes.push({
        type: event.type,
        section: event.data.section,
        key: event.data.key,
        actor: event.actor,
        reason: event.reason,
        justification: event.data.justification,
        recordedAt: event.recordedAt,
        evidence: evidenceOf(event),
        ...operatorWriteMark(event.metadata),
      });
  }
  return versions;
}

const emptyEntryEvidence = (): EntryEvidence =>
  Object.fromEntries(PLAN_SECTIONS.map((section) => [section, {}])) as EntryEvidence;

export interface FieldChange {
  section: PlanSection;
  key: string;
  field: string;
  before: unknown;
  after: unknown;
}

/** Field-by-field differences between two plan contents: entries added, removed, and fields changed. */
export function diffContent(before: PlanContent, after: PlanContent): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const section of PLAN_SECTIONS) {
    const a = new Map(
      (before[section] as PlanEntry[]).map((entry) => [
        entry.key,
        entry as unknown as Record<string, unknown>,
      ]),
    );
    const b = new Map(
      (after[section] as PlanEntry[]).map((entry) => [
        entry.key,
        entry as unknown as Record<string, unknown>,
      ]),
    );
    for (const key of [...new Set([...a.keys(), ...b.keys()])].sort()) {
      const from = a.get(key);
      const to = b.get(key);
      if (!from || !to) {
        changes.push({ section, key, field: '*', before: from ?? null, after: to ?? null });
        continue;
      }
      for (const field of [...new Set([...Object.keys(from), ...Object.keys(to)])].sort())
        if (JSON.stringify(from[field]) !== JSON.stringify(to[field]))
          changes.push({ section, key, field, before: from[field] ?? null, after: to[field] ?? null });
    }
  }
  return changes;
}

/**
 * The differences between two versions, each with the last recorded change to that entry between them: who
 * made it, the reason given, the justifying document, and when.
 */
export function diffVersions(versions: PlanVersion[], from: number, to: number) {
  const [low, high] = from <= to ? [from, to] : [to, from];
  const before = versions.find((v) => v.version === from)!;
  const after = versions.find((v) => v.version === to)!;
  const between = versions.filter((v) => v.version > low && v.version <= high).flatMap((v) => v.changes);
  return diffContent(before.state.content, after.state.content).map((change) => {
    const last = between.filter((c) => c.section === change.section && c.key === change.key).at(-1);
    return {
      ...change,
      changedBy: last
        ? {
            actor: last.actor,
            reason: last.reason,
            justification: last.justification,
            recordedAt: last.recordedAt,
            evidence: last.evidence,
          }
        : null,
    };
  });
}
