import { CalendarDate, Evidence, viewKeyOf } from '@bcl/kernel';
import { OrganisationCode, OrganisationEvent, OrganisationKind } from '../organisation/organisation';
import { AreaStructure, HwbAreaEvent, MemberRole } from '../area/hwb-area';
import { PostEvent } from '../post/post';
import { PersonEvent } from '../person/person';

export type RegistryEvent = OrganisationEvent | HwbAreaEvent | PostEvent | PersonEvent;

/**
 * Each dated fact carries when it became known, so queries can answer "as known at" as well as "as at", and
 * what it rests on (its event's evidence: citations, or assumed with why).
 */
interface Known {
  recordedAt: string;
  evidence: Evidence;
}
interface Ending {
  until: CalendarDate | null;
  untilRecordedAt: string | null;
  /** The evidence of the fact that set `until` (null while open). */
  untilEvidence: Evidence | null;
}

export interface OrganisationView {
  organisationId: string;
  kind: OrganisationKind;
  codes: OrganisationCode[];
  establishedOn: CalendarDate;
  parentOrganisationId: string | null;
  names: ({ name: string; from: CalendarDate } & Known)[];
  succession: ({ successorId: string; effectiveOn: CalendarDate } & Known) | null;
  predecessors: ({ organisationId: string; effectiveOn: CalendarDate } & Known)[];
  areas: ({ areaId: string; role: MemberRole; from: CalendarDate } & Known & Ending)[];
  history: {
    type: string;
    effectiveOn: CalendarDate;
    recordedAt: string;
    position: string;
    detail: string;
    evidence: Evidence;
  }[];
  /** Stream revision: the resource's ETag. */
  revision: number;
}

export interface AreaView {
  areaId: string;
  name: string;
  structure: AreaStructure;
  establishedOn: CalendarDate;
  /** What the area's definition rests on. */
  evidence: Evidence;
  members: ({ organisationId: string; role: MemberRole; from: CalendarDate } & Known & Ending)[];
  revision: number;
}

export interface PostView {
  postId: string;
  title: string;
  organisationId: string;
  createdOn: CalendarDate;
  /** What the post's creation rests on. */
  evidence: Evidence;
  holdings: ({ personId: string; from: CalendarDate; interim: boolean } & Known & Ending)[];
  revision: number;
}

export interface PersonView {
  personId: string;
  erased: boolean;
  /** What its last fact (registration or erasure) rests on. */
  evidence: Evidence;
  revision: number;
}

export type RegistryView = OrganisationView | AreaView | PostView | PersonView;

export const viewKey = {
  organisation: (id: string) => viewKeyOf<OrganisationView>(`organisation/${id}`),
  area: (id: string) => viewKeyOf<AreaView>(`area/${id}`),
  post: (id: string) => viewKeyOf<PostView>(`post/${id}`),
  person: (id: string) => viewKeyOf<PersonView>(`person/${id}`),
};
