import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiHeader, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';

import { acceptWarning, evolvePlan, planStream } from '@bcl/domain-plans';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { AllowRoles } from '@bcl/application';
import { IdParam } from '../../http/id-param';
import { ReasonDto } from '../../http/common.dto';
import { PlanContext } from '@bcl/application';
import { GetPlanQuery } from '@bcl/application';
import {
  WriteContext,
  WriteRequest,
  OperationId,
  CommandQueryController,
  WriteRoutes,
} from '../../http/write-route';
import { IsCalendarDate, IsText } from '../../http/validators';
import { todayInEngland } from '@bcl/application';

export class AcceptPlanWarningDto extends ReasonDto {
  @ApiProperty({ example: 'C2:asc-minimum:2017-18' })
  @IsText(200)
  checkId!: string;

  @ApiPropertyOptional({
    example: '2017-09-11',
    description:
      'YYYY-MM-DD: the date of the acceptance, its effective date (default today); the plan shows it accepted as at that date on',
  })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}

export class AcceptPlanWarningCommand {
  constructor(
    readonly input: { planId: string; checkId: string },
    readonly context: CommandContext,
    /** The acceptance's date, recorded as the event's validTime; null: none (seen from any date). */
    readonly on: string | null = null,
  ) {}
}

@CommandHandler(AcceptPlanWarningCommand)
export class AcceptPlanWarningHandler implements ICommandHandler<AcceptPlanWarningCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly plans: PlanContext,
  ) {}

  execute({ input, context, on }: AcceptPlanWarningCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: planStream(input.planId),
      evolve: evolvePlan,
      gather: (current) => this.plans.checksOfRecorded(input.planId, current, on ?? undefined),
      decide: (current, checks) => acceptWarning(current, input, checks),
      ...(on ? { effectiveOn: on } : {}),
      context,
    });
  }
}

@WriteRoutes('plans')
export class AcceptPlanWarningRoute extends CommandQueryController {
  @OperationId('PlansController', 'acceptWarning')
  @Post(':id/warning-acceptances')
  @HttpCode(200)
  @AllowRoles('finance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  async acceptWarning(
    @Param() { id }: IdParam,
    @Body() { reason, checkId, on }: AcceptPlanWarningDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new AcceptPlanWarningCommand({ planId: id, checkId }, request.because(reason), on ?? todayInEngland()),
      request,
      new GetPlanQuery(id),
    );
  }
}
