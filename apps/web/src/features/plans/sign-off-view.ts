import { longDate } from '../../views/nunjucks-environment';
import { evidenceText } from './plan-view';

/**
 * A plan's sign-off history as the plan page shows it: each approval with who signed, on what date, and the
 * authority it was made under as a chain of links (delegation ← resolution ← meeting ← body), from governance's
 * provenance of the instrument.
 */

interface PostOnDay {
  postId: string;
  title?: string | null;
  holder?: { personId: string; name: string | null } | null;
}

interface ResolutionStep {
  resolutionId: string;
  recorded: boolean;
  resolution?: { parts?: { letter: string | null; text: string }[]; outcome?: string };
  meeting?: { meetingId: string; date: string };
  body?: { bodyId: string; name: string | null };
}

interface DelegationStep {
  delegationId: string;
  purpose: string;
  validFrom: string;
  validUntil: string | null;
  revokedOn: string | null;
  granted: ResolutionStep;
}

export interface ProvenanceApproval {
  approvalId: string;
  version: number;
  appliesToCurrentVersion: boolean;
  complete: boolean;
  effectiveOn: string;
  recordedAt: string;
  evidence: { citations: string[]; assumed: string | null };
  /** Present when an operator wrote the approval raw (`bcl append`): the page marks it. */
  operatorWrite?: { reason: string };
  signedBy: PostOnDay & { actor?: { personId: string; name: string | null } | null };
  authority:
    | { kind: 'delegation'; delegations: DelegationStep[] }
    | { kind: 'chair'; bodyId: string; recorded: boolean; body?: { bodyId: string; name: string } }
    | ({ kind: 'resolution' } & ResolutionStep);
}

/** One link of an authority chain: what it is, its text, and the page that shows it (where there is one). */
export interface AuthorityLink {
  label: string;
  text: string;
  href?: string;
}

export interface SignOffRow {
  approvalId: string;
  instrumentKind: string;
  version: number;
  appliesToCurrentVersion: boolean;
  complete: boolean;
  on: string;
  signedBy: string;
  evidence: string;
  recordedAt: string;
  operatorWrite: { reason: string } | null;
  authorityKind: string;
  chain: AuthorityLink[];
}

const personOnDay = (post: PostOnDay): string =>
  [post.holder?.name, post.title ?? post.postId].filter(Boolean).join(', ');

/** A resolution, the meeting that passed it and the body whose meeting it was. */
function resolutionLinks(step: ResolutionStep): AuthorityLink[] {
  if (!step.recorded || !step.meeting || !step.body)
    return [{ label: 'Resolution', text: `${step.resolutionId} (not recorded in the ledger)` }];
  const text = step.resolution?.parts?.map((part) => part.text).join(' ') || step.resolutionId;
  const bodyName = step.body.name ?? step.body.bodyId;
  return [
    { label: 'Resolution', text },
    {
      label: 'Meeting',
      text: `${bodyName} meeting of ${longDate(step.meeting.date)}`,
      href: `/decisions/meetings/${encodeURIComponent(step.meeting.meetingId)}`,
    },
    { label: 'Body', text: bodyName, href: `/decisions/bodies/${encodeURIComponent(step.body.bodyId)}` },
  ];
}

/** The authority an approval was made under, from the approval outwards to the body. */
export function authorityChain(authority: ProvenanceApproval['authority']): AuthorityLink[] {
  if (authority.kind === 'delegation')
    return authority.delegations.flatMap((delegation) => [
      {
        label: 'Delegation',
        text: `${delegation.purpose} (from ${longDate(delegation.validFrom)}${
          delegation.validUntil ? ` until ${longDate(delegation.validUntil)}` : ''
        }${delegation.revokedOn ? `, revoked ${longDate(delegation.revokedOn)}` : ''})`,
        href: `/decisions/delegations/${encodeURIComponent(delegation.delegationId)}`,
      },
      ...resolutionLinks(delegation.granted),
    ]);
  if (authority.kind === 'chair')
    return [
      {
        label: 'Chair of',
        text: authority.body?.name ?? authority.bodyId,
        href: `/decisions/bodies/${encodeURIComponent(authority.bodyId)}`,
      },
    ];
  return resolutionLinks(authority);
}

export function signOffRows(
  provenances: { instrument: { kind: string }; approvals: ProvenanceApproval[] }[],
): SignOffRow[] {
  return provenances
    .flatMap(({ instrument, approvals }) =>
      approvals.map((approval) => ({
        approvalId: approval.approvalId,
        instrumentKind: instrument.kind,
        version: approval.version,
        appliesToCurrentVersion: approval.appliesToCurrentVersion,
        complete: approval.complete,
        on: approval.effectiveOn,
        signedBy: personOnDay(approval.signedBy),
        evidence: evidenceText(approval.evidence),
        recordedAt: approval.recordedAt,
        operatorWrite: approval.operatorWrite ?? null,
        authorityKind: approval.authority.kind,
        chain: authorityChain(approval.authority),
      })),
    )
    .sort((a, b) => a.on.localeCompare(b.on));
}
