import { Get, Query, Render } from '@nestjs/common';
import { READERS } from '@bcl/identity';
import { AllowRoles, ViewpointViews, poolYearsIndex, viewpointOf as readViewpoint } from '@bcl/application';
import { PagesController, viewpointOf } from '../../page-route';

/** More pool-years than a page lists (the demo holds five); the page says when the list is cut short. */
const POOL_YEARS_MAX = 500;

/** The pooled funds: each pool and its opened years, with what the ledger holds of each. */
@PagesController('fund')
export class FundIndexController {
  constructor(private readonly views: ViewpointViews) {}

  @Get()
  @AllowRoles(...READERS)
  @Render('features/fund/fund-index.njk')
  async index(@Query() query: Record<string, unknown>) {
    const viewpoint = viewpointOf(query);
    const search = new URLSearchParams(viewpoint).toString();
    const index = await poolYearsIndex(this.views, readViewpoint(viewpoint), POOL_YEARS_MAX);
    return { section: 'fund', viewpoint, search: search === '' ? '' : `?${search}`, ...index };
  }
}
