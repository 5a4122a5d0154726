import { Get, Param, Query, Render } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { READERS } from '@bcl/identity';
import { AllowRoles } from '@bcl/application';
import { PagesController, viewpointOf } from '../../page-route';
import { areaRecord } from './area-record';

/**
 * Where the area pages are served. Not `areas`: the server keeps every path under a page controller's path out of
 * the `/api` prefix, whichever controller serves it, so a page controller at `areas` would move the API's
 * `/api/areas/...` routes to `/areas/...` (where they would answer before the page). `area` collides with no API
 * path.
 */
export const AREA_PAGES_PATH = 'areas';

/** An area's page: its organisations on a date and over time, and its Board with the posts and their holders. */
@PagesController(AREA_PAGES_PATH)
export class AreaController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':areaId')
  @AllowRoles(...READERS)
  @Render('features/area/area.njk')
  async area(@Param('areaId') areaId: string, @Query() query: Record<string, unknown>) {
    const viewpoint = viewpointOf(query);
    const record = await areaRecord(this.queries, areaId, viewpoint);
    const search = new URLSearchParams({ ...viewpoint, asAt: record.on }).toString();
    const id = encodeURIComponent(areaId);
    const asked = new URLSearchParams(viewpoint).toString();
    return {
      section: 'home',
      viewpoint,
      ...record,
      dataLinks: [
        {
          href: `/api/areas/${id}${asked ? `?${asked}` : ''}`,
          text: 'the area and its memberships (JSON)',
        },
        { href: `/api/areas/${id}/organisations?${search}`, text: 'its organisations on the date (JSON)' },
        { href: `/api/fund/pools?areaId=${id}&${search}`, text: 'its pools (JSON)' },
      ],
    };
  }
}
