import { Get, Query, Render } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { READERS } from '@bcl/identity';
import { CALENDAR_DATE_RULE, isCalendarDate } from '@bcl/kernel';
import {
  AllowRoles,
  BodySummary,
  DelegationsOnQuery,
  GovernanceAct,
  ListBodiesQuery,
  ListGovernanceActsQuery,
  todayInEngland,
} from '@bcl/application';
import {
  PagesController,
  REGISTRY_ID_RULE,
  isRegistryId,
  optionalQuery,
  viewpointOf,
} from '../../page-route';
import { holdersOn, hrefOf, hrefWith, timelineItem } from './decisions-support';
import { reportBacksOwed } from './report-backs';

/** An area or body id the timeline is filtered by; a malformed one is refused, never dropped (showing everything). */
const idOf = (query: Record<string, unknown>, field: 'areaId' | 'bodyId') =>
  optionalQuery(query, field, isRegistryId, REGISTRY_ID_RULE);
const BODIES_MAX = 200;

/** A query string of the given parameters that are set ('' when none is). */
const queryString = (parameters: Record<string, string | undefined>): string => hrefWith('', parameters);

/**
 * The decisions pages: the timeline of governance acts, the register of decisions taken under delegated authority,
 * and the delegations in force on a date with the report-backs outstanding.
 */
@PagesController('decisions')
export class DecisionsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AllowRoles(...READERS)
  @Render('features/decisions/timeline.njk')
  async timeline(@Query() query: Record<string, unknown>) {
    const viewpoint = viewpointOf(query);
    const filter = { areaId: idOf(query, 'areaId'), bodyId: idOf(query, 'bodyId') };
    const [{ acts }, bodies] = await Promise.all([
      this.queries.execute(new ListGovernanceActsQuery(filter, viewpoint)) as Promise<{
        acts: GovernanceAct[];
      }>,
      this.bodies(viewpoint),
    ]);
    const filterQuery = queryString({ ...filter, ...viewpoint });
    return {
      section: 'decisions',
      viewpoint,
      filter,
      bodies,
      areas: areasOf(bodies),
      items: acts.map(timelineItem),
      count: acts.length,
      dataLinks: [
        { href: `/api/governance/bodies${filterQuery}`, text: 'bodies (JSON)' },
        { href: `/api/governance/meetings${filterQuery}`, text: 'meetings (JSON)' },
        { href: `/api/governance/delegations${queryString(viewpoint)}`, text: 'delegations (JSON)' },
      ],
    };
  }

  /** Decisions taken under delegated authority: each approval made under a delegation, with its signer on the day. */
  @Get('register')
  @AllowRoles(...READERS)
  @Render('features/decisions/register.njk')
  async register(@Query() query: Record<string, unknown>) {
    const viewpoint = viewpointOf(query);
    const filter = { areaId: idOf(query, 'areaId'), bodyId: idOf(query, 'bodyId') };
    const { acts } = (await this.queries.execute(new ListGovernanceActsQuery(filter, viewpoint))) as {
      acts: GovernanceAct[];
    };
    const delegated = acts.filter((act) => act.kind === 'approval' && act.authority?.kind === 'delegation');
    const rows = await Promise.all(
      delegated.map(async (act) => ({
        act,
        href: hrefOf(act),
        signer: (await holdersOn(this.queries, act.posts, act.on))[0],
      })),
    );
    const bodies = await this.bodies(viewpoint);
    return {
      section: 'decisions',
      viewpoint,
      filter,
      bodies,
      areas: areasOf(bodies),
      rows,
      dataLinks: rows.map(({ act }) => ({
        href: `/api/governance/instruments/${act.instrument!.kind}/${act.instrument!.id}/provenance${queryString(viewpoint)}`,
        text: `provenance of ${act.instrument!.id} (JSON)`,
      })),
    };
  }

  /**
   * Delegations in force on a date (default: the viewpoint's date, else today), and the report-backs owed then:
   * those overdue (as the API's "outstanding" list) and those due but not yet made, each with its due date.
   */
  @Get('delegations')
  @AllowRoles(...READERS)
  @Render('features/decisions/delegations.njk')
  async delegations(@Query() query: Record<string, unknown>) {
    const viewpoint = viewpointOf(query);
    const on =
      optionalQuery(query, 'on', isCalendarDate, CALENDAR_DATE_RULE) ?? viewpoint.asAt ?? todayInEngland();
    const [answer, owed] = await Promise.all([
      this.queries.execute(new DelegationsOnQuery(on, viewpoint)) as Promise<{ inForce: DelegationRow[] }>,
      reportBacksOwed(this.queries, on, viewpoint),
    ]);
    const withDelegates = (rows: DelegationRow[]) =>
      Promise.all(
        rows.map(async (d) => ({
          ...d,
          delegateHolders: await holdersOn(this.queries, d.delegates.posts, on),
        })),
      );
    return {
      section: 'decisions',
      viewpoint,
      on,
      inForce: await withDelegates(answer.inForce),
      overdue: owed.overdue,
      due: owed.due,
      dataLinks: [
        {
          href: `/api/governance/delegations${queryString({ on, ...viewpoint })}`,
          text: 'delegations on this date (JSON)',
        },
      ],
    };
  }

  private async bodies(viewpoint: { asAt?: string; knownAt?: string }): Promise<BodySummary[]> {
    const page = (await this.queries.execute(
      new ListBodiesQuery(BODIES_MAX, undefined, undefined, viewpoint),
    )) as {
      items: BodySummary[];
    };
    return page.items;
  }
}

/** The areas the bodies belong to, for the area filter. */
const areasOf = (bodies: BodySummary[]): string[] =>
  [...new Set(bodies.flatMap((b) => (b.areaId ? [b.areaId] : [])))].sort();

interface DelegationRow {
  delegationId: string;
  grantingBodyId: string;
  purpose: string;
  delegates: { mode: string; posts: string[] };
  validFrom: string;
  validUntil: string | null;
  reportBack: { bodyId: string; by: string | null } | null;
  operatorWrite?: { reason: string };
}
