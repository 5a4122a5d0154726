import { CalendarDate, isWithin } from '@bcl/kernel';
import { MemberRole } from '../area/hwb-area';
import { AreaView, OrganisationView, PostView } from './registry-views';

/**
 * A point on both time axes: `asAt` is the business date (what was in effect then); `knownAt`, when given,
 * hides every fact recorded after that instant, so an auditor sees the registry as the ledger knew it then.
 */
export interface Viewpoint {
  asAt: CalendarDate;
  /** ISO 8601 UTC instant, compared with each fact's recordedAt. */
  knownAt?: string;
}

const knownBy = (viewpoint: Viewpoint, recordedAt: string | null): boolean =>
  recordedAt !== null && (viewpoint.knownAt === undefined || recordedAt <= viewpoint.knownAt);

/** Applies `until` only if the ending was known at the viewpoint. */
function effectiveUntil(
  viewpoint: Viewpoint,
  item: { until: CalendarDate | null; untilRecordedAt: string | null },
): CalendarDate | null {
  return item.until !== null && knownBy(viewpoint, item.untilRecordedAt) ? item.until : null;
}

/** The organisation's name in effect on the date, or null if it did not yet exist (as known then). */
export function nameAsAt(organisation: OrganisationView, viewpoint: Viewpoint): string | null {
  const names = organisation.names.filter(
    (name) => name.from <= viewpoint.asAt && knownBy(viewpoint, name.recordedAt),
  );
  return names.length === 0 ? null : names.reduce((a, b) => (b.from >= a.from ? b : a)).name;
}

/** The successor in effect on the date, if the organisation had been succeeded by then (as known then). */
function successorAsAt(organisation: OrganisationView, viewpoint: Viewpoint): string | null {
  const succession = organisation.succession;
  return succession && succession.effectiveOn <= viewpoint.asAt && knownBy(viewpoint, succession.recordedAt)
    ? succession.successorId
    : null;
}

export interface AreaOrganisation {
  organisationId: string;
  name: string;
  kind: OrganisationView['kind'];
  role: MemberRole;
  /** The members this organisation stands for on the date because it succeeded them (e.g. CCGs → ICB). */
  standsFor: { organisationId: string; name: string }[];
}

/**
 * The organisations of an area on a date. A member that had been succeeded by then is shown as its
 * successor (following chains), and members that share a successor appear once, listing whom it stands for.
 */
export function areaOrganisationsAsAt(
  area: AreaView,
  loadOrganisation: (id: string) => OrganisationView | undefined,
  viewpoint: Viewpoint,
): AreaOrganisation[] {
  const byId = new Map<string, AreaOrganisation>();
  const members = area.members.filter(
    (member) =>
      knownBy(viewpoint, member.recordedAt) &&
      isWithin(viewpoint.asAt, member.from, effectiveUntil(viewpoint, member)),
  );
  for (const member of members) {
    const original = loadOrganisation(member.organisationId)!;
    let current = original;
    for (let hops = 0; hops < 32; hops += 1) {
      const next = successorAsAt(current, viewpoint);
      if (!next) break;
      current = loadOrganisation(next)!;
    }
    const resolved = byId.get(current.organisationId) ?? {
      organisationId: current.organisationId,
      name: nameAsAt(current, viewpoint) ?? nameAsAt(current, { ...viewpoint, asAt: current.establishedOn })!,
      kind: current.kind,
      role: member.role,
      standsFor: [],
    };
    if (current !== original)
      resolved.standsFor.push({
        organisationId: original.organisationId,
        name: nameAsAt(original, viewpoint) ?? original.names[0]!.name,
      });
    byId.set(current.organisationId, resolved);
  }
  return [...byId.values()].sort(
    (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name.localeCompare(b.name),
  );
}
const ROLE_ORDER: MemberRole[] = ['lead-council', 'district-council', 'nhs-commissioner', 'provider'];

/** Who held the post on the date (as known then), or null. */
export function postHolderOn(post: PostView, viewpoint: Viewpoint): PostView['holdings'][number] | null {
  return (
    post.holdings.find(
      (holding) =>
        knownBy(viewpoint, holding.recordedAt) &&
        isWithin(viewpoint.asAt, holding.from, effectiveUntil(viewpoint, holding)),
    ) ?? null
  );
}

/** The organisation's timeline in effective-date order (ties in log order), optionally as known at an instant. */
export function organisationHistory(
  organisation: OrganisationView,
  knownAt?: string,
): OrganisationView['history'] {
  return organisation.history
    .filter((item) => knownAt === undefined || item.recordedAt <= knownAt)
    .sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || compareDecimal(a.position, b.position));
}

function compareDecimal(a: string, b: string): number {
  return a.length - b.length || a.localeCompare(b);
}
