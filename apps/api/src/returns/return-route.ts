import { Actor } from '@bcl/event-store';
import { ReturnState } from '@bcl/application';
import { ShowReturnQuery } from '@bcl/application';
import { CommandQueryController, WriteRequest } from '../http/write-route';
import { READERS, Role } from '@bcl/identity';

/** Who completes a return (issues, fills, amends, validates and records its submission). */
export const COMPLETERS: Role[] = ['finance-officer', 'programme-lead'];
/** Who reads returns: every role. */
export const RETURN_READERS: readonly Role[] = READERS;

/** A route writing to a return: it answers the return as it stands now (as submitted), ETag its revision. */
export abstract class ReturnRoute extends CommandQueryController {
  protected writeReturn(returnId: string, command: object, request: WriteRequest, location?: string) {
    return this.write<ReturnState>(
      command,
      request,
      new ShowReturnQuery(returnId, 'as-submitted', {}),
      location,
    );
  }
}

/** Who acts, as the return records them: the token's person, else its subject (never the body). */
export const actingAs = (actor: Actor): string =>
  typeof actor.personId === 'string' ? actor.personId : actor.id;
