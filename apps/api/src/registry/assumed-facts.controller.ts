import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { READERS } from '@bcl/identity';
import { AllowRoles } from '@bcl/application';
import { KnownAtQueryDto } from '../http/common.dto';
import { normaliseKnownAt } from '@bcl/application';
import { CommandQueryController, OperationId } from '../http/write-route';
import { LedgerAssumedFactsQuery } from '@bcl/application';

/** The auditor's list of every assumed fact in the ledger (an area's own list is under /areas/{id}). */
@ApiTags('areas')
@ApiBearerAuth()
@Controller('assumed-facts')
export class AssumedFactsController extends CommandQueryController {
  /** Every fact the ledger records as assumed, each with the areas it belongs to, never shown as documented. */
  @Get()
  @AllowRoles(...READERS)
  @OperationId('AreasController', 'ledgerAssumedFacts') // the registry's read controller, for generated clients
  list(@Query() query: KnownAtQueryDto) {
    return this.queries.execute(new LedgerAssumedFactsQuery(normaliseKnownAt(query.knownAt)));
  }
}
