import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  RecordSuccession,
  evolveOrganisation,
  organisationStream,
  recordSuccession,
} from '@bcl/domain-registry';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { StreamFacts } from '../../event-log/stream-facts';

export class RecordSuccessionCommand {
  constructor(
    readonly input: RecordSuccession,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RecordSuccessionCommand)
export class RecordSuccessionHandler implements ICommandHandler<RecordSuccessionCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: RecordSuccessionCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: organisationStream(input.organisationId),
      evolve: evolveOrganisation,
      gather: () => this.facts.organisation(input.successorId),
      decide: (state, successor) => recordSuccession(state, input, successor),
      effectiveOn: input.effectiveOn,
      context,
    });
  }
}
