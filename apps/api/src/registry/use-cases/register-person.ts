import { randomUUID } from 'node:crypto';
import { Body, Inject, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { REGISTRY_LIMITS as L, evolvePerson, personStream, registerPerson } from '@bcl/domain-registry';
import { ServiceStore } from '@bcl/service-store';
import { AllowRoles } from '@bcl/application';
import { SERVICE_STORE } from '@bcl/application';
import { derivedEventId } from '@bcl/event-store';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IsId, IsText } from '../../http/validators';
import { GetPersonQuery } from '@bcl/application';
import {
  CommandQueryController,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

/** Use case: register a person under a pseudonymous id; the name goes to the personal-data vault. */

export class RegisterPersonDto extends ReasonDto {
  @ApiPropertyOptional({ description: 'Pseudonymous id; generated when absent' })
  @IsOptional()
  @IsId()
  personId?: string;

  @ApiProperty({
    description: 'Personal data: kept in the vault, never in events',
    example: 'Cllr Lesley Salter',
  })
  @IsText(L.nameLengthMax)
  displayName!: string;
}

export class RegisterPersonCommand {
  constructor(
    readonly input: { personId: string; displayName: string },
    readonly context: CommandContext,
  ) {}
}

/**
 * The event first, then the name to the personal-data vault: a refused write (a conflict, a lost race for the
 * id, an invalid actor, a full disk) leaves nothing in the vault, and of two racing registrations of one id
 * only the one whose event was recorded stores its name. A retry with the same Idempotency-Key replays the
 * event and stores the name again, so a crash between the two steps is repaired by retrying.
 */
@CommandHandler(RegisterPersonCommand)
export class RegisterPersonHandler implements ICommandHandler<RegisterPersonCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
  ) {}

  async execute({ input, context }: RegisterPersonCommand): Promise<WriteResult> {
    const result = await this.writer.execute({
      stream: personStream(input.personId),
      evolve: evolvePerson,
      decide: (state) => registerPerson(state, input),
      context,
      awaitViews: false,
    });
    return this.writer.completeBesideTheLog(
      result,
      () => this.service.putPersonalData(input.personId, input.displayName),
      'the name could not be stored in the personal-data vault',
    );
  }
}

@WriteRoutes('people')
export class RegisterPersonRoute extends CommandQueryController {
  /** The id is pseudonymous: given, or derived from the Idempotency-Key (so a retry names the same person). */
  @OperationId('PeopleController', 'register')
  @Post()
  @AllowRoles('admin', 'governance-officer')
  async register(
    @Body() { reason, displayName, personId }: RegisterPersonDto,
    @WriteContext() request: WriteRequest,
  ) {
    const context = request.because(reason);
    const id =
      personId ??
      `p-${context.idempotencyKey ? derivedEventId(`${request.actor.id}\n${context.idempotencyKey}\nperson`) : randomUUID()}`;
    return this.write(
      new RegisterPersonCommand({ personId: id, displayName }, context),
      request,
      new GetPersonQuery(id),
      `/api/people/${id}`,
    );
  }
}
