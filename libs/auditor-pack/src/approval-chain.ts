import { Provenance, evidenceText } from './pack-data';

type Approval = Provenance['approvals'][number];
type Grant = Extract<Approval['authority'], { kind: 'resolution' }>;
/** A resolution step without its `kind`, kept a union so `recorded` still narrows it. */
type GrantStep = Grant extends unknown ? Omit<Grant, 'kind'> : never;

/** A resolution, its meeting and its body, in one line each (or that the resolution is not recorded). */
function grantLines(grant: GrantStep): string[] {
  if (!grant.recorded || !grant.resolution || !grant.meeting || !grant.body)
    return [`resolution ${grant.resolutionId}: not recorded`];
  const parts = grant.resolution.parts.map((p) => (p.letter ? `(${p.letter}) ` : '') + p.text).join(' ');
  return [
    `resolution ${grant.resolutionId}${grant.resolution.minuteNo ? ` (minute ${grant.resolution.minuteNo})` : ''}, ${grant.resolution.outcome}: ${parts}`,
    `at the meeting ${grant.meeting.meetingId} of ${grant.meeting.date}`,
    `of ${grant.body.name ?? grant.body.bodyId}`,
  ];
}

/**
 * An approval's authority as lines read top to bottom, as `bcl who-approved` prints it: approval, each
 * delegation, resolution, meeting, body; or, under the chair's standing authority, the chair seat and body.
 * People appear by their ids.
 */
export function approvalChain(approval: Approval): string[] {
  const signer = approval.signedBy;
  const lines = [
    `approval ${approval.approvalId}${approval.version === null ? '' : ` of version ${approval.version}`}${approval.complete ? '' : ' (awaiting co-signatures)'}`,
    `signed ${approval.effectiveOn} (recorded ${approval.recordedAt}) by ${signer.actor.personId} as ${signer.title ?? signer.postId}; ${approval.evidence ? evidenceText(approval.evidence) : 'no evidence recorded'}`,
    ...(approval.operatorWrite
      ? [
          `Operator write: recorded with bcl append, not by the ledger's rules. Reason given: ${approval.operatorWrite.reason || 'none'}`,
        ]
      : []),
    ...approval.consultations.map(
      (c) => `consulted ${c.on}: ${c.postId}, ${c.person.personId}, ${c.response}`,
    ),
  ];
  if (approval.ratified)
    lines.push(`ratified ${approval.ratified.on} by resolution ${approval.ratified.resolutionId}`);
  const authority = approval.authority;
  if (authority.kind === 'chair') {
    lines.push(
      authority.recorded
        ? `under the chair's standing authority of ${authority.body.name} (${authority.body.bodyId}), held by post ${authority.chair.postId}`
        : `under the chair's authority of ${authority.bodyId}: body not recorded`,
    );
  } else if (authority.kind === 'delegation') {
    for (const step of authority.delegations)
      lines.push(
        `under delegation ${step.delegationId} (${step.mode} of: ${step.delegates.map((d) => d.title ?? d.postId).join('; ')}), purpose: ${step.purpose}`,
        ...(step.reportBack
          ? [
              `report-back to ${step.reportBack.bodyId}${step.reportBack.by ? ` by ${step.reportBack.by}` : ''}: ${step.reportedBack ? `done ${step.reportedBack.on} (${step.reportedBack.meetingId})` : 'not recorded'}`,
            ]
          : []),
        ...grantLines(step.granted),
      );
  } else {
    lines.push("under the body's own resolution", ...grantLines(authority));
  }
  return lines;
}
