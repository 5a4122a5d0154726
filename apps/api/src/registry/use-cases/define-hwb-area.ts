import { Body, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import {
  AREA_STRUCTURES,
  AreaStructure,
  DefineHwbArea,
  REGISTRY_LIMITS as L,
  defineHwbArea,
  evolveHwbArea,
  hwbAreaStream,
} from '@bcl/domain-registry';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IsCalendarDate, IsId, IsText } from '../../http/validators';
import { DATE } from '../dto/registry.dto';
import { GetAreaQuery } from '@bcl/application';
import {
  CommandQueryController,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

/** Use case: define a Health and Wellbeing Board area. */

export class DefineHwbAreaDto extends ReasonDto {
  @ApiProperty({ example: 'kent' })
  @IsId()
  areaId!: string;

  @ApiProperty({ example: 'Kent' })
  @IsText(L.nameLengthMax)
  name!: string;

  @ApiProperty({ enum: AREA_STRUCTURES })
  @IsIn(AREA_STRUCTURES)
  structure!: AreaStructure;

  @ApiProperty(DATE)
  @IsCalendarDate()
  establishedOn!: string;
}

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

@WriteRoutes('areas')
export class DefineHwbAreaRoute extends CommandQueryController {
  @OperationId('AreasController', 'define')
  @Post()
  @AllowRoles('admin')
  async define(@Body() { reason, ...input }: DefineHwbAreaDto, @WriteContext() request: WriteRequest) {
    return this.write(
      new DefineHwbAreaCommand(input, request.because(reason)),
      request,
      new GetAreaQuery(input.areaId),
      `/api/areas/${input.areaId}`,
    );
  }
}
