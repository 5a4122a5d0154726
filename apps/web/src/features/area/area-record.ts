import { QueryBus } from '@nestjs/cqrs';
import {
  AreaOrganisationsQuery,
  GetAreaQuery,
  GetBodyQuery,
  GetOrganisationQuery,
  GetPostQuery,
  BodySummary,
  ListBodiesQuery,
  PostHolderQuery,
  todayInEngland,
} from '@bcl/application';
import { AreaOrganisation, AreaView, OrganisationView, PostView } from '@bcl/domain-registry';
import { BodyView } from '@bcl/domain-governance';
import { CalendarDate, Viewpoint } from '@bcl/kernel';

/** A span of dates over which the area's organisations stayed the same. */
export interface MembershipPeriod {
  from: CalendarDate;
  /** The last day of the span; null while it lasts to the viewpoint's date. */
  to: CalendarDate | null;
  /** Each with the name it went by the day before the span, where a successor took over then (CCG → ICB). */
  organisations: (AreaOrganisation & { formerly: { name: string; until: CalendarDate } | null })[];
}

export interface BoardSeat {
  role: string;
  postId: string;
  title: string;
  from: CalendarDate;
  until: CalendarDate | null;
  /** Who held the post on the viewpoint's date (null: vacant, or the seat not in effect then). */
  holder: { displayName: string | null; personId: string; from: CalendarDate; interim: boolean } | null;
  holders: {
    displayName: string | null;
    personId: string;
    from: CalendarDate;
    until: CalendarDate | null;
    interim: boolean;
  }[];
}

export interface AreaBoard {
  bodyId: string;
  name: string;
  kind: string;
  establishedOn: CalendarDate;
  seats: BoardSeat[];
  /** The board's establishment, when an operator wrote it raw (`bcl append`): the page marks it. */
  operatorWrite: { reason: string } | null;
}

/**
 * What the area page shows, read through the query bus: the area, its organisations on the date, how they changed
 * over time (a span wherever a membership starts or ends or a member is succeeded, e.g. CCGs by their ICB on
 * 1 July 2022), and its boards with their seats' posts and holders. The registry's own queries show a succeeded
 * member as its successor, under the names of the day asked about.
 */
export async function areaRecord(queries: QueryBus, areaId: string, viewpoint: Viewpoint) {
  const on = viewpoint.asAt ?? todayInEngland();
  const dated = (asAt: CalendarDate) => ({ ...viewpoint, asAt });
  const area = (await queries.execute(new GetAreaQuery(areaId, viewpoint))) as AreaView;
  const members = (await queries.execute(new AreaOrganisationsQuery(areaId, dated(on)))) as {
    organisations: AreaOrganisation[];
  };
  const periods = await membershipPeriods(queries, area, on, viewpoint);
  const bodies = (await queries.execute(new ListBodiesQuery(50, undefined, areaId, viewpoint))) as {
    items: BodySummary[];
  };
  const boards = await Promise.all(bodies.items.map((body) => boardOf(queries, body, on, viewpoint)));
  // each member on the day with the name it had the day before it stood for others (the ICB: its CCG)
  const current = periods[periods.length - 1]?.organisations ?? [];
  const organisations = members.organisations.map((organisation) => ({
    ...organisation,
    formerly:
      current.find((member) => member.organisationId === organisation.organisationId)?.formerly ?? null,
  }));
  return { area, on, organisations, periods, boards };
}

/** The dates the membership may change on, up to `on`: each start, each end, each member's succession. */
async function membershipPeriods(
  queries: QueryBus,
  area: AreaView,
  on: CalendarDate,
  viewpoint: Viewpoint,
): Promise<MembershipPeriod[]> {
  const known = (fact: { recordedAt: string }) =>
    viewpoint.knownAt === undefined || fact.recordedAt <= viewpoint.knownAt;
  const dates = new Set<CalendarDate>();
  for (const member of area.members) {
    if (!known(member)) continue;
    dates.add(member.from);
    if (member.until && member.untilRecordedAt && known({ recordedAt: member.untilRecordedAt }))
      dates.add(member.until);
  }
  // successions, generation by generation (a CCG merged in 2020, then succeeded by an ICB in 2022)
  let wanted = [...new Set(area.members.map((member) => member.organisationId))];
  const seen = new Set<string>();
  for (let generation = 0; wanted.length > 0 && generation < 8; generation += 1) {
    const next: string[] = [];
    for (const organisationId of wanted) {
      if (seen.has(organisationId)) continue;
      seen.add(organisationId);
      // the stored views (cheap); the viewpoint's own query below decides what each date shows
      const organisation = (await queries.execute(
        new GetOrganisationQuery(organisationId),
      )) as OrganisationView;
      if (organisation.succession && known(organisation.succession)) {
        dates.add(organisation.succession.effectiveOn);
        next.push(organisation.succession.successorId);
      }
    }
    wanted = next;
  }
  const starts = [...dates].filter((date) => date <= on).sort();
  const periods: MembershipPeriod[] = [];
  for (const from of starts) {
    const { organisations } = (await queries.execute(
      new AreaOrganisationsQuery(area.areaId, { ...viewpoint, asAt: from }),
    )) as { organisations: AreaOrganisation[] };
    const previous = periods.at(-1);
    if (previous && sameMembers(previous.organisations, organisations)) continue;
    if (previous) previous.to = dayBefore(from);
    periods.push({ from, to: null, organisations: organisations.map((o) => withFormerName(o, previous)) });
  }
  return periods;
}

/** Whether two spans list the same organisations standing for the same members (a rename alone is no change). */
const sameMembers = (a: AreaOrganisation[], b: AreaOrganisation[]) => {
  const shape = (list: AreaOrganisation[]) =>
    JSON.stringify(list.map(({ organisationId, role, standsFor }) => ({ organisationId, role, standsFor })));
  return shape(a) === shape(b);
};

/**
 * The name the organisation's members went by the day before the span, when another organisation of the span
 * before stood for them: the ICB of 1 July 2022 was, the day before, NHS Kent and Medway CCG.
 */
function withFormerName(organisation: AreaOrganisation, previous: MembershipPeriod | undefined) {
  const members = new Set(organisation.standsFor.map((former) => former.organisationId));
  const before = (previous?.organisations ?? []).filter(
    (earlier) =>
      earlier.organisationId !== organisation.organisationId &&
      [earlier.organisationId, ...earlier.standsFor.map((former) => former.organisationId)].some((id) =>
        members.has(id),
      ),
  );
  return {
    ...organisation,
    formerly:
      before.length > 0 && previous?.to
        ? { name: before.map((earlier) => earlier.name).join(', '), until: previous.to }
        : null,
  };
}

function dayBefore(date: CalendarDate): CalendarDate {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

async function boardOf(queries: QueryBus, listed: BodySummary, on: CalendarDate, viewpoint: Viewpoint) {
  const body = (await queries.execute(new GetBodyQuery(listed.bodyId, viewpoint))) as BodyView;
  const seats = await Promise.all(
    body.seats.map(async (seat): Promise<BoardSeat> => {
      const post = (await queries.execute(new GetPostQuery(seat.postId))) as PostView;
      const holdings = post.holdings.filter(
        (holding) => viewpoint.knownAt === undefined || holding.recordedAt <= viewpoint.knownAt,
      );
      const holders = await Promise.all(
        holdings.map(async (holding) => {
          const named = (await queries.execute(
            new PostHolderQuery(seat.postId, { ...viewpoint, asAt: holding.from }),
          )) as { holder: { personId: string; displayName: string | null } | null };
          return {
            personId: holding.personId,
            displayName: named.holder?.personId === holding.personId ? named.holder.displayName : null,
            from: holding.from,
            until: holding.until,
            interim: holding.interim,
          };
        }),
      );
      const current = (await queries.execute(
        new PostHolderQuery(seat.postId, { ...viewpoint, asAt: on }),
      )) as {
        holder: { personId: string; displayName: string | null; from: string; interim: boolean } | null;
      };
      const seatInEffect = seat.from <= on && (seat.until === null || on < seat.until);
      return {
        role: seat.role,
        postId: seat.postId,
        title: post.title,
        from: seat.from,
        until: seat.until,
        holder: seatInEffect ? current.holder : null,
        holders,
      };
    }),
  );
  return {
    bodyId: body.bodyId,
    name: body.name,
    kind: body.kind,
    establishedOn: body.establishedOn,
    seats,
    operatorWrite: body.operatorWrite ?? null,
  };
}
