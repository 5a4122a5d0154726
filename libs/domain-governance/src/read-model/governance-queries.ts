import { GOVERNANCE_LIMITS } from '../governance-limits';
import { CalendarDate, ViewReader, isWithin } from '@bcl/kernel';
import { PostView, postHolderOn } from '@bcl/domain-registry/facts';
import { Delegation, InstrumentRef } from '../authority';
import { outstandingReportBacks } from '../delegation/report-back-due';
import { seatsOn } from '../body/body';
import { approvalsApplyingTo } from '../approval/approval';
import { DelegationView, GovernanceView, MeetingView, governanceKey as key } from './governance-views';

/**
 * What the queries read: the governance views (through the reader port the API, over the service store, and
 * the CLI, over an in-memory replay, both implement), the registry's posts, names from the personal-data vault,
 * and the instrument's current version. Injected, so the queries stay free of I/O.
 */
export interface GovernanceLookups {
  governance: ViewReader<GovernanceView>;
  post(postId: string): Promise<PostView | undefined>;
  displayName(personId: string): Promise<string | null>;
  currentVersion(instrument: Pick<InstrumentRef, 'kind' | 'id'>): Promise<number | null>;
}

export interface PersonRef {
  personId: string;
  name: string | null;
}
export interface PostRef {
  postId: string;
  title: string | null;
  holder: PersonRef | null;
}

/** The holder of a post on a date, with the post's title and the holder's name. */
async function postOn(lookups: GovernanceLookups, postId: string, date: CalendarDate): Promise<PostRef> {
  const post = await lookups.post(postId);
  const holding = post ? postHolderOn(post, { asAt: date }) : null;
  return {
    postId,
    title: post?.title ?? null,
    holder: holding
      ? { personId: holding.personId, name: await lookups.displayName(holding.personId) }
      : null,
  };
}

async function person(lookups: GovernanceLookups, personId: string): Promise<PersonRef> {
  return { personId, name: await lookups.displayName(personId) };
}

/** resolution → meeting → body, with the Chair and Vice-Chair of the body on the meeting's date. */
async function resolutionStep(lookups: GovernanceLookups, resolutionId: string) {
  const index = await lookups.governance.get(key.resolution(resolutionId));
  const meeting = index ? await lookups.governance.get(key.meeting(index.meetingId)) : undefined;
  const resolution = meeting?.resolutions.find((r) => r.resolutionId === resolutionId);
  if (!meeting || !resolution) return { resolutionId, recorded: false as const };
  const body = await lookups.governance.get(key.body(meeting.bodyId));
  const seat = async (role: 'chair' | 'vice-chair') => {
    const seats = body ? seatsOn(body.seats, role, meeting.date) : [];
    return seats[0] ? postOn(lookups, seats[0].postId, meeting.date) : null;
  };
  const { meetingId: _m, bodyId: _b, ...passed } = resolution;
  return {
    resolutionId,
    recorded: true as const,
    resolution: passed,
    meeting: { meetingId: meeting.meetingId, date: meeting.date, venue: meeting.venue },
    body: {
      bodyId: meeting.bodyId,
      name: body?.name ?? null,
      chair: await seat('chair'),
      viceChair: await seat('vice-chair'),
    },
  };
}

/**
 * chair's authority → the body's chair seat on the date → the body, with the seat's holder on the day: the
 * standing authority a quarterly return is signed under (CHAIR_SIGNS).
 */
async function chairStep(lookups: GovernanceLookups, bodyId: string, postId: string, date: CalendarDate) {
  const body = await lookups.governance.get(key.body(bodyId));
  if (!body) return { bodyId, recorded: false as const };
  const seat = seatsOn(body.seats, 'chair', date).find((s) => s.postId === postId) ?? null;
  const assigned = seat
    ? (await lookups.governance.get(key.postActions(postId)))?.entries.find(
        (e) => e.action === 'seat-assigned' && e.subject.id === bodyId && e.on === seat.from,
      )
    : undefined;
  return {
    bodyId,
    recorded: true as const,
    body: {
      bodyId,
      name: body.name,
      kind: body.kind,
      areaId: body.areaId,
      establishedOn: body.establishedOn,
      evidence: body.evidence,
    },
    seat: seat && {
      role: seat.role,
      from: seat.from,
      until: seat.until,
      evidence: assigned?.evidence ?? null,
    },
    chair: await postOn(lookups, postId, date),
  };
}

async function delegationStep(lookups: GovernanceLookups, delegation: DelegationView, date: CalendarDate) {
  return {
    delegationId: delegation.delegationId,
    purpose: delegation.purpose,
    scope: delegation.scope,
    validFrom: delegation.validFrom,
    validUntil: delegation.validUntil,
    revokedOn: delegation.revokedOn,
    mode: delegation.delegates.mode,
    delegates: await Promise.all(delegation.delegates.posts.map((post) => postOn(lookups, post, date))),
    consultees: await Promise.all(delegation.consultees.map((post) => postOn(lookups, post, date))),
    reportBack: delegation.reportBack,
    reportedBack: delegation.reportedBack,
    granted: await resolutionStep(lookups, delegation.resolutionId),
  };
}

/**
 * Provenance of an instrument's approvals: for each, approval → delegation (and its parents) → resolution →
 * meeting → body, or approval → the chair seat of a body → body (the chair's authority), with who held each post
 * on the day. Approvals of earlier versions are listed, marked as not
 * applying to the current version.
 */
export async function instrumentProvenance(
  instrument: Pick<InstrumentRef, 'kind' | 'id'>,
  lookups: GovernanceLookups,
) {
  const view = await lookups.governance.get(key.approvals(instrument));
  const currentVersion = await lookups.currentVersion(instrument);
  const approvals = view?.approvals ?? [];
  const applying = new Set(
    (currentVersion === null ? approvals : approvalsApplyingTo(approvals, currentVersion)).map(
      (a) => a.approvalId,
    ),
  );
  return {
    instrument,
    currentVersion,
    approvals: await Promise.all(
      approvals.map(async (approval) => {
        const date = approval.effectiveOn;
        const chain = [];
        let authority;
        if (approval.authority.kind === 'delegation') {
          let delegationId: string | null = approval.authority.delegationId;
          while (delegationId !== null && chain.length < GOVERNANCE_LIMITS.delegationChainLengthMax) {
            const delegation: DelegationView | undefined = await lookups.governance.get(
              key.delegation(delegationId),
            );
            if (!delegation) break;
            chain.push(await delegationStep(lookups, delegation, date));
            delegationId = delegation.parentDelegationId;
          }
          authority = { kind: 'delegation' as const, delegations: chain };
        } else if (approval.authority.kind === 'chair') {
          authority = {
            kind: 'chair' as const,
            ...(await chairStep(lookups, approval.authority.bodyId, approval.actingPostId, date)),
          };
        } else {
          authority = {
            kind: 'resolution' as const,
            ...(await resolutionStep(lookups, approval.authority.resolutionId)),
          };
        }
        const consultations = (view?.consultations ?? []).filter((c) =>
          approval.consultationIds.includes(c.consultationId),
        );
        return {
          approvalId: approval.approvalId,
          version: approval.instrument.version,
          appliesToCurrentVersion: applying.has(approval.approvalId),
          complete: approval.complete,
          provisionalConditions: approval.provisionalConditions,
          ratified: approval.ratified
            ? { ...approval.ratified, by: await resolutionStep(lookups, approval.ratified.resolutionId) }
            : null,
          effectiveOn: date,
          recordedAt: approval.recordedAt,
          evidence: approval.evidence,
          ...(approval.operatorWrite ? { operatorWrite: approval.operatorWrite } : {}),
          amountPence: approval.amountPence,
          signedBy: {
            ...(await postOn(lookups, approval.actingPostId, date)),
            actor: await person(lookups, approval.actorPersonId),
          },
          coSignatureIds: approval.coSignatureIds,
          consultations: await Promise.all(
            consultations.map(async (c) => ({
              consultationId: c.consultationId,
              postId: c.postId,
              person: await person(lookups, c.personId),
              on: c.on,
              response: c.response,
              note: c.note,
              ...(c.operatorWrite ? { operatorWrite: c.operatorWrite } : {}),
            })),
          ),
          authority,
        };
      }),
    ),
  };
}

/** The body's resolutions in meeting order, optionally between two dates (inclusive). */
export function decisionsRegister(
  meetings: MeetingView[],
  range: { from?: CalendarDate; to?: CalendarDate },
) {
  return meetings
    .filter((m) => (!range.from || m.date >= range.from) && (!range.to || m.date <= range.to))
    .sort((a, b) => a.date.localeCompare(b.date))
    .flatMap((m) =>
      m.resolutions.map((r) => ({
        date: m.date,
        meetingId: m.meetingId,
        minuteNo: r.minuteNo,
        itemNo: r.itemNo,
        resolutionId: r.resolutionId,
        outcome: r.outcome,
        parts: r.parts,
        concerns: r.concerns,
        authorises: r.authorises,
        approvesMinutesOf: r.approvesMinutesOf,
        recordedAt: r.recordedAt,
        evidence: r.evidence,
      })),
    );
}

/**
 * Delegations in force on a date (granted, within their period, not revoked), and those whose report-back is
 * outstanding that day (`meetingDates`: the dates a body met, for a report-back due at "the next" meeting).
 */
export function delegationsOn<D extends Delegation>(
  delegations: D[],
  date: CalendarDate,
  meetingDates: (bodyId: string) => CalendarDate[] = () => [],
) {
  return {
    inForce: delegations.filter(
      (d) => isWithin(date, d.validFrom, d.validUntil) && (d.revokedOn === null || date < d.revokedOn),
    ),
    outstandingReportBack: outstandingReportBacks(delegations, date, meetingDates),
  };
}

/** Delegations are listed a page at a time; this bounds one query's reading. */
const DELEGATION_PAGE = 500;
const DELEGATIONS_MAX = 50_000;

/** Every delegation recorded, in id order (at most DELEGATIONS_MAX). */
export async function allDelegations(governance: ViewReader<GovernanceView>): Promise<DelegationView[]> {
  const all: DelegationView[] = [];
  for (let after = ''; all.length < DELEGATIONS_MAX;) {
    const page = await governance.list(key.delegation(''), DELEGATION_PAGE, after);
    all.push(...page);
    if (page.length < DELEGATION_PAGE) break;
    after = key.delegation(all[all.length - 1]!.delegationId);
  }
  return all;
}

/** A person's or a post's actions, by date then by when they were recorded. */
export async function subjectActions(
  governance: ViewReader<GovernanceView>,
  subject: { personId: string } | { postId: string },
) {
  const k = 'personId' in subject ? key.personActions(subject.personId) : key.postActions(subject.postId);
  const view = await governance.get(k);
  return [...(view?.entries ?? [])].sort(
    (a, b) => a.on.localeCompare(b.on) || a.recordedAt.localeCompare(b.recordedAt),
  );
}
