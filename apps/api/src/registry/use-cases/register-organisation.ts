import { Body, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { ID_PATTERN } from '@bcl/kernel';
import {
  CODE_SCHEMES,
  CodeScheme,
  ORGANISATION_KINDS,
  OrganisationKind,
  REGISTRY_LIMITS as L,
  RegisterOrganisation,
  evolveOrganisation,
  organisationStream,
  registerOrganisation,
} from '@bcl/domain-registry';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { StreamFacts } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IsCalendarDate, IsId, IsText } from '../../http/validators';
import { DATE } from '../dto/registry.dto';
import { GetOrganisationQuery } from '@bcl/application';
import {
  CommandQueryController,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

/** Use case: register an organisation (a council, an ICB, a trust), optionally under its parent. */

export class OrganisationCodeDto {
  @ApiProperty({ enum: CODE_SCHEMES })
  @IsIn(CODE_SCHEMES)
  scheme!: CodeScheme;

  @ApiProperty({ maxLength: L.codeValueLengthMax, example: 'E10000016' })
  @IsText(L.codeValueLengthMax)
  value!: string;
}

export class RegisterOrganisationDto extends ReasonDto {
  @ApiProperty({ example: 'kent-county-council', pattern: ID_PATTERN.source })
  @IsId()
  organisationId!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;

  @ApiProperty({ maxLength: L.nameLengthMax, example: 'Kent County Council' })
  @IsText(L.nameLengthMax)
  name!: string;

  @ApiProperty({ type: [OrganisationCodeDto], maxItems: L.codesPerOrganisationMax })
  @IsArray()
  @ArrayMaxSize(L.codesPerOrganisationMax)
  @ValidateNested({ each: true })
  @Type(() => OrganisationCodeDto)
  codes!: OrganisationCodeDto[];

  @ApiProperty(DATE)
  @IsCalendarDate()
  establishedOn!: string;

  @ApiPropertyOptional({ description: "A district council's county council" })
  @IsOptional()
  @IsId()
  parentOrganisationId?: string;
}

export class RegisterOrganisationCommand {
  constructor(
    readonly input: RegisterOrganisation,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RegisterOrganisationCommand)
export class RegisterOrganisationHandler implements ICommandHandler<
  RegisterOrganisationCommand,
  WriteResult
> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: RegisterOrganisationCommand): Promise<WriteResult> {
    const parentId = input.parentOrganisationId;
    return this.writer.execute({
      stream: organisationStream(input.organisationId),
      evolve: evolveOrganisation,
      gather: async () => (parentId ? await this.facts.organisation(parentId) : undefined),
      decide: (state, parent) => registerOrganisation(state, input, parent),
      effectiveOn: input.establishedOn,
      context,
    });
  }
}

@WriteRoutes('organisations')
export class RegisterOrganisationRoute extends CommandQueryController {
  @OperationId('OrganisationsController', 'register')
  @Post()
  @AllowRoles('admin')
  async register(@Body() body: RegisterOrganisationDto, @WriteContext() request: WriteRequest) {
    const { reason, ...input } = body;
    return this.write(
      new RegisterOrganisationCommand(
        {
          ...input,
          codes: input.codes.map(({ scheme, value }) => ({ scheme, value })),
          parentOrganisationId: input.parentOrganisationId ?? null,
        },
        request.because(reason),
      ),
      request,
      new GetOrganisationQuery(input.organisationId),
      `/api/organisations/${input.organisationId}`,
    );
  }
}
