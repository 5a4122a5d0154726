import { Body, Param, Patch } from '@nestjs/common';
import { AllowRoles, FillReturnCommand, FillReturnHandler } from '@bcl/application';
import { OperationId, WriteContext, WriteRequest, WriteRoutes, plain } from '../../http/write-route';
import { FillReturnDto, ReturnParams } from '../dto/return.dto';
import { COMPLETERS, ReturnRoute, actingAs } from '../return-route';

// The command and its handler live in @bcl/application (the return-workbook upload page sends it too); the
// re-export keeps the demo loader's import of it working.
export { FillReturnCommand };

@WriteRoutes('returns')
export class FillReturnRoute extends ReturnRoute {
  /** Fills cells of the return; 422 with one `errors` entry per refused cell (nothing recorded). */
  @Patch(':returnId/values')
  @AllowRoles(...COMPLETERS)
  @OperationId('ReturnsController', 'fill')
  fill(
    @Param() { returnId }: ReturnParams,
    @Body() { reason, effectiveOn, values }: FillReturnDto,
    @WriteContext() request: WriteRequest,
  ) {
    const input = plain({ values, enteredBy: actingAs(request.actor) });
    return this.writeReturn(
      returnId,
      new FillReturnCommand(returnId, input, request.because(reason), effectiveOn ?? null),
      request,
    );
  }
}

export const FILL_RETURN = { controllers: [FillReturnRoute], providers: [FillReturnHandler] };
