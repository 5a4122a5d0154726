import { Get, Query, Render } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { READERS } from '@bcl/identity';
import { AllowRoles, ListAreasQuery } from '@bcl/application';
import { PagesController, viewpointOf } from '../../page-route';

const AREAS_MAX = 500;

/** The home page: every area, with its plans, pool-years and returns. */
@PagesController('')
export class HomeController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AllowRoles(...READERS)
  @Render('features/home/home.njk')
  async home(@Query() query: Record<string, unknown>) {
    const viewpoint = viewpointOf(query);
    const areas = (await this.queries.execute(new ListAreasQuery(AREAS_MAX, undefined, viewpoint))) as {
      items: { areaId: string; name: string }[];
    };
    return { section: 'home', viewpoint, areas: areas.items };
  }
}
