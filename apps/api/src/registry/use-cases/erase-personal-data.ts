import { DomainError } from '@bcl/kernel';
import { Body, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ErasePersonalData, erasePersonalData, evolvePerson, personStream } from '@bcl/domain-registry';
import { ServiceStore } from '@bcl/service-store';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { SERVICE_STORE } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IdParam } from '../../http/id-param';
import { GetPersonQuery } from '@bcl/application';
import {
  CommandQueryController,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

/** Use case: erase a person's personal data (the name leaves the vault; the pseudonymous events stay). */

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
    const eraseFromVault = () => this.service.erasePersonalData(input.personId, new Date().toISOString());
    let result: WriteResult;
    try {
      result = await this.writer.execute({
        stream: personStream(input.personId),
        evolve: evolvePerson,
        decide: (state) => erasePersonalData(state, input),
        context,
        awaitViews: false,
      });
    } catch (error) {
      // Already erased in the log: make sure the vault agrees (an earlier vault step may have failed), then
      // refuse as before. Nothing new is recorded; the vault only catches up with the log.
      if (error instanceof DomainError && error.kind === 'conflict') await eraseFromVault();
      throw error;
    }
    return this.writer.completeBesideTheLog(
      result,
      eraseFromVault,
      'the name could not be removed from the personal-data vault',
    );
  }
}

@WriteRoutes('people')
export class ErasePersonalDataRoute extends CommandQueryController {
  @OperationId('PeopleController', 'erase')
  @Post(':id/erasure')
  @HttpCode(200)
  @AllowRoles('admin')
  async erase(
    @Param() { id }: IdParam,
    @Body() { reason }: ReasonDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new ErasePersonalDataCommand({ personId: id }, request.because(reason)),
      request,
      new GetPersonQuery(id),
    );
  }
}
