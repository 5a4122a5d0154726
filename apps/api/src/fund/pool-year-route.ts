import { yearEnd } from '@bcl/fund-reports';
import { PoolYearParams } from './dto/fund.dto';
import { PoolYearPositionQuery } from '@bcl/application';
import { WriteRequest, CommandQueryController } from '../http/write-route';

/** A route writing to a pool-year: it answers the position at the year end. */
export abstract class PoolYearRoute extends CommandQueryController {
  protected async writePoolYear(
    { poolId, year }: PoolYearParams,
    command: object,
    request: WriteRequest,
    location?: string,
  ) {
    const viewAtYearEnd = new PoolYearPositionQuery(poolId, year, { asAt: yearEnd(year), axis: 'effective' });
    return (await this.write<{ position: object }>(command, request, viewAtYearEnd, location)).position;
  }
}
