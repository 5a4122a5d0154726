import { TEXT_LIMITS as L } from '@bcl/kernel';
import { Body, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IsIn, IsOptional, IsString } from 'class-validator';
import {
  BODY_KINDS,
  BodyKind,
  EstablishBody,
  bodyStream,
  establishBody,
  evolveBody,
} from '@bcl/domain-governance';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { StreamFacts } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IsCalendarDate, IsId } from '../../http/validators';
import { GetBodyQuery } from '@bcl/application';
import { DATE, Text } from '../governance-routes';
import {
  CommandQueryController,
  plain,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

export class EstablishBodyDto extends ReasonDto {
  @ApiProperty({ example: 'kent-hwb' }) @IsId() bodyId!: string;
  @ApiProperty({ example: 'Kent Health and Wellbeing Board' })
  @IsString()
  @Text(L.nameLengthMax)
  name!: string;
  @ApiProperty({ enum: BODY_KINDS }) @IsIn(BODY_KINDS) kind!: BodyKind;
  @ApiPropertyOptional({ example: 'kent' }) @IsOptional() @IsId() areaId?: string | null;
  @ApiProperty(DATE) @IsCalendarDate() establishedOn!: string;
}

export class EstablishBodyCommand {
  constructor(
    readonly input: EstablishBody,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(EstablishBodyCommand)
export class EstablishBodyHandler implements ICommandHandler<EstablishBodyCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: EstablishBodyCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: bodyStream(input.bodyId),
      evolve: evolveBody,
      gather: async () => ({
        areaExists: input.areaId === null || (await this.facts.area(input.areaId)) !== undefined,
      }),
      decide: (state, facts) => establishBody(state, input, facts),
      effectiveOn: input.establishedOn,
      context,
    });
  }
}

@WriteRoutes('governance')
export class EstablishBodyRoute extends CommandQueryController {
  @Post('bodies')
  @AllowRoles('governance-officer')
  @OperationId('GovernanceController', 'establishBody')
  establishBody(@Body() { reason, ...input }: EstablishBodyDto, @WriteContext() request: WriteRequest) {
    return this.write(
      new EstablishBodyCommand(plain({ ...input, areaId: input.areaId ?? null }), request.because(reason)),
      request,
      new GetBodyQuery(input.bodyId),
      `/api/governance/bodies/${input.bodyId}`,
    );
  }
}

export const ESTABLISH_BODY = { controllers: [EstablishBodyRoute], providers: [EstablishBodyHandler] };
