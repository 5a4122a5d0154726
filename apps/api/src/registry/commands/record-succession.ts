import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  RecordSuccession,
  evolveOrganisation,
  organisationStream,
  recordSuccession,
} from '@bcl/domain-registry';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';
import { StreamFacts } from '../../ledger/stream-facts';

export class RecordSuccessionCommand {
  constructor(
    readonly input: RecordSuccession,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RecordSuccessionCommand)
export class RecordSuccessionHandler implements ICommandHandler<RecordSuccessionCommand, WriteResult> {
  constructor(
    private readonly ledger: LedgerWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: RecordSuccessionCommand): Promise<WriteResult> {
    return this.ledger.execute({
      stream: organisationStream(input.organisationId),
      evolve: evolveOrganisation,
      gather: () => this.facts.organisation(input.successorId),
      decide: (state, successor) => recordSuccession(state, input, successor),
      effectiveOn: input.effectiveOn,
      context,
    });
  }
}
