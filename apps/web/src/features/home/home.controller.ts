import { Get, Inject, Query, Render } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { READERS } from '@bcl/identity';
import { ServiceStore } from '@bcl/service-store';
import { AllowRoles, SERVICE_STORE } from '@bcl/application';
import { PagesController, viewpointOf } from '../../page-route';
import { homeOverview } from './home-overview';
import { lastVerifiedOf } from './last-verified';

/**
 * The home page: every area, with its plans, pool-years and returns and their status, and the report-backs
 * outstanding, and when the record was last verified: the latest run the service store keeps (from the Verify page
 * or `bcl verify`), not a check on every view, which would cost the log's length. It is the log's state now,
 * whatever the viewpoint.
 */
@PagesController('')
export class HomeController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
  ) {}

  @Get()
  @AllowRoles(...READERS)
  @Render('features/home/home.njk')
  async home(@Query() query: Record<string, unknown>) {
    const viewpoint = viewpointOf(query);
    const [areas, lastVerification] = await Promise.all([
      homeOverview(this.queries, viewpoint),
      this.service.lastVerification(),
    ]);
    const search = new URLSearchParams(viewpoint).toString();
    const withViewpoint = (path: string) => (search ? `${path}?${search}` : path);
    return {
      section: 'home',
      viewpoint,
      areas,
      lastVerification: lastVerifiedOf(lastVerification),
      viewpointQuery: search ? `?${search}` : '',
      dataLinks: [
        { href: withViewpoint('/api/areas'), text: 'areas (JSON)' },
        { href: withViewpoint('/api/fund/pools'), text: 'pools and pool-years (JSON)' },
        { href: withViewpoint('/api/fund/agreements'), text: 'section 75 agreements (JSON)' },
      ],
    };
  }
}
