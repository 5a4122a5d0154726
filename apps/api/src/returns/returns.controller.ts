import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AllowRoles } from '@bcl/application';
import { setEtag } from '../http/etag';
import { viewpointOf } from '@bcl/application';
import { IdParam } from '../http/id-param';
import { AsAtQueryDto, KnownAtQueryDto } from '../http/common.dto';
import { CommandQueryController, OperationId } from '../http/write-route';
import { returnDocumentOf, writeReturnWorkbook } from '@bcl/quarterly-returns';
import { XLSX_MEDIA_TYPE } from '../plans/dto/plan.dto';
import { AreaReturnsQueryDto, ReturnExportQueryDto, ReturnParams, ReturnQueryDto } from './dto/return.dto';
import { ReturnContext } from '@bcl/application';
import { RETURN_READERS } from './return-route';
import {
  AreaReturnsQuery,
  ReturnChecksQuery,
  ReturnHistoryQuery,
  ReturnState,
  ShowReturnQuery,
} from '@bcl/application';

/** The returns' read side: every GET route (each write route is a use case under use-cases/). */
@ApiTags('returns')
@ApiBearerAuth()
@Controller('returns')
export class ReturnsController extends CommandQueryController {
  constructor(
    commands: CommandBus,
    queries: QueryBus,
    private readonly returns: ReturnContext,
  ) {
    super(commands, queries);
  }

  /** The return as submitted (default) or as restated by later quarters' amendments, from a viewpoint. */
  @Get(':returnId')
  @AllowRoles(...RETURN_READERS)
  async show(
    @Param() { returnId }: ReturnParams,
    @Query() query: ReturnQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const view = await this.queries.execute<ShowReturnQuery, ReturnState>(
      new ShowReturnQuery(returnId, query.basis ?? 'as-submitted', viewpointOf(query)),
    );
    setEtag(response, view.revision);
    return view;
  }

  /**
   * The return as a document (JSON, `bcl-quarterly-return/1`) or a workbook in the template's layout (XLSX), as
   * submitted or as restated, from a viewpoint; either imports back to the same return (`bcl return import`).
   */
  @Get(':returnId/export')
  @AllowRoles(...RETURN_READERS)
  async export(
    @Param() { returnId }: ReturnParams,
    @Query() query: ReturnExportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const {
      viewpoint: _,
      revision,
      ...view
    } = await this.queries.execute<ShowReturnQuery, ReturnState>(
      new ShowReturnQuery(returnId, query.basis ?? 'as-submitted', viewpointOf(query)),
    );
    setEtag(response, revision);
    const template = this.returns.template(view.templateVersion);
    if (query.format !== 'xlsx') return returnDocumentOf(view, template);
    response.setHeader('Content-Type', XLSX_MEDIA_TYPE);
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="${returnId}-v${view.version}-${view.basis}.xlsx"`,
    );
    return new StreamableFile(await writeReturnWorkbook(template, view));
  }

  /** Every check of the return from a viewpoint, each naming the figures and sources it rests on. */
  @Get(':returnId/checks')
  @AllowRoles(...RETURN_READERS)
  checks(@Param() { returnId }: ReturnParams, @Query() query: AsAtQueryDto) {
    return this.queries.execute(new ReturnChecksQuery(returnId, viewpointOf(query)));
  }

  /** Every event of the return, oldest first; with `knownAt`, those recorded by then. */
  @Get(':returnId/history')
  @AllowRoles(...RETURN_READERS)
  history(@Param() { returnId }: ReturnParams, @Query() query: KnownAtQueryDto) {
    return this.queries.execute(new ReturnHistoryQuery(returnId, viewpointOf(query).knownAt));
  }
}

/** An area's quarterly returns of a year. */
@ApiTags('returns')
@ApiBearerAuth()
@Controller('areas')
export class AreaReturnsController extends CommandQueryController {
  @Get(':id/returns')
  @AllowRoles(...RETURN_READERS)
  @OperationId('ReturnsController', 'listOfArea')
  list(@Param() { id }: IdParam, @Query() query: AreaReturnsQueryDto) {
    const { year, ...viewpoint } = query;
    return this.queries.execute(new AreaReturnsQuery(id, year ?? '2016-17', viewpointOf(viewpoint)));
  }
}
