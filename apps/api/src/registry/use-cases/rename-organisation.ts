import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiHeader, ApiProperty } from '@nestjs/swagger';

import {
  REGISTRY_LIMITS as L,
  RenameOrganisation,
  evolveOrganisation,
  organisationStream,
  renameOrganisation,
} from '@bcl/domain-registry';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IdParam } from '../../http/id-param';
import { IsCalendarDate, IsText } from '../../http/validators';
import { DATE } from '../dto/registry.dto';
import { GetOrganisationQuery } from '@bcl/application';
import {
  CommandQueryController,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

/** Use case: an organisation takes a new name from a date. */

export class RenameOrganisationDto extends ReasonDto {
  @ApiProperty({ maxLength: L.nameLengthMax, example: 'Folkestone and Hythe District Council' })
  @IsText(L.nameLengthMax)
  name!: string;

  @ApiProperty(DATE)
  @IsCalendarDate()
  effectiveFrom!: string;
}

export class RenameOrganisationCommand {
  constructor(
    readonly input: RenameOrganisation,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RenameOrganisationCommand)
export class RenameOrganisationHandler implements ICommandHandler<RenameOrganisationCommand, WriteResult> {
  constructor(private readonly writer: EventLogWriter) {}

  execute({ input, context }: RenameOrganisationCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: organisationStream(input.organisationId),
      evolve: evolveOrganisation,
      decide: (state) => renameOrganisation(state, input),
      effectiveOn: input.effectiveFrom,
      context,
    });
  }
}

@WriteRoutes('organisations')
export class RenameOrganisationRoute extends CommandQueryController {
  @OperationId('OrganisationsController', 'rename')
  @Post(':id/renames')
  @HttpCode(200)
  @AllowRoles('admin')
  @ApiHeader({ name: 'If-Match', required: false })
  async rename(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: RenameOrganisationDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new RenameOrganisationCommand({ ...input, organisationId: id }, request.because(reason)),
      request,
      new GetOrganisationQuery(id),
    );
  }
}
