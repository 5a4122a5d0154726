import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { acceptWarning, evolvePlan, planStream } from '@bcl/domain-plans';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { PlanContext } from '../plan-context';

export class AcceptPlanWarningCommand {
  constructor(
    readonly input: { planId: string; checkId: string },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(AcceptPlanWarningCommand)
export class AcceptPlanWarningHandler implements ICommandHandler<AcceptPlanWarningCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly plans: PlanContext,
  ) {}

  execute({ input, context }: AcceptPlanWarningCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: planStream(input.planId),
      evolve: evolvePlan,
      gather: (current) => this.plans.checksOfRecorded(input.planId, current),
      decide: (current, checks) => acceptWarning(current, input, checks),
      context,
    });
  }
}
