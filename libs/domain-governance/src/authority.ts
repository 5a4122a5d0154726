import { GOVERNANCE_LIMITS } from './governance-limits';
import { CalendarDate, isWithin } from '@bcl/kernel';
import { BodyState, seatsOn } from './body/body';

/** Instruments that are approved (signed off): plan versions, iBCF plans, quarterly returns, S75 variations. */
export const INSTRUMENT_KINDS = ['bcf-plan', 'ibcf-plan', 'quarterly-return', 's75-variation'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];
export interface InstrumentRef {
  kind: InstrumentKind;
  id: string;
  version: number | null;
}

/**
 * A delegation of authority. Delegates act; consultees must be consulted ("in conjunction with" is a
 * consultation requirement, not a co-signature). `mode`: one named post, all of several posts acting
 * together, or any one of several.
 */
export interface Delegation {
  delegationId: string;
  grantingBodyId: string;
  resolutionId: string;
  /** What the delegates may decide, and on what terms, as the resolution words it. */
  purpose: string;
  delegates: { mode: 'one' | 'all' | 'any'; posts: string[] };
  consultees: string[];
  scope: { instrumentKind: InstrumentKind; instrumentId: string | null; financialLimitPence: number | null };
  validFrom: CalendarDate;
  /** First day no longer in force; null while open-ended. */
  validUntil: CalendarDate | null;
  revokedOn: CalendarDate | null;
  parentDelegationId: string | null;
  /** Whether the decision must be reported back to a body, and by when (null: "the next appropriate" meeting). */
  reportBack: { bodyId: string; by: CalendarDate | null } | null;
  reportedBackOn: CalendarDate | null;
}

/** A resolution that itself authorises approvals of an instrument by the holders of some posts. */
export interface AuthorisingResolution {
  resolutionId: string;
  bodyId: string;
  authorises: { posts: string[]; instrumentKind: InstrumentKind; instrumentId: string | null } | null;
}

/**
 * What an approval is made under: a delegation, a resolution that authorises it, or the standing authority of
 * the holder of a Board's chair seat (`chair`) to sign what the chair signs on the Board's behalf (`CHAIR_SIGNS`).
 */
export type ApprovalAuthority =
  | { kind: 'delegation'; delegationId: string }
  | { kind: 'resolution'; resolutionId: string }
  | { kind: 'chair'; bodyId: string };

/** The id an authority names: its delegation, resolution or body. */
export const authorityId = (authority: ApprovalAuthority): string =>
  authority.kind === 'delegation'
    ? authority.delegationId
    : authority.kind === 'resolution'
      ? authority.resolutionId
      : authority.bodyId;

/**
 * The instruments the holder of a Health and Wellbeing Board's chair seat signs on the Board's behalf without a
 * resolution or delegation. The ledger's reading where the sources are silent (BRIEF §8.10): a quarterly return
 * is signed off "on behalf of the Health and Wellbeing Board" (Q1), and Southend's Chair signed every 2016-17
 * return (BRIEF §5.7) with no resolution recorded for it. Plans are not here: a plan is approved by the Board or
 * under a delegation it grants.
 */
export const CHAIR_SIGNS: readonly InstrumentKind[] = ['quarterly-return'];

/** What the chair's authority needs to know of a body: its kind, its area, and who sat where when. */
export type AuthorityBody = Pick<BodyState, 'bodyId' | 'kind' | 'areaId' | 'seats'>;

export interface ApprovalRequest {
  instrument: InstrumentRef;
  actorPersonId: string;
  actingPostId: string;
  /** Where all delegates must act together: the others who signed, each in their post, on or before this. */
  alsoActing: { postId: string; personId: string; on: CalendarDate }[];
  authority: ApprovalAuthority;
  consultations: { postId: string; personId: string; on: CalendarDate }[];
  effectiveOn: CalendarDate;
  amountPence: number | null;
}

/** What the check needs to know, as of any date. */
export interface AuthorityFacts {
  /** Who held the post on the date, or null. */
  holderOn(postId: string, date: CalendarDate): string | null;
  delegation(delegationId: string): Delegation | undefined;
  resolution(resolutionId: string): AuthorisingResolution | undefined;
  /** A decision body as recorded (for the chair's authority), or undefined. */
  body(bodyId: string): AuthorityBody | undefined;
  /** The area the instrument is for, where the ledger knows it (a quarterly return's); a chair signs only for their own Board's area. */
  instrumentAreaId?: string | null;
}

export type AuthorityCondition =
  | 'authority-unknown'
  | 'not-in-force'
  | 'revoked'
  | 'out-of-scope'
  | 'over-limit'
  | 'not-post-holder'
  | 'post-not-authorised'
  | 'co-delegate-missing'
  | 'consultee-missing'
  | 'parent-invalid'
  | 'not-a-board'
  | 'not-chair'
  | 'other-area';

export interface AuthorityFailure {
  condition: AuthorityCondition;
  message: string;
}

/**
 * Whether a delegation covers an instrument on a date: in force (term, revocation) and in scope (kind and id).
 * An approval adds its financial limit (`delegationProblems`); a consultation needs only this.
 */
export function delegationCoverage(
  delegation: Delegation,
  instrument: Pick<InstrumentRef, 'kind' | 'id'>,
  date: CalendarDate,
): AuthorityFailure[] {
  const failures: AuthorityFailure[] = [];
  const id = delegation.delegationId;
  if (!isWithin(date, delegation.validFrom, delegation.validUntil))
    failures.push({
      condition: 'not-in-force',
      message: `delegation '${id}' is in force from ${delegation.validFrom}${delegation.validUntil ? ` until ${delegation.validUntil}` : ''}, not on ${date}`,
    });
  if (delegation.revokedOn !== null && delegation.revokedOn <= date)
    failures.push({
      condition: 'revoked',
      message: `delegation '${id}' was revoked on ${delegation.revokedOn}`,
    });
  const { scope } = delegation;
  if (
    scope.instrumentKind !== instrument.kind ||
    (scope.instrumentId !== null && scope.instrumentId !== instrument.id)
  )
    failures.push({
      condition: 'out-of-scope',
      message: `delegation '${id}' covers ${scope.instrumentKind}${scope.instrumentId ? ` '${scope.instrumentId}'` : ''}, not ${instrument.kind} '${instrument.id}'`,
    });
  return failures;
}

function delegationProblems(
  delegation: Delegation,
  date: CalendarDate,
  request: ApprovalRequest,
): AuthorityFailure[] {
  const failures = delegationCoverage(delegation, request.instrument, date);
  const id = delegation.delegationId;
  const { scope } = delegation;
  if (
    scope.financialLimitPence !== null &&
    (request.amountPence === null || request.amountPence > scope.financialLimitPence)
  )
    failures.push({
      condition: 'over-limit',
      message:
        request.amountPence === null
          ? `delegation '${id}' has a limit of ${scope.financialLimitPence} pence, and the approval states no amount`
          : `${request.amountPence} pence is over delegation '${id}''s limit of ${scope.financialLimitPence} pence`,
    });
  return failures;
}

type Holds = (postId: string, personId: string, on: CalendarDate) => boolean;

/** The approver held the acting post on the effective date. */
function actorHoldsPost(request: ApprovalRequest, facts: AuthorityFacts): AuthorityFailure[] {
  const date = request.effectiveOn;
  const holder = facts.holderOn(request.actingPostId, date);
  if (holder === request.actorPersonId) return [];
  return [
    {
      condition: 'not-post-holder',
      message: `'${request.actorPersonId}' did not hold post '${request.actingPostId}' on ${date}${holder ? ` ('${holder}' did)` : ''}`,
    },
  ];
}

/** Approving under a resolution: it authorises approvals of this instrument by the acting post. */
function resolutionProblems(
  request: ApprovalRequest,
  resolutionId: string,
  facts: AuthorityFacts,
): AuthorityFailure[] {
  const resolution = facts.resolution(resolutionId);
  const grant = resolution?.authorises;
  if (!resolution || !grant)
    return [
      { condition: 'authority-unknown', message: `resolution '${resolutionId}' authorises no approval` },
    ];
  const failures: AuthorityFailure[] = [];
  if (
    grant.instrumentKind !== request.instrument.kind ||
    (grant.instrumentId !== null && grant.instrumentId !== request.instrument.id)
  )
    failures.push({
      condition: 'out-of-scope',
      message: `resolution '${resolution.resolutionId}' does not cover ${request.instrument.kind} '${request.instrument.id}'`,
    });
  if (!grant.posts.includes(request.actingPostId))
    failures.push({
      condition: 'post-not-authorised',
      message: `resolution '${resolution.resolutionId}' does not name post '${request.actingPostId}'`,
    });
  return failures;
}

/**
 * Approving under the chair's standing authority: the body is a recorded Health and Wellbeing Board, the
 * instrument is one the chair signs (`CHAIR_SIGNS`), the acting post held the body's chair seat on the date,
 * and the instrument is for the Board's own area (where the instrument's area is known). That the actor held
 * the acting post on the date is checked for every authority (`actorHoldsPost`).
 */
function chairProblems(request: ApprovalRequest, bodyId: string, facts: AuthorityFacts): AuthorityFailure[] {
  const body = facts.body(bodyId);
  if (!body) return [{ condition: 'authority-unknown', message: `body '${bodyId}' is not recorded` }];
  const date = request.effectiveOn;
  const { instrument } = request;
  const failures: AuthorityFailure[] = [];
  if (body.kind !== 'health-and-wellbeing-board')
    failures.push({
      condition: 'not-a-board',
      message: `body '${bodyId}' is a ${body.kind}: only a Health and Wellbeing Board's chair signs on its behalf`,
    });
  if (!CHAIR_SIGNS.includes(instrument.kind))
    failures.push({
      condition: 'out-of-scope',
      message: `the chair of '${bodyId}' signs ${CHAIR_SIGNS.join(', ')} on the Board's behalf, not ${instrument.kind} '${instrument.id}': that needs a resolution or a delegation`,
    });
  const chairs = seatsOn(body.seats, 'chair', date).map((seat) => seat.postId);
  if (!chairs.includes(request.actingPostId))
    failures.push({
      condition: 'not-chair',
      message: `post '${request.actingPostId}' did not hold the chair seat of '${bodyId}' on ${date}${chairs.length ? ` ('${chairs.join("', '")}' did)` : ' (no post did)'}`,
    });
  const area = facts.instrumentAreaId;
  if (area !== undefined && area !== null && area !== body.areaId)
    failures.push({
      condition: 'other-area',
      message: `${instrument.kind} '${instrument.id}' is for area '${area}'; body '${bodyId}' is ${body.areaId === null ? 'of no area' : `the Board of '${body.areaId}'`}`,
    });
  return failures;
}

/** Everyone who says they act, the approver first, must hold on the date a post the delegation names. */
function delegatesProblems(
  delegation: Delegation,
  request: ApprovalRequest,
  holds: Holds,
): AuthorityFailure[] {
  const failures: AuthorityFailure[] = [];
  const notDelegate = (postId: string): AuthorityFailure => ({
    condition: 'post-not-authorised',
    message: `post '${postId}' is not a delegate of '${delegation.delegationId}'`,
  });
  if (!delegation.delegates.posts.includes(request.actingPostId))
    failures.push(notDelegate(request.actingPostId));
  for (const other of request.alsoActing) {
    if (other.on > request.effectiveOn || !holds(other.postId, other.personId, other.on))
      failures.push({
        condition: 'not-post-holder',
        message: `'${other.personId}' did not hold post '${other.postId}' when signing on ${other.on}`,
      });
    if (!delegation.delegates.posts.includes(other.postId)) failures.push(notDelegate(other.postId));
  }
  return failures;
}

/** Where all delegates must act together: every named post acted through its holder by the date. */
function allDelegatesActed(
  delegation: Delegation,
  request: ApprovalRequest,
  holds: Holds,
): AuthorityFailure[] {
  if (delegation.delegates.mode !== 'all') return [];
  const date = request.effectiveOn;
  const acting = [
    { postId: request.actingPostId, personId: request.actorPersonId, on: date },
    ...request.alsoActing,
  ];
  return delegation.delegates.posts
    .filter((post) => !acting.some((a) => a.postId === post && a.on <= date && holds(post, a.personId, a.on)))
    .map((post) => ({
      condition: 'co-delegate-missing',
      message: `delegation '${delegation.delegationId}' needs all its delegates: post '${post}' did not act through its holder on ${date}`,
    }));
}

/** Every consultee post was consulted through its holder on or before the date. */
function consulteesConsulted(
  delegation: Delegation,
  request: ApprovalRequest,
  holds: Holds,
): AuthorityFailure[] {
  const date = request.effectiveOn;
  return delegation.consultees
    .filter(
      (post) =>
        !request.consultations.some(
          (c) => c.postId === post && c.on <= date && holds(post, c.personId, c.on),
        ),
    )
    .map((post) => ({
      condition: 'consultee-missing',
      message: `no consultation of post '${post}' by its holder on or before ${date}`,
    }));
}

/**
 * A sub-delegation holds only while every delegation it descends from does, and the chain is no longer than
 * the governance limit.
 */
function parentChainProblems(
  delegation: Delegation,
  request: ApprovalRequest,
  facts: AuthorityFacts,
): AuthorityFailure[] {
  const failures: AuthorityFailure[] = [];
  let child = delegation;
  for (let chainLength = 1; child.parentDelegationId !== null; chainLength += 1) {
    const parent =
      chainLength < GOVERNANCE_LIMITS.delegationChainLengthMax
        ? facts.delegation(child.parentDelegationId)
        : undefined;
    if (!parent) {
      failures.push({
        condition: 'parent-invalid',
        message: `parent delegation '${child.parentDelegationId}' is not recorded (or the chain is too deep)`,
      });
      break;
    }
    for (const problem of delegationProblems(parent, request.effectiveOn, request))
      failures.push({
        condition: 'parent-invalid',
        message: `sub-delegated from '${parent.delegationId}': ${problem.message}`,
      });
    child = parent;
  }
  return failures;
}

/** Approving under a delegation: in force and in scope, acted and consulted as it requires, its parents valid. */
function delegatedAuthorityProblems(
  request: ApprovalRequest,
  delegationId: string,
  facts: AuthorityFacts,
): AuthorityFailure[] {
  const delegation = facts.delegation(delegationId);
  if (!delegation)
    return [{ condition: 'authority-unknown', message: `delegation '${delegationId}' is not recorded` }];
  const holds: Holds = (postId, personId, on) => facts.holderOn(postId, on) === personId;
  return [
    ...delegationProblems(delegation, request.effectiveOn, request),
    ...delegatesProblems(delegation, request, holds),
    ...allDelegatesActed(delegation, request, holds),
    ...consulteesConsulted(delegation, request, holds),
    ...parentChainProblems(delegation, request, facts),
  ];
}

/**
 * Whether an approval is within authority on its effective date. Returns every condition that fails (an empty
 * list means authorised), each saying exactly what is wrong. Pure: the facts are passed in.
 */
export function checkAuthority(request: ApprovalRequest, facts: AuthorityFacts): AuthorityFailure[] {
  const { authority } = request;
  return [
    ...actorHoldsPost(request, facts),
    ...(authority.kind === 'resolution'
      ? resolutionProblems(request, authority.resolutionId, facts)
      : authority.kind === 'chair'
        ? chairProblems(request, authority.bodyId, facts)
        : delegatedAuthorityProblems(request, authority.delegationId, facts)),
  ];
}
