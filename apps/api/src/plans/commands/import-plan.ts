import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { approvedVersions } from '@bcl/domain-governance/facts';
import { RecordPlanDocument, evolvePlan, planStream, recordPlanDocument } from '@bcl/domain-plans';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { StreamFacts } from '../../event-log/stream-facts';
import { PlanContext } from '../plan-context';

export class ImportPlanCommand {
  constructor(
    readonly document: RecordPlanDocument,
    readonly context: CommandContext,
  ) {}
}

/** Records a plan document (whole, or some sections) as the entry-level changes it makes. */
@CommandHandler(ImportPlanCommand)
export class ImportPlanHandler implements ICommandHandler<ImportPlanCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly plans: PlanContext,
    private readonly facts: StreamFacts,
  ) {}

  execute({ document, context }: ImportPlanCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: planStream(document.planId),
      evolve: evolvePlan,
      gather: async () => ({
        reference: this.plans.reference(document.cycle),
        area: await this.plans.area(document.areaId),
        approved: approvedVersions(await this.facts.approvals({ kind: 'bcf-plan', id: document.planId })),
      }),
      decide: (state, { reference, area, approved }) =>
        recordPlanDocument(state, document, reference, area, approved),
      context,
    });
  }
}
