import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ErasePersonalData, erasePersonalData, evolvePerson, personStream } from '@bcl/domain-registry';
import { ServiceStore } from '@bcl/service-store';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { SERVICE_STORE } from '../../event-log/event-log.tokens';

export class ErasePersonalDataCommand {
  constructor(
    readonly input: ErasePersonalData,
    readonly context: CommandContext,
  ) {}
}

/** Records the erasure, then removes the name from the vault. Every event and hash stays as it was. */
@CommandHandler(ErasePersonalDataCommand)
export class ErasePersonalDataHandler implements ICommandHandler<ErasePersonalDataCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
  ) {}

  async execute({ input, context }: ErasePersonalDataCommand): Promise<WriteResult> {
    const result = await this.writer.execute({
      stream: personStream(input.personId),
      evolve: evolvePerson,
      decide: (state) => erasePersonalData(state, input),
      context,
    });
    await this.service.erasePersonalData(input.personId, new Date().toISOString());
    return result;
  }
}
