import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EndPostHolding, endPostHolding, evolvePost, postStream } from '@bcl/domain-registry';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';

export class EndPostHoldingCommand {
  constructor(
    readonly input: EndPostHolding,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(EndPostHoldingCommand)
export class EndPostHoldingHandler implements ICommandHandler<EndPostHoldingCommand, WriteResult> {
  constructor(private readonly writer: EventLogWriter) {}

  execute({ input, context }: EndPostHoldingCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: postStream(input.postId),
      evolve: evolvePost,
      decide: (state) => endPostHolding(state, input),
      effectiveOn: input.until,
      context,
    });
  }
}
