import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordLifecycleStep, evolvePlan, planStream, recordLifecycleStep } from '@bcl/domain-plans';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';
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
    private readonly ledger: LedgerWriter,
    private readonly plans: PlanContext,
  ) {}

  async execute({ input, context }: RecordPlanStepCommand): Promise<WriteResult> {
    const checks = await this.plans.checker((await this.plans.plan(input.planId)).state);
    return this.ledger.execute({
      stream: planStream(input.planId),
      evolve: evolvePlan,
      decide: (current) => recordLifecycleStep(current, input, checks(current)),
      effectiveOn: input.on,
      context,
    });
  }
}
