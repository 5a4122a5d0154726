import { Body, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import {
  GOVERNANCE_LIMITS as G,
  GrantedDelegation,
  INSTRUMENT_KINDS,
  InstrumentKind,
  delegationStream,
  evolveDelegation,
  grantDelegation,
} from '@bcl/domain-governance';
import { recordedIn } from '@bcl/domain-registry/facts';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IsCalendarDate, IsId, applyAll } from '../../http/validators';
import { GovernanceFacts } from '@bcl/application';
import { GetDelegationQuery } from '@bcl/application';
import { DATE, IdList, PENCE_MAX, LongText } from '../governance-routes';
import {
  CommandQueryController,
  plain,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

export class DelegatesDto {
  @ApiProperty({ enum: ['one', 'all', 'any'] }) @IsIn(['one', 'all', 'any']) mode!: 'one' | 'all' | 'any';
  @ApiProperty({ type: [String], maxItems: G.postsMax }) @applyAll(...IdList(G.postsMax)) posts!: string[];
}

export class ScopeDto {
  @ApiProperty({ enum: INSTRUMENT_KINDS }) @IsIn(INSTRUMENT_KINDS) instrumentKind!: InstrumentKind;
  @ApiPropertyOptional({ description: 'One instrument; omit for every instrument of the kind' })
  @IsOptional()
  @IsId()
  instrumentId?: string | null;
  @ApiPropertyOptional({ description: 'Integer pence' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PENCE_MAX)
  financialLimitPence?: number | null;
}

export class ReportBackTermsDto {
  @ApiProperty() @IsId() bodyId!: string;
  @ApiPropertyOptional({ ...DATE, description: 'Omit for "the next appropriate meeting"' })
  @IsOptional()
  @IsCalendarDate()
  by?: string | null;
}

export class GrantDelegationDto extends ReasonDto {
  @ApiProperty({ example: 'kent-hwb-2017-06-14-bcf-sign-off' }) @IsId() delegationId!: string;
  @ApiProperty({ example: 'kent-hwb' }) @IsId() grantingBodyId!: string;
  @ApiProperty() @IsId() resolutionId!: string;
  @ApiProperty() @IsString() @LongText(G.textLengthMax) purpose!: string;
  @ApiProperty({ type: DelegatesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DelegatesDto)
  delegates!: DelegatesDto;
  @ApiProperty({
    type: [String],
    maxItems: G.postsMax,
    description: '"In conjunction with": consulted, not signing',
  })
  @applyAll(...IdList(G.postsMax))
  consultees!: string[];
  @ApiProperty({ type: ScopeDto }) @IsObject() @ValidateNested() @Type(() => ScopeDto) scope!: ScopeDto;
  @ApiProperty(DATE) @IsCalendarDate() validFrom!: string;
  @ApiPropertyOptional({ ...DATE, description: 'First day no longer in force' })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string | null;
  @ApiPropertyOptional({ description: 'The delegation this one is sub-delegated from' })
  @IsOptional()
  @IsId()
  parentDelegationId?: string | null;
  @ApiPropertyOptional({ type: ReportBackTermsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ReportBackTermsDto)
  reportBack?: ReportBackTermsDto | null;
}

export class GrantDelegationCommand {
  constructor(
    readonly input: GrantedDelegation,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(GrantDelegationCommand)
export class GrantDelegationHandler implements ICommandHandler<GrantDelegationCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: GovernanceFacts,
  ) {}

  execute({ input, context }: GrantDelegationCommand): Promise<WriteResult> {
    const { streams } = this.facts;
    return this.writer.execute({
      stream: delegationStream(input.delegationId),
      evolve: evolveDelegation,
      gather: async () => ({
        resolution: await this.facts.resolution(input.resolutionId),
        parentChain: input.parentDelegationId
          ? await this.facts.delegationChain(input.parentDelegationId)
          : [],
        postExists: recordedIn(
          await streams.recorded([...input.delegates.posts, ...input.consultees], streams.post),
        ),
      }),
      decide: (state, facts) => grantDelegation(state, input, facts),
      effectiveOn: input.validFrom,
      context,
    });
  }
}

@WriteRoutes('governance')
export class GrantDelegationRoute extends CommandQueryController {
  @Post('delegations')
  @AllowRoles('governance-officer')
  @OperationId('GovernanceController', 'grantDelegation')
  grantDelegation(@Body() { reason, ...input }: GrantDelegationDto, @WriteContext() request: WriteRequest) {
    return this.write(
      new GrantDelegationCommand(
        plain({
          ...input,
          scope: {
            instrumentKind: input.scope.instrumentKind,
            instrumentId: input.scope.instrumentId ?? null,
            financialLimitPence: input.scope.financialLimitPence ?? null,
          },
          validUntil: input.validUntil ?? null,
          parentDelegationId: input.parentDelegationId ?? null,
          reportBack: input.reportBack
            ? { bodyId: input.reportBack.bodyId, by: input.reportBack.by ?? null }
            : null,
        }),
        request.because(reason),
      ),
      request,
      new GetDelegationQuery(input.delegationId),
      `/api/governance/delegations/${input.delegationId}`,
    );
  }
}

export const GRANT_DELEGATION = { controllers: [GrantDelegationRoute], providers: [GrantDelegationHandler] };
