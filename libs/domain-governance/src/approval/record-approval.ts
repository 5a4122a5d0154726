import { CalendarDate, refuse } from '@bcl/kernel';
import { AuthorityFacts, authorityId, checkAuthority } from '../authority';
import { Approval, ApprovalEvent, ApprovalsState, AuthorityRefused } from './approval';

export type RecordApproval = Omit<Approval, 'consultationIds' | 'coSignatureIds' | 'complete'>;

export interface ApprovalFacts extends AuthorityFacts {
  /** The instrument's current version where the ledger versions it (BCF plans); null where it does not. */
  currentVersion: number | null;
  /** The date the signed version takes effect (a plan import's effective date); null where none is recorded. */
  versionEffectiveOn?: CalendarDate | null;
  /**
   * What stops the version being signed off: a plan's blocking checks and unaccepted warnings (gathered by the
   * shell from the plans context's published facts), a quarterly return's failing blocking checks or its
   * submission (from the returns context); empty for instruments the ledger does not check.
   */
  obstacles: { checkId: string; message: string }[];
}

const sameAuthority = (a: Approval['authority'], b: Approval['authority']) =>
  a.kind === b.kind && authorityId(a) === authorityId(b);

/**
 * Records a signature only if it is within authority on its effective date; otherwise refuses, naming every
 * condition that failed. The consultations and co-signatures already recorded for this version count; where a
 * delegation needs all its delegates and some have not signed yet, the signature is recorded as incomplete.
 */
export function recordApproval(
  state: ApprovalsState | undefined,
  command: RecordApproval,
  facts: ApprovalFacts,
): ApprovalEvent[] {
  const recorded = state ?? { consultations: [], approvals: [] };
  const { version } = command.instrument;
  if (recorded.approvals.some((a) => a.approvalId === command.approvalId))
    refuse('conflict', 'approvalId', `approval '${command.approvalId}' is already recorded`);
  if (version === null)
    refuse('invalid', 'instrument.version', 'name the version signed; an approval applies to one version');
  if (facts.currentVersion !== null && version !== facts.currentVersion)
    refuse(
      'conflict',
      'instrument.version',
      `the instrument is at version ${facts.currentVersion}; approvals apply to one version only`,
    );
  if (facts.versionEffectiveOn && command.effectiveOn < facts.versionEffectiveOn)
    refuse(
      'conflict',
      'effectiveOn',
      `version ${version} takes effect on ${facts.versionEffectiveOn}: it cannot be signed off before then`,
    );
  const signed = recorded.approvals.filter(
    (a) => a.instrument.version === version && sameAuthority(a.authority, command.authority),
  );
  const delegationId = command.authority.kind === 'delegation' ? command.authority.delegationId : null;
  const consultations = recorded.consultations.filter(
    (c) => c.delegationId === delegationId && c.instrument.version === version && c.response === 'concurred',
  );
  // the chair signs alone: an earlier chair's signature of the same version is not a co-signature
  const coSignatures =
    command.authority.kind === 'chair' ? [] : signed.filter((a) => a.actingPostId !== command.actingPostId);
  const failures = checkAuthority(
    {
      ...command,
      consultations: consultations.map(({ postId, personId, on }) => ({ postId, personId, on })),
      alsoActing: coSignatures.map((a) => ({
        postId: a.actingPostId,
        personId: a.actorPersonId,
        on: a.effectiveOn,
      })),
    },
    facts,
  );
  const refusing = failures.filter((failure) => failure.condition !== 'co-delegate-missing');
  if (refusing.length > 0) throw new AuthorityRefused(refusing);
  // Authority first: a repeat signature under an authority that does not cover the signer is told about that.
  if (
    signed.some((a) => a.actingPostId === command.actingPostId && a.actorPersonId === command.actorPersonId)
  )
    refuse(
      'conflict',
      'actingPostId',
      `'${command.actorPersonId}' has already signed this version in this post`,
    );
  if (facts.obstacles.length > 0)
    refuse(
      'conflict',
      'checks',
      `version ${version} cannot be signed off while ${facts.obstacles.length} check(s) stand in the way: ${facts.obstacles.map((o) => `${o.checkId} (${o.message})`).join('; ')}`,
    );
  return [
    {
      type: 'ApprovalRecorded',
      data: {
        ...command,
        consultationIds: consultations.map((c) => c.consultationId),
        coSignatureIds: coSignatures.map((a) => a.approvalId),
        complete: failures.length === 0,
      },
    },
  ];
}
