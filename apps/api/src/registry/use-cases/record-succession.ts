import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiHeader, ApiProperty } from '@nestjs/swagger';
import {
  RecordSuccession,
  evolveOrganisation,
  organisationStream,
  recordSuccession,
} from '@bcl/domain-registry';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { StreamFacts } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IdParam } from '../../http/id-param';
import { IsCalendarDate, IsId } from '../../http/validators';
import { DATE } from '../dto/registry.dto';
import { GetOrganisationQuery } from '@bcl/application';
import {
  CommandQueryController,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

/** Use case: an organisation is succeeded by another (e.g. a CCG by an ICB) on a date. */

export class RecordSuccessionDto extends ReasonDto {
  @ApiProperty({ example: 'nhs-kent-and-medway-icb' })
  @IsId()
  successorId!: string;

  @ApiProperty(DATE)
  @IsCalendarDate()
  effectiveOn!: string;
}

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

@WriteRoutes('organisations')
export class RecordSuccessionRoute extends CommandQueryController {
  @OperationId('OrganisationsController', 'recordSuccession')
  @Post(':id/succession')
  @HttpCode(200)
  @AllowRoles('admin')
  @ApiHeader({ name: 'If-Match', required: false })
  async recordSuccession(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: RecordSuccessionDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new RecordSuccessionCommand({ ...input, organisationId: id }, request.because(reason)),
      request,
      new GetOrganisationQuery(id),
    );
  }
}
