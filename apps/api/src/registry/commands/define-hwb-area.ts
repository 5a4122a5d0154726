import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DefineHwbArea, defineHwbArea, evolveHwbArea, hwbAreaStream } from '@bcl/domain-registry';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';

export class DefineHwbAreaCommand {
  constructor(
    readonly input: DefineHwbArea,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(DefineHwbAreaCommand)
export class DefineHwbAreaHandler implements ICommandHandler<DefineHwbAreaCommand, WriteResult> {
  constructor(private readonly writer: EventLogWriter) {}

  execute({ input, context }: DefineHwbAreaCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: hwbAreaStream(input.areaId),
      evolve: evolveHwbArea,
      decide: (state) => defineHwbArea(state, input),
      effectiveOn: input.establishedOn,
      context,
    });
  }
}
