import { ApiOperation } from '@nestjs/swagger';
import { Actor } from '@bcl/event-store';
import { Role } from '@bcl/identity';
import { Problem } from '../../http/problem';

/** Who may record their own signature or consultation: anyone who acts in a post, but not auditors. */
export const SIGNERS: Role[] = ['governance-officer', 'programme-lead', 'finance-officer'];

/** The person acting: from the token's `person` claim, never from the body. */
export function actingPerson(actor: Actor): string {
  if (typeof actor.personId !== 'string')
    throw new Problem(
      403,
      'no-person',
      'Your token names no person',
      'approvals and consultations are recorded by the person who acts: the token needs a `person` claim (bcl token --person)',
    );
  return actor.personId;
}

/**
 * The route's OpenAPI operationId as published when one `GovernanceController` held every governance route
 * (clients generated from the document name their methods after it); adds nothing else to the document.
 */
export const GovernanceOperation = (method: string) =>
  ApiOperation({ operationId: `GovernanceController_${method}`, summary: undefined });
