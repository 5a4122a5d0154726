import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@bcl/event-store';
import { approvedPlanVersions } from '@bcl/plan-import';
import { EVENT_STORE } from '../../ledger/ledger.tokens';
import { RecordPlanDocument, evolvePlan, planStream, recordPlanDocument } from '@bcl/domain-plans';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';
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
    private readonly ledger: LedgerWriter,
    private readonly plans: PlanContext,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ document, context }: ImportPlanCommand): Promise<WriteResult> {
    const reference = this.plans.reference(document.cycle);
    const area = await this.plans.area(document.areaId);
    const approved = await approvedPlanVersions(this.store, document.planId);
    return this.ledger.execute({
      stream: planStream(document.planId),
      evolve: evolvePlan,
      decide: (state) => recordPlanDocument(state, document, reference, area, approved),
      context,
    });
  }
}
