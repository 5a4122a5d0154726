import { Body, Param, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { FinancialYear, yearBounds } from '@bcl/kernel';
import { evolvePooledFund, openYear, pooledFundStream } from '@bcl/domain-fund';
import { establishesPool } from '@bcl/domain-fund/facts';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { StreamFacts } from '@bcl/application';
import { AllowRoles } from '@bcl/application';
import { IdParam } from '../../http/id-param';
import { IsId } from '../../http/validators';
import { ReasonDto } from '../../http/common.dto';
import { IsYear } from '../dto/fund.dto';
import { PoolYearRoute } from '../pool-year-route';
import { WriteContext, WriteRequest, OperationId, WriteRoutes } from '../../http/write-route';

export class OpenPoolYearDto extends ReasonDto {
  @ApiProperty({ example: '2016-17' }) @IsYear() year!: string;
  @ApiProperty() @IsId() agreementId!: string;
}
export class OpenPoolYearCommand {
  constructor(
    readonly input: { poolId: string; year: FinancialYear; agreementId: string },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(OpenPoolYearCommand)
export class OpenPoolYearHandler implements ICommandHandler<OpenPoolYearCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: OpenPoolYearCommand): Promise<WriteResult> {
    const year = yearBounds(input.year);
    return this.writer.execute({
      stream: pooledFundStream(input.poolId, input.year),
      evolve: evolvePooledFund,
      // the pool must be established by the terms in effect when the year begins, or by a variation during it
      gather: async () => ({
        poolEstablished: establishesPool(await this.facts.agreement(input.agreementId), input.poolId, year),
      }),
      decide: (state, facts) => openYear(state, input, facts),
      effectiveOn: year.start,
      context,
    });
  }
}

@WriteRoutes('fund')
export class OpenPoolYearRoute extends PoolYearRoute {
  @OperationId('FundController', 'open')
  @Post('pools/:id/years')
  @AllowRoles('finance-officer')
  async open(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: OpenPoolYearDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.writePoolYear(
      { poolId: id, year: input.year },
      new OpenPoolYearCommand({ ...input, poolId: id }, request.because(reason)),
      request,
      `/api/fund/pools/${id}/years/${input.year}/position`,
    );
  }
}
