import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { evolvePerson, personStream, registerPerson } from '@bcl/domain-registry';
import { ServiceStore } from '@bcl/service-store';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { StreamFacts } from '../../event-log/stream-facts';
import { SERVICE_STORE } from '../../event-log/event-log.tokens';

export class RegisterPersonCommand {
  constructor(
    readonly input: { personId: string; displayName: string },
    readonly context: CommandContext,
  ) {}
}

/**
 * The name goes to the personal-data vault first, then the event (which holds only the pseudonymous id). If
 * the append is refused, the vault entry is harmless: nothing refers to the id.
 */
@CommandHandler(RegisterPersonCommand)
export class RegisterPersonHandler implements ICommandHandler<RegisterPersonCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
  ) {}

  async execute({ input, context }: RegisterPersonCommand): Promise<WriteResult> {
    registerPerson(await this.facts.person(input.personId), input); // refuse before touching the vault
    await this.service.putPersonalData(input.personId, input.displayName);
    return this.writer.execute({
      stream: personStream(input.personId),
      evolve: evolvePerson,
      decide: (state) => registerPerson(state, input),
      context,
    });
  }
}
