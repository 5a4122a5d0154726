import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EstablishBody, bodyStream, establishBody, evolveBody } from '@bcl/domain-governance';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { StreamFacts } from '../../event-log/stream-facts';

export class EstablishBodyCommand {
  constructor(
    readonly input: EstablishBody,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(EstablishBodyCommand)
export class EstablishBodyHandler implements ICommandHandler<EstablishBodyCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: EstablishBodyCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: bodyStream(input.bodyId),
      evolve: evolveBody,
      gather: async () => ({
        areaExists: input.areaId === null || (await this.facts.area(input.areaId)) !== undefined,
      }),
      decide: (state, facts) => establishBody(state, input, facts),
      effectiveOn: input.establishedOn,
      context,
    });
  }
}
