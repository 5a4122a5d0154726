import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiHeader, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { AppointPostHolder, appointPostHolder, evolvePost, postStream } from '@bcl/domain-registry';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { StreamFacts } from '@bcl/application';
import { ReasonDto } from '../../http/common.dto';
import { IdParam } from '../../http/id-param';
import { IsCalendarDate, IsId } from '../../http/validators';
import { DATE } from '../dto/registry.dto';
import { GetPostQuery } from '@bcl/application';
import {
  CommandQueryController,
  WriteContext,
  WriteRequest,
  OperationId,
  WriteRoutes,
} from '../../http/write-route';

/** Use case: a person is appointed to hold a post from a date (perhaps as an interim holder). */

export class AppointPostHolderDto extends ReasonDto {
  @ApiProperty()
  @IsId()
  personId!: string;

  @ApiProperty(DATE)
  @IsCalendarDate()
  from!: string;

  @ApiPropertyOptional({ ...DATE, description: 'First day no longer held, if known now' })
  @IsOptional()
  @IsCalendarDate()
  until?: string;

  @ApiProperty({ description: 'An interim holder (e.g. Interim Accountable Officer)' })
  @IsBoolean()
  interim!: boolean;
}

export class AppointPostHolderCommand {
  constructor(
    readonly input: AppointPostHolder,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(AppointPostHolderCommand)
export class AppointPostHolderHandler implements ICommandHandler<AppointPostHolderCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: AppointPostHolderCommand): Promise<WriteResult> {
    return this.writer.execute({
      stream: postStream(input.postId),
      evolve: evolvePost,
      gather: () => this.facts.person(input.personId),
      decide: (state, person) => appointPostHolder(state, input, person),
      effectiveOn: input.from,
      context,
    });
  }
}

@WriteRoutes('posts')
export class AppointPostHolderRoute extends CommandQueryController {
  @OperationId('PostsController', 'appoint')
  @Post(':id/holders')
  @HttpCode(200)
  @AllowRoles('admin', 'governance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  async appoint(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: AppointPostHolderDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new AppointPostHolderCommand(
        { ...input, postId: id, until: input.until ?? null },
        request.because(reason),
      ),
      request,
      new GetPostQuery(id),
    );
  }
}
