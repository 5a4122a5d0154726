import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiHeader, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { FinancialYear, TEXT_LIMITS as L, assert } from '@bcl/kernel';
import {
  FUND_LIMITS as F,
  MoneyMovement,
  PostTransaction,
  TRANSACTION_KINDS,
  evolvePooledFund,
  pooledFundStream,
  postTransaction,
} from '@bcl/domain-fund';
import { termsInForce } from '@bcl/domain-fund/facts';
import { recordedIn } from '@bcl/domain-registry/facts';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { StreamFacts } from '@bcl/application';
import { AllowRoles } from '@bcl/application';
import { Problem, invalidRequest } from '@bcl/application';
import { IsCalendarDate, IsId, applyAll, IsText } from '../../http/validators';
import { ReasonDto } from '../../http/common.dto';
import { DATE, IsYear, Nested, PENCE, Pence, PoolYearParams, StatedByDto } from '../dto/fund.dto';
import { PoolYearRoute } from '../pool-year-route';
import { WriteContext, WriteRequest, OperationId, plain, WriteRoutes } from '../../http/write-route';

export class PartDto {
  @ApiProperty() @IsId() purpose!: string;
  @ApiProperty(PENCE) @applyAll(...Pence(1)) amountPence!: number;
}

export class PostingDto {
  @ApiProperty({ example: 'expenditure/carers' }) @IsText(200) account!: string;
  @ApiProperty({ description: 'integer pence: debit positive, credit negative' })
  @IsInt()
  @Min(-F.amountPenceMax)
  @Max(F.amountPenceMax)
  amountPence!: number;
}

/** A money movement: `kind` says which fields it needs (docs/api.md). */
export class PostTransactionDto extends ReasonDto {
  @ApiProperty() @IsId() transactionId!: string;
  @ApiProperty({ enum: TRANSACTION_KINDS.filter((k) => k !== 'reversal') })
  @IsIn(TRANSACTION_KINDS.filter((k) => k !== 'reversal'))
  kind!: Exclude<(typeof TRANSACTION_KINDS)[number], 'reversal'>;
  @ApiProperty(DATE) @IsCalendarDate() effectiveOn!: string;
  @ApiProperty({ type: StatedByDto }) @Nested(() => StatedByDto) statedBy!: StatedByDto;
  @ApiPropertyOptional({ description: 'The reversed transaction this one replaces' })
  @IsOptional()
  @IsId()
  correctionOf?: string | null;
  @ApiPropertyOptional({ ...PENCE, minimum: 1 }) @IsOptional() @applyAll(...Pence(1)) amountPence?: number;
  @ApiPropertyOptional() @IsOptional() @IsId() partnerId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsId() source?: string;
  @ApiPropertyOptional() @IsOptional() @IsId() schemeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsId() districtId?: string;
  @ApiPropertyOptional() @IsOptional() @IsId() reserve?: string;
  @ApiPropertyOptional() @IsOptional() @IsText(L.reasonLengthMax) trigger?: string;
  @ApiPropertyOptional() @IsOptional() @IsYear() fromYear?: string;
  @ApiPropertyOptional() @IsOptional() @IsYear() toYear?: string;
  @ApiPropertyOptional({ type: [PartDto] }) @IsOptional() @Nested(() => PartDto, true) parts?: PartDto[];
  @ApiPropertyOptional({ type: [PostingDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(F.postingsPerTransactionMax)
  @ValidateNested({ each: true })
  @Type(() => PostingDto)
  postings?: PostingDto[];
}
/** The flat request body as the movement its `kind` names; a field that kind needs and lacks is a 400. */
export function toMovement(dto: PostTransactionDto): MoneyMovement {
  const need = <K extends keyof PostTransactionDto>(field: K): NonNullable<PostTransactionDto[K]> => {
    const value = dto[field];
    if (value === undefined || value === null)
      throw invalidRequest([{ field, reason: `is required for a '${dto.kind}' transaction` }]);
    return value as NonNullable<PostTransactionDto[K]>;
  };
  switch (dto.kind) {
    case 'contribution-committed':
    case 'contribution-received':
      return {
        kind: dto.kind,
        partnerId: need('partnerId'),
        source: need('source'),
        amountPence: need('amountPence'),
      };
    case 'allocation':
    case 'expenditure':
      return { kind: dto.kind, schemeId: need('schemeId'), amountPence: need('amountPence') };
    case 'dfg-pass-down':
      return { kind: dto.kind, districtId: need('districtId'), amountPence: need('amountPence') };
    case 'overspend-charged':
      return {
        kind: dto.kind,
        schemeId: need('schemeId'),
        amountPence: need('amountPence'),
        partnerId: dto.partnerId ?? null,
      };
    case 'reserve-set-aside':
    case 'underspend-ring-fenced':
      return { kind: dto.kind, reserve: need('reserve'), amountPence: need('amountPence') };
    case 'reserve-drawn':
      return {
        kind: dto.kind,
        reserve: need('reserve'),
        amountPence: need('amountPence'),
        trigger: need('trigger'),
      };
    case 'carried-forward-in':
      return {
        kind: dto.kind,
        fromYear: need('fromYear'),
        parts: need('parts').map(({ purpose, amountPence }) => ({ purpose, amountPence })),
      };
    case 'carried-forward-out':
      return { kind: dto.kind, toYear: need('toYear'), amountPence: need('amountPence') };
    case 'journal':
      return {
        kind: dto.kind,
        postings: need('postings').map(({ account, amountPence }) => ({ account, amountPence })),
      };
  }
}

export class PostFundTransactionCommand {
  constructor(
    readonly poolId: string,
    readonly year: FinancialYear,
    readonly input: PostTransaction,
    readonly context: CommandContext,
  ) {}
}

/** A money movement, as one balanced transaction of the pool-year; refused whole or recorded whole. */
@CommandHandler(PostFundTransactionCommand)
export class PostFundTransactionHandler implements ICommandHandler<PostFundTransactionCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ poolId, year, input, context }: PostFundTransactionCommand): Promise<WriteResult> {
    const district = input.movement.kind === 'dfg-pass-down' ? [input.movement.districtId] : [];
    return this.writer.execute({
      stream: pooledFundStream(poolId, year),
      evolve: evolvePooledFund,
      gather: async (state) => {
        if (!state)
          throw new Problem(404, 'not-found', 'Not found', `pool '${poolId}' has no year ${year} opened`);
        return {
          organisationExists: recordedIn(await this.facts.recorded(district, this.facts.organisation)),
          terms: termsInForce(await this.facts.agreement(state.agreementId), input.effectiveOn),
        };
      },
      decide: (state, facts) => {
        assert(state, 'gather refuses a pool-year that is not opened');
        return postTransaction(state, input, facts);
      },
      effectiveOn: input.effectiveOn,
      context,
    });
  }
}

@WriteRoutes('fund')
export class PostTransactionRoute extends PoolYearRoute {
  /** A money movement: one balanced transaction (docs/api.md lists each kind's fields). */
  @OperationId('FundController', 'post')
  @Post('pools/:poolId/years/:year/transactions')
  @HttpCode(200)
  @AllowRoles('finance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  post(
    @Param() params: PoolYearParams,
    @Body() dto: PostTransactionDto,
    @WriteContext() request: WriteRequest,
  ) {
    const input = {
      transactionId: dto.transactionId,
      effectiveOn: dto.effectiveOn,
      statedBy: plain(dto.statedBy),
      correctionOf: dto.correctionOf ?? null,
      movement: toMovement(dto),
    };
    return this.writePoolYear(
      params,
      new PostFundTransactionCommand(params.poolId, params.year, input, request.because(dto.reason)),
      request,
    );
  }
}
