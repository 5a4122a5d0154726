import { Get, Query, Render } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { READERS } from '@bcl/identity';
import { AllowRoles } from '@bcl/application';
import { PagesController, viewpointOf } from '../../page-route';
import { homeOverview } from './home-overview';

/**
 * The home page: every area, with its plans, pool-years and returns and their status, and the report-backs
 * outstanding. When the record was last verified: the service keeps no record of its checks, and checking the
 * whole log on every view would cost the log's length, so the page says so and links to the Verify page.
 */
@PagesController('')
export class HomeController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AllowRoles(...READERS)
  @Render('features/home/home.njk')
  async home(@Query() query: Record<string, unknown>) {
    const viewpoint = viewpointOf(query);
    const areas = await homeOverview(this.queries, viewpoint);
    const search = new URLSearchParams(viewpoint).toString();
    const withViewpoint = (path: string) => (search ? `${path}?${search}` : path);
    return {
      section: 'home',
      viewpoint,
      areas,
      viewpointQuery: search ? `?${search}` : '',
      dataLinks: [
        { href: withViewpoint('/api/areas'), text: 'areas (JSON)' },
        { href: withViewpoint('/api/fund/pools'), text: 'pools and pool-years (JSON)' },
        { href: withViewpoint('/api/fund/agreements'), text: 'section 75 agreements (JSON)' },
      ],
    };
  }
}
