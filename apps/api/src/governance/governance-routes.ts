import { Actor } from '@bcl/event-store';
import { Role } from '@bcl/identity';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn } from 'class-validator';
import { INSTRUMENT_KINDS, InstrumentKind } from '@bcl/domain-governance';
import { IsId, IsText } from '../http/validators';
import { Problem } from '@bcl/application';

/**
 * What several governance routes share: request field helpers, the instrument path parameters, who may sign, and
 * the published operation ids. Whatever one route alone uses lives in its own file under `use-cases/`.
 */
export const DATE = { example: '2017-06-14', description: 'YYYY-MM-DD' };
/** Pence, at most the largest integer a double holds exactly. */
export const PENCE_MAX = Number.MAX_SAFE_INTEGER;
/** Free text on one line; LongText may hold line feeds (verbatim resolutions, notes, conditions). */
export const Text = (max: number) => IsText(max);
export const LongText = (max: number) => IsText(max, { multiline: true });
export const IdList = (max: number) => [IsArray(), ArrayMaxSize(max), IsId(true)];

export class InstrumentParams {
  @ApiProperty({ enum: INSTRUMENT_KINDS }) @IsIn(INSTRUMENT_KINDS) kind!: InstrumentKind;
  @ApiProperty() @IsId() id!: string;
}

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
