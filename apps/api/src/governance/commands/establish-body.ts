import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EstablishBody, bodyStream, establishBody, evolveBody } from '@bcl/domain-governance';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';
import { GovernanceFacts } from '../governance-facts';

export class EstablishBodyCommand {
  constructor(
    readonly input: EstablishBody,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(EstablishBodyCommand)
export class EstablishBodyHandler implements ICommandHandler<EstablishBodyCommand, WriteResult> {
  constructor(
    private readonly ledger: LedgerWriter,
    private readonly facts: GovernanceFacts,
  ) {}

  async execute({ input, context }: EstablishBodyCommand): Promise<WriteResult> {
    const areaExists = input.areaId === null || (await this.facts.areaExists(input.areaId));
    return this.ledger.execute({
      stream: bodyStream(input.bodyId),
      evolve: evolveBody,
      decide: (state) => establishBody(state, input, { areaExists }),
      effectiveOn: input.establishedOn,
      context,
    });
  }
}
