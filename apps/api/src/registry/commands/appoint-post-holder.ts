import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AppointPostHolder, appointPostHolder, evolvePost, postStream } from '@bcl/domain-registry';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { StreamFacts } from '../../event-log/stream-facts';

export class AppointPostHolderCommand {
  constructor(
    readonly input: AppointPostHolder,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(AppointPostHolderCommand)
export class AppointPostHolderHandler implements ICommandHandler<AppointPostHolderCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: AppointPostHolderCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: postStream(input.postId),
      evolve: evolvePost,
      gather: () => this.facts.person(input.personId),
      decide: (state, person) => appointPostHolder(state, input, person),
      effectiveOn: input.from,
      context,
    });
  }
}
