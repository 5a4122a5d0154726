import {
  EventRecord,
  Evidence,
  evidenceOf,
  eventSeenFrom,
  isFinancialYear,
  memoryViewReader,
  operatorWriteOf,
  projectInMemory,
} from '@bcl/kernel';
import { EventStore } from '@bcl/event-store';
import { AssumedFact, assumedFactsOfArea, factSays } from '@bcl/contexts';
import { governanceProjection, instrumentProvenance } from '@bcl/domain-governance';
import { registryProjection, viewKey } from '@bcl/domain-registry';
import { PlanState, planVersions } from '@bcl/domain-plans';
import { approvedPlanVersions, loadPlan } from '@bcl/plan-import';
import { loadPlanFigures, loadPoolYear, planViewpoint, poolYearReports, yearEnd } from '@bcl/fund-reports';
import { ReturnView, returnView } from '@bcl/domain-returns';
import { loadLaterAmendments, loadReturnEvents } from '@bcl/quarterly-returns';
import { PackPeriod, areaStreams, eventDate, overlaps, yearSpan } from './area-period';

/** The stream families of the governance record: the decisions the timeline shows. */
const DECISION_STREAMS = /^(body|meeting|resolution|delegation|approvals|consultation)-/;
/** Bookkeeping events that say nothing an auditor needs (an id reserved before the resolution is recorded). */
const NOT_DECISIONS = new Set(['ResolutionIdClaimed']);

/** One line of the decision timeline, with where it sits in the log and what it rests on. */
export interface TimelineEntry {
  date: string;
  type: string;
  stream: string;
  says: string;
  reason: string | null;
  actor: string;
  evidence: string;
  position: string;
  hash: string;
  /** Set when an operator wrote the event raw (`bcl append`), which no context's rules decided: the pack marks it. */
  operatorWrite: { reason: string } | null;
}

export type Provenance = Awaited<ReturnType<typeof instrumentProvenance>>;
export type PoolYearReports = ReturnType<typeof poolYearReports>;

export interface ApprovedPlanVersion {
  planId: string;
  version: number;
  evidence: string;
  state: PlanState;
}

export interface PlanSection {
  planId: string;
  cycle: string;
  versions: ApprovedPlanVersion[];
  provenance: Provenance;
}

export interface PoolYearSection {
  poolId: string;
  year: string;
  reports: PoolYearReports;
}

/** An event the pack lists outside the timeline (a return's submission), with where it sits in the log. */
export interface ListedEvent {
  type: string;
  recordedAt: string;
  position: string;
}

export interface ReturnSection {
  returnId: string;
  submitted: ReturnView;
  restated: ReturnView;
  /** Its submissions (ReturnSubmitted), each proved in the pack. */
  submissions: ListedEvent[];
}

export interface PackData {
  areaId: string;
  period: PackPeriod;
  timeline: TimelineEntry[];
  plans: PlanSection[];
  poolYears: PoolYearSection[];
  returns: ReturnSection[];
  assumedFacts: AssumedFact[];
}

/** Citations, or that the fact is assumed and why: never shown as documented when it is not. */
export const evidenceText = (evidence: Evidence): string =>
  evidence.assumed !== null
    ? `assumed: ${evidence.assumed}${evidence.citations.length ? ` (cites ${evidence.citations.join('; ')})` : ''}`
    : `cites ${evidence.citations.join('; ') || 'nothing'}`;

const dataOf = (event: EventRecord) => (event.data ?? {}) as Record<string, unknown>;

function timelineOf(
  events: readonly EventRecord[],
  streams: Set<string>,
  period: PackPeriod,
  hashes: ReadonlyMap<string, string>,
): TimelineEntry[] {
  return events
    .filter((e) => streams.has(e.stream) && DECISION_STREAMS.test(e.stream) && !NOT_DECISIONS.has(e.type))
    .filter((e) => overlaps({ from: eventDate(e), to: eventDate(e) }, period))
    .map((e) => {
      const actor = e.metadata?.['actor'] as { id?: string } | undefined;
      const reason = e.metadata?.['reason'];
      return {
        date: eventDate(e),
        type: e.type,
        stream: e.stream,
        says: factSays(e.data),
        reason: typeof reason === 'string' ? reason : null,
        actor: actor?.id ?? 'not recorded',
        evidence: evidenceText(evidenceOf(e)),
        position: e.position.toString(),
        hash: hashes.get(e.position.toString()) ?? '',
        operatorWrite: operatorWriteOf(e.metadata),
      };
    })
    .sort((a, b) =>
      a.date === b.date ? Number(BigInt(a.position) - BigInt(b.position)) : a.date < b.date ? -1 : 1,
    );
}

async function plansOf(
  store: EventStore,
  events: readonly EventRecord[],
  areaId: string,
  period: PackPeriod,
): Promise<PlanSection[]> {
  // the whole log is in hand: the views are replayed from it, as replayInMemory would from the store
  const seen = events.filter((event) => eventSeenFrom({}, event));
  const registry = projectInMemory(registryProjection, seen);
  const governance = projectInMemory(governanceProjection, seen);
  const plans: PlanSection[] = [];
  for (const event of events) {
    const { planId, cycle } = dataOf(event) as { planId?: string; cycle?: string };
    if (event.type !== 'PlanInitiated' || dataOf(event)['areaId'] !== areaId || !planId || !cycle) continue;
    const span = yearSpan(cycle);
    if (span && !overlaps(span, period)) continue;
    const approved = new Set(await approvedPlanVersions(store, planId));
    const versions = planVersions((await loadPlan(store, planId)).events)
      .filter((v) => approved.has(v.version))
      .map((v) => ({ planId, version: v.version, evidence: evidenceText(v.evidence), state: v.state }));
    const provenance = await instrumentProvenance(
      { kind: 'bcf-plan', id: planId },
      {
        governance: memoryViewReader(governance),
        post: (postId) => memoryViewReader(registry).get(viewKey.post(postId)),
        // names are kept out of the pack: people appear by their ids, as in the exported log
        displayName: () => Promise.resolve(null),
        currentVersion: () => Promise.resolve(versions.at(-1)?.version ?? null),
      },
    );
    plans.push({ planId, cycle, versions, provenance });
  }
  return plans;
}

async function poolYearsOf(
  store: EventStore,
  events: readonly EventRecord[],
  areaId: string,
  period: PackPeriod,
): Promise<PoolYearSection[]> {
  const agreements = new Set(
    events
      .filter((e) => e.type === 'S75AgreementEstablished' && dataOf(e)['areaId'] === areaId)
      .map((e) => String(dataOf(e)['agreementId'])),
  );
  const sections: PoolYearSection[] = [];
  for (const event of events) {
    const { agreementId, poolId, year } = dataOf(event) as Record<string, string>;
    if (event.type !== 'PooledFundYearOpened' || !agreements.has(agreementId!)) continue;
    if (!poolId || !year || !isFinancialYear(year) || !overlaps(yearSpan(year)!, period)) continue;
    const loaded = await loadPoolYear(store, poolId, year);
    if (!loaded) continue;
    // as `bcl reconcile` with no date: the year's postings, every figure as stated of the year to date
    const viewpoint = { asAt: yearEnd(year), axis: 'effective' as const, figuresAsAt: null };
    const plan = await loadPlanFigures(store, areaId, year, planViewpoint(viewpoint));
    sections.push({ poolId, year, reports: poolYearReports(loaded, plan, viewpoint) });
  }
  return sections;
}

async function returnsOf(
  store: EventStore,
  events: readonly EventRecord[],
  areaId: string,
  period: PackPeriod,
): Promise<ReturnSection[]> {
  const sections: ReturnSection[] = [];
  for (const event of events) {
    const { financialYear } = dataOf(event) as Record<string, string>;
    if (event.type !== 'ReturnIssued' || dataOf(event)['areaId'] !== areaId) continue;
    const span = financialYear ? yearSpan(financialYear) : null;
    if (span && !overlaps(span, period)) continue;
    const returnId = event.stream.replace(/^quarterly-return-/, '');
    const own = await loadReturnEvents(store, returnId);
    const submitted = returnView(own, { viewpoint: {} });
    if (!submitted) continue;
    const later = (await loadLaterAmendments(store, returnId)).flatMap((l) => l.events);
    const restated = returnView(own, { viewpoint: {}, restatedBy: later }) ?? submitted;
    const submissions = events
      .filter((e) => e.stream === event.stream && e.type === 'ReturnSubmitted')
      .map((e) => ({ type: e.type, recordedAt: e.recordedAt, position: e.position.toString() }));
    sections.push({ returnId, submitted, restated, submissions });
  }
  return sections;
}

/**
 * Everything the pack shows of an area and period, read with the same functions the CLI and the API use.
 * `events` is the whole log as recorded (upcast); `hashes` maps each position to its hash, from the export.
 */
export async function gatherPackData(
  store: EventStore,
  events: readonly EventRecord[],
  hashes: ReadonlyMap<string, string>,
  areaId: string,
  period: PackPeriod,
): Promise<PackData> {
  const streams = areaStreams(events, areaId);
  return {
    areaId,
    period,
    timeline: timelineOf(events, streams, period, hashes),
    plans: await plansOf(store, events, areaId, period),
    poolYears: await poolYearsOf(store, events, areaId, period),
    returns: await returnsOf(store, events, areaId, period),
    assumedFacts: assumedFactsOfArea(events, areaId),
  };
}

/** The positions of every decision the pack lists (the timeline's, and each return's submissions), in log order. */
export function decisionPositions(data: PackData): string[] {
  const positions = new Set([
    ...data.timeline.map((entry) => entry.position),
    ...data.returns.flatMap((r) => r.submissions.map((s) => s.position)),
  ]);
  return [...positions].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
}
