import { Body, Param, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { ApprovalAuthority, GOVERNANCE_LIMITS as G } from '@bcl/domain-governance';
import { AllowRoles } from '@bcl/application';
import { RecordApprovalCommand, RecordApprovalHandler } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IsCalendarDate, IsId, IsVersion } from '../../http/validators';
import { ProvenanceQuery } from '@bcl/application';
import { actingPerson, DATE, InstrumentParams, PENCE_MAX, SIGNERS, LongText } from '../governance-routes';
import {
  CommandQueryController,
  plain,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

const AUTHORITY_KINDS = ['delegation', 'resolution', 'chair'] as const;

/**
 * What the signature is made under: a delegation, a resolution that authorises it, or `chair` (id: the body) for
 * the standing authority of the holder of a Health and Wellbeing Board's chair seat to sign a quarterly return on
 * the Board's behalf (docs/sign-off.md).
 */
export class AuthorityDto {
  @ApiProperty({ enum: AUTHORITY_KINDS }) @IsIn(AUTHORITY_KINDS) kind!: (typeof AUTHORITY_KINDS)[number];
  @ApiProperty({ description: 'The delegation or resolution id; for `chair`, the body id' })
  @IsId()
  id!: string;
}

/** The authority as the domain names it. */
function authorityOf({ kind, id }: AuthorityDto): ApprovalAuthority {
  switch (kind) {
    case 'delegation':
      return { kind, delegationId: id };
    case 'resolution':
      return { kind, resolutionId: id };
    case 'chair':
      return { kind, bodyId: id };
  }
}

export class RecordApprovalDto extends ReasonDto {
  @ApiProperty() @IsId() approvalId!: string;
  @ApiProperty({ description: 'The instrument version signed: the current one, where the ledger holds it' })
  @IsVersion()
  version!: number;
  @ApiProperty({ description: 'The post the caller acts in' }) @IsId() actingPostId!: string;
  @ApiProperty({ type: AuthorityDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AuthorityDto)
  authority!: AuthorityDto;
  @ApiProperty(DATE) @IsCalendarDate() effectiveOn!: string;
  @ApiPropertyOptional({ description: 'Integer pence, where the authority has a financial limit' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PENCE_MAX)
  amountPence?: number | null;
  @ApiPropertyOptional({ description: 'A "subject to" approval: its conditions' })
  @IsOptional()
  @IsString()
  @LongText(G.textLengthMax)
  provisionalConditions?: string | null;
}

@WriteRoutes('governance')
export class RecordApprovalRoute extends CommandQueryController {
  /**
   * The caller signs an instrument version in their post; refused, naming each failed condition, without authority,
   * and while a check stands in the way (a plan's unaccepted check; a return's failing blocking check, or its
   * submission).
   * 201, `Location` the instrument's provenance (which lists the approval).
   */
  @Post('instruments/:kind/:id/approvals')
  @AllowRoles(...SIGNERS)
  @OperationId('GovernanceController', 'approve')
  approve(
    @Param() { kind, id }: InstrumentParams,
    @Body() { reason, version, authority, ...input }: RecordApprovalDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new RecordApprovalCommand(
        plain({
          ...input,
          instrument: { kind, id, version },
          actorPersonId: actingPerson(request.actor),
          authority: authorityOf(authority),
          amountPence: input.amountPence ?? null,
          provisionalConditions: input.provisionalConditions ?? null,
        }),
        request.because(reason),
      ),
      request,
      new ProvenanceQuery(kind, id),
      `/api/governance/instruments/${kind}/${id}/provenance`,
    );
  }
}

export const RECORD_APPROVAL = { controllers: [RecordApprovalRoute], providers: [RecordApprovalHandler] };
