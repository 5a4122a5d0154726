import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  RecordSuccession,
  evolveOrganisation,
  organisationStream,
  recordSuccession,
} from '@bcl/domain-registry';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';

export class RecordSuccessionCommand {
  constructor(
    readonly input: RecordSuccession,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RecordSuccessionCommand)
export class RecordSuccessionHandler implements ICommandHandler<RecordSuccessionCommand, WriteResult> {
  constructor(private readonly ledger: LedgerWriter) {}

  async execute({ input, context }: RecordSuccessionCommand): Promise<WriteResult> {
    const successor = await this.ledger.load(organisationStream(input.successorId), evolveOrganisation);
    return this.ledger.execute({
      stream: organisationStream(input.organisationId),
      evolve: evolveOrganisation,
      decide: (state) => recordSuccession(state, input, successor.state),
      effectiveOn: input.effectiveOn,
      context,
    });
  }
}
