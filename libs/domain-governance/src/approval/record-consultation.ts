import { CalendarDate, refuse } from '@bcl/kernel';
import { Delegation, delegationCoverage } from '../authority';
import { ApprovalEvent, ApprovalsState, AuthorityRefused, Consultation } from './approval';

export interface ConsultationFacts {
  delegation: Delegation | undefined;
  holderOn(postId: string, date: CalendarDate): string | null;
  /** The instrument's current version where the ledger versions it (plans it holds); null where it does not. */
  currentVersion: number | null;
}

/**
 * A consultee records their own consultation, validated like an approval (brief D2): it names the version
 * consulted on (the current one, where the ledger versions the instrument); the delegation covers the
 * instrument and is in force on the day (term, revocation); and the consultee holds a consultee post of it
 * that day. Refusals name the first failing condition, in that order.
 */
export function recordConsultation(
  state: ApprovalsState | undefined,
  command: Consultation,
  facts: ConsultationFacts,
): ApprovalEvent[] {
  if (state?.consultations.some((c) => c.consultationId === command.consultationId))
    refuse('conflict', 'consultationId', `consultation '${command.consultationId}' is already recorded`);
  const { version } = command.instrument;
  if (version === null)
    refuse('invalid', 'instrument.version', 'name the version consulted on; a consultation applies to one');
  if (facts.currentVersion !== null && version !== facts.currentVersion)
    refuse(
      'conflict',
      'instrument.version',
      `the instrument is at version ${facts.currentVersion}; consultations apply to one version only`,
    );
  if (!facts.delegation)
    return refuse('not-found', 'delegationId', `delegation '${command.delegationId}' is not granted`);
  const coverage = delegationCoverage(facts.delegation, command.instrument, command.on);
  if (coverage.length > 0) throw new AuthorityRefused(coverage);
  // the consultee's own authority, refused as an approval's is: 409 on `authority`, naming the condition
  if (!facts.delegation.consultees.includes(command.postId))
    throw new AuthorityRefused([
      {
        condition: 'post-not-authorised',
        message: `post '${command.postId}' is not a consultee of '${command.delegationId}'`,
      },
    ]);
  const holder = facts.holderOn(command.postId, command.on);
  if (holder !== command.personId)
    throw new AuthorityRefused([
      {
        condition: 'not-post-holder',
        message: `'${command.personId}' did not hold post '${command.postId}' on ${command.on}${holder ? ` ('${holder}' did)` : ''}`,
      },
    ]);
  return [{ type: 'ConsultationRecorded', data: { ...command } }];
}
