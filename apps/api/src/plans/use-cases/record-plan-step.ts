import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiHeader, ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn } from 'class-validator';
import {
  LIFECYCLE_STEPS,
  LifecycleStep,
  RecordLifecycleStep,
  evolvePlan,
  planStream,
  recordLifecycleStep,
} from '@bcl/domain-plans';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { AllowRoles } from '../../auth/access-policy';
import { IdParam } from '../../http/id-param';
import { IsCalendarDate, IsText } from '../../http/validators';
import { ReasonDto } from '../../http/common.dto';
import { PlanContext } from '../plan-context';
import { GetPlanQuery } from '../queries/plan-queries';
import {
  WriteContext,
  WriteRequest,
  OperationId,
  CommandQueryController,
  WriteRoutes,
} from '../../http/write-route';

export class RecordPlanStepDto extends ReasonDto {
  @ApiProperty({ enum: LIFECYCLE_STEPS })
  @IsIn(LIFECYCLE_STEPS)
  step!: LifecycleStep;

  @ApiProperty({ example: '2017-09-11', description: 'YYYY-MM-DD: the date the step happened' })
  @IsCalendarDate()
  on!: string;

  @ApiProperty({
    type: [String],
    description: 'Organisation ids that agreed, or the signatories',
    maxItems: 30,
  })
  @IsArray()
  @ArrayMaxSize(30)
  @IsText(200, { each: true })
  parties!: string[];

  @ApiProperty({ description: 'Signed off by a delegate, so it must be reported back to the Board' })
  @IsBoolean()
  delegated!: boolean;
}

export class RecordPlanStepCommand {
  constructor(
    readonly input: RecordLifecycleStep,
    readonly context: CommandContext,
  ) {}
}

/** Records a lifecycle step; sign-off is refused while a check blocks or a warning stands unaccepted. */
@CommandHandler(RecordPlanStepCommand)
export class RecordPlanStepHandler implements ICommandHandler<RecordPlanStepCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly plans: PlanContext,
  ) {}

  execute({ input, context }: RecordPlanStepCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: planStream(input.planId),
      evolve: evolvePlan,
      gather: (current) => this.plans.checksOfRecorded(input.planId, current),
      decide: (current, checks) => recordLifecycleStep(current, input, checks),
      effectiveOn: input.on,
      context,
    });
  }
}

@WriteRoutes('plans')
export class RecordPlanStepRoute extends CommandQueryController {
  @OperationId('PlansController', 'recordStep')
  @Post(':id/steps')
  @HttpCode(200)
  @AllowRoles('governance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  async recordStep(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: RecordPlanStepDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new RecordPlanStepCommand(
        { ...input, parties: [...input.parties], planId: id },
        request.because(reason),
      ),
      request,
      new GetPlanQuery(id),
    );
  }
}
