import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AssignSeat, assignSeat, bodyStream, evolveBody } from '@bcl/domain-governance';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { StreamFacts } from '../../event-log/stream-facts';

export class AssignSeatCommand {
  constructor(
    readonly input: AssignSeat,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(AssignSeatCommand)
export class AssignSeatHandler implements ICommandHandler<AssignSeatCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: AssignSeatCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: bodyStream(input.bodyId),
      evolve: evolveBody,
      gather: async () => ({ postExists: (await this.facts.post(input.postId)) !== undefined }),
      decide: (state, facts) => assignSeat(state, input, facts),
      effectiveOn: input.from,
      context,
    });
  }
}
