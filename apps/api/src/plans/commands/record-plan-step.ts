import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordLifecycleStep, evolvePlan, planStream, recordLifecycleStep } from '@bcl/domain-plans';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { PlanContext } from '../plan-context';

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
