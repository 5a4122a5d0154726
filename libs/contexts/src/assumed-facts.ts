import { EventRecord, Evidence, effectiveDateOf, evidenceOf, isAssumed } from '@bcl/kernel';
import { hwbAreaStream, organisationStream, personStream } from '@bcl/domain-registry';
import { bodyStream, delegationStream, meetingStream, resolutionStream } from '@bcl/domain-governance';
import { planStream } from '@bcl/domain-plans';
import { agreementStream } from '@bcl/domain-fund';
import { returnStream } from '@bcl/domain-returns';

/** One fact the ledger records as assumed: the event, what it says, and why it stands without a source. */
export interface AssumedFact {
  type: string;
  stream: string;
  /** What the fact says, in short: the event's own scalar fields (`field value`, comma-separated). */
  says: string;
  /** The reason the event was recorded with (`metadata.reason`), or null. */
  reason: string | null;
  /** The date the fact takes effect (`metadata.validTime`), or null where it has none of its own. */
  effectiveOn: string | null;
  recordedAt: string;
  /** The event's position in the global log (a decimal string). */
  position: string;
  /** Always `false`: an assumed fact is never shown as documented. */
  documented: false;
  evidence: Evidence;
}

/**
 * How each event maps to HWB areas: by its stream. A stream belongs to an area directly (an area's own stream, a
 * decision body, plan or section 75 agreement established for the area) or through the streams it names: an
 * organisation through its area memberships (and a successor through the organisations it succeeded), a post through its organisation, a person through the posts they
 * held, a meeting through its body, a resolution through its meeting, a delegation through the body granting it,
 * an instrument's approvals through its plan or quarterly return, delegations and resolutions, a pool-year through
 * its agreement, a quarterly return directly (issued for its area).
 */
class AreaLinks {
  private readonly direct = new Map<string, Set<string>>();
  private readonly through = new Map<string, Set<string>>();

  inArea(stream: string, areaId: string): void {
    add(this.direct, stream, areaId);
  }

  /** `stream` belongs to every area `other` belongs to. */
  via(stream: string, other: string): void {
    add(this.through, stream, other);
  }

  areasOf(stream: string, seen = new Set<string>()): Set<string> {
    const areas = new Set(this.direct.get(stream));
    seen.add(stream);
    for (const other of this.through.get(stream) ?? [])
      if (!seen.has(other)) for (const area of this.areasOf(other, seen)) areas.add(area);
    return areas;
  }
}

const add = (map: Map<string, Set<string>>, key: string, value: string) => {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
};

type Data = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Records what one event says about which areas its stream (and the streams it names) belong to. */
function link(links: AreaLinks, event: EventRecord): void {
  const data = (event.data ?? {}) as Data;
  const { stream } = event;
  switch (event.type) {
    case 'HwbAreaDefined':
    case 'DecisionBodyEstablished':
    case 'PlanInitiated':
    case 'S75AgreementEstablished':
    case 'ReturnIssued':
      if (str(data.areaId)) links.inArea(stream, data.areaId as string);
      return;
    case 'AreaMemberAdded':
      links.inArea(organisationStream(data.organisationId as string), data.areaId as string);
      links.inArea(stream, data.areaId as string);
      return;
    case 'OrganisationSucceeded':
      links.via(organisationStream(data.successorId as string), stream);
      return;
    case 'PostCreated':
      links.via(stream, organisationStream(data.organisationId as string));
      return;
    case 'PostHolderAppointed':
      links.via(personStream(data.personId as string), stream);
      return;
    case 'MeetingRecorded':
      links.via(stream, bodyStream(data.bodyId as string));
      return;
    case 'ResolutionIdClaimed':
      links.via(stream, meetingStream(data.meetingId as string));
      return;
    case 'DelegationGranted':
      links.via(stream, bodyStream(data.grantingBodyId as string));
      return;
    case 'PooledFundYearOpened':
      links.via(stream, agreementStream(data.agreementId as string));
      return;
    case 'ConsultationRecorded':
    case 'ApprovalRecorded': {
      const instrument = data.instrument as { kind: string; id: string };
      if (instrument.kind === 'bcf-plan') links.via(stream, planStream(instrument.id));
      if (instrument.kind === 'quarterly-return') links.via(stream, returnStream(instrument.id));
      const authority = (data.authority ?? {}) as Data;
      const delegationId = str(data.delegationId) ?? str(authority.delegationId);
      if (delegationId) links.via(stream, delegationStream(delegationId));
      if (str(authority.resolutionId)) links.via(stream, resolutionStream(authority.resolutionId as string));
      return;
    }
    case 'ApprovalRatified':
      links.via(stream, resolutionStream(data.resolutionId as string));
      return;
  }
}

const SAYS_MAX = 300;

/** What an event says, in short: its scalar fields in the order it records them. */
export function factSays(data: unknown): string {
  const fields = Object.entries((data ?? {}) as Data)
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
    .map(([field, value]) => `${field} ${String(value)}`)
    .join(', ');
  return fields.length > SAYS_MAX ? `${fields.slice(0, SAYS_MAX - 1)}…` : fields;
}

/** One event, recorded as assumed, as the auditor's list shows it. */
const assumedFact = (event: EventRecord, evidence: Evidence): AssumedFact => ({
  type: event.type,
  stream: event.stream,
  says: factSays(event.data),
  reason: str(event.metadata?.['reason']),
  effectiveOn: effectiveDateOf(event),
  recordedAt: event.recordedAt,
  position: event.position.toString(),
  documented: false,
  evidence,
});

/** What each event says about the areas streams belong to; each area's own stream belongs to it. */
function areaLinks(events: EventRecord[], areaIds: Iterable<string>): AreaLinks {
  const links = new AreaLinks();
  for (const event of events) link(links, event);
  for (const areaId of areaIds) links.inArea(hwbAreaStream(areaId), areaId);
  return links;
}

/**
 * Every assumed fact of an area (an event whose evidence says `assumed`), in log order: the auditor's list of
 * what the ledger records without a source. Pure: the events of the whole log (or up to a known-at instant).
 */
export function assumedFactsOfArea(events: Iterable<EventRecord>, areaId: string): AssumedFact[] {
  const all = [...events];
  const links = areaLinks(all, [areaId]);
  const facts: AssumedFact[] = [];
  for (const event of all) {
    const evidence = evidenceOf(event);
    if (isAssumed(evidence) && links.areasOf(event.stream).has(areaId))
      facts.push(assumedFact(event, evidence));
  }
  return facts;
}

/** An assumed fact of the whole ledger, with the areas it belongs to (none for a fact tied to no area). */
export interface LedgerAssumedFact extends AssumedFact {
  /** The HWB areas the fact belongs to, sorted; `[]` where it belongs to none (e.g. a national body). */
  areas: string[];
}

/**
 * Every assumed fact in the ledger, in log order, each with the areas it belongs to (as `assumedFactsOfArea`
 * decides them): the facts of every area and those tied to no area. Pure, like `assumedFactsOfArea`.
 */
export function assumedFactsOfLedger(events: Iterable<EventRecord>): LedgerAssumedFact[] {
  const all = [...events];
  const defined = all
    .filter((event) => event.type === 'HwbAreaDefined')
    .map((event) => str(((event.data ?? {}) as Data).areaId))
    .filter((areaId): areaId is string => areaId !== null);
  const links = areaLinks(all, defined);
  const facts: LedgerAssumedFact[] = [];
  for (const event of all) {
    const evidence = evidenceOf(event);
    if (isAssumed(evidence))
      facts.push({ ...assumedFact(event, evidence), areas: [...links.areasOf(event.stream)].sort() });
  }
  return facts;
}

/** Whether the log defines the area at all (its `HwbAreaDefined`). */
export const areaDefined = (events: Iterable<EventRecord>, areaId: string): boolean =>
  [...events].some((event) => event.type === 'HwbAreaDefined' && event.stream === hwbAreaStream(areaId));
