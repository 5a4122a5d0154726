import { Body, Param, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { CONSULTATION_RESPONSES, GOVERNANCE_LIMITS as G } from '@bcl/domain-governance';
import { AllowRoles } from '@bcl/application';
import { RecordConsultationCommand, RecordConsultationHandler } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IsCalendarDate, IsId, IsVersion } from '../../http/validators';
import { ProvenanceQuery } from '@bcl/application';
import { actingPerson, DATE, InstrumentParams, SIGNERS, LongText } from '../governance-routes';
import {
  CommandQueryController,
  plain,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

export class RecordConsultationDto extends ReasonDto {
  @ApiProperty() @IsId() consultationId!: string;
  @ApiProperty({
    description: 'The instrument version consulted on: the current one, where the ledger holds it',
  })
  @IsVersion()
  version!: number;
  @ApiProperty() @IsId() delegationId!: string;
  @ApiProperty({ description: 'The consultee post the caller holds' }) @IsId() postId!: string;
  @ApiProperty(DATE) @IsCalendarDate() on!: string;
  @ApiProperty({ enum: CONSULTATION_RESPONSES }) @IsIn(CONSULTATION_RESPONSES) response!:
    'concurred' | 'objected';
  @ApiPropertyOptional() @IsOptional() @IsString() @LongText(G.textLengthMax) note?: string | null;
}

@WriteRoutes('governance')
export class RecordConsultationRoute extends CommandQueryController {
  /**
   * A consultee records their own consultation on an instrument version (the person comes from the token).
   * 201, `Location` the instrument's provenance (which lists the consultation).
   */
  @Post('instruments/:kind/:id/consultations')
  @AllowRoles(...SIGNERS)
  @OperationId('GovernanceController', 'consult')
  consult(
    @Param() { kind, id }: InstrumentParams,
    @Body() { reason, version, ...input }: RecordConsultationDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new RecordConsultationCommand(
        plain({
          ...input,
          note: input.note ?? null,
          instrument: { kind, id, version },
          personId: actingPerson(request.actor),
        }),
        request.because(reason),
      ),
      request,
      new ProvenanceQuery(kind, id),
      `/api/governance/instruments/${kind}/${id}/provenance`,
    );
  }
}

export const RECORD_CONSULTATION = {
  controllers: [RecordConsultationRoute],
  providers: [RecordConsultationHandler],
};
