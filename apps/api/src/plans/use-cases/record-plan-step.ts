import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiHeader, ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn } from 'class-validator';
import {
  LIFECYCLE_STEPS,
  LifecycleStep,
  RECORDED_BY_GOVERNANCE,
  RecordLifecycleStep,
  evolvePlan,
  planStream,
  recordLifecycleStep,
} from '@bcl/domain-plans';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { AllowRoles } from '@bcl/application';
import { IdParam } from '../../http/id-param';
import { IsCalendarDate, IsText } from '../../http/validators';
import { ReasonDto } from '../../http/common.dto';
import { Problem } from '@bcl/application';
import { GetPlanQuery } from '@bcl/application';
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

  @ApiProperty({
    description:
      'Signed off by a delegate: kept for sign-offs recorded as plan steps before governance recorded them; false for the steps this route records',
  })
  @IsBoolean()
  delegated!: boolean;
}

export class RecordPlanStepCommand {
  constructor(
    readonly input: RecordLifecycleStep,
    readonly context: CommandContext,
  ) {}
}

/** Records a lifecycle step the plan itself records: joint agreement, and NHS England's acts. */
@CommandHandler(RecordPlanStepCommand)
export class RecordPlanStepHandler implements ICommandHandler<RecordPlanStepCommand, WriteResult> {
  constructor(private readonly writer: EventLogWriter) {}

  execute({ input, context }: RecordPlanStepCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: planStream(input.planId),
      evolve: evolvePlan,
      decide: (current) => recordLifecycleStep(current, input),
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
    if (RECORDED_BY_GOVERNANCE.includes(input.step)) throw recordedByGovernance(id, input.step);
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

/** 409 for a step governance records: nothing recorded, and the route that records it. */
function recordedByGovernance(planId: string, step: LifecycleStep): Problem {
  const route =
    step === 'signed-off'
      ? `POST /api/governance/instruments/bcf-plan/${planId}/approvals`
      : 'POST /api/governance/delegations/{delegationId}/report-back';
  const what =
    step === 'signed-off'
      ? 'an approval of the version under a delegation or a Board resolution'
      : "the report-back of the sign-off's delegation at a meeting of its Board";
  return new Problem(
    409,
    'recorded-by-governance',
    'Recorded by governance',
    `'${step}' is recorded by governance (${what}): use ${route}; see docs/sign-off.md`,
    [{ field: 'step', reason: `'${step}' is recorded by ${route}, not as a plan step` }],
    { use: route },
  );
}
