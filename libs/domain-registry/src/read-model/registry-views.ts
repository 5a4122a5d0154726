import { CalendarDate, viewKeyOf } from '@bcl/kernel';
import { OrganisationCode, OrganisationEvent, OrganisationKind } from '../organisation/organisation';
import { AreaStructure, HwbAreaEvent, MemberRole } from '../area/hwb-area';
import { PostEvent } from '../post/post';
import { PersonEvent } from '../person/person';

export type RegistryEvent = OrganisationEvent | HwbAreaEvent | PostEvent | PersonEvent;

/** Each dated fact carries when it became known, so queries can answer "as known at" as well as "as at". */
interface Known {
  recordedAt: string;
}
interface Ending {
  until: CalendarDate | null;
  untilRecordedAt: string | null;
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
  }[];
  /** Stream revision: the resource's ETag. */
  revision: number;
}

export interface AreaView {
  areaId: string;
  name: string;
  structure: AreaStructure;
  establishedOn: CalendarDate;
  members: ({ organisationId: string; role: MemberRole; from: CalendarDate } & Known & Ending)[];
  revision: number;
}

export interface PostView {
  postId: string;
  title: string;
  organisationId: string;
  createdOn: CalendarDate;
  holdings: ({ personId: string; from: CalendarDate; interim: boolean } & Known & Ending)[];
  revision: number;
}

export interface PersonView {
  personId: string;
  erased: boolean;
  revision: number;
}

export type RegistryView = OrganisationView | AreaView | PostView | PersonView;

export const viewKey = {
  organisation: (id: string) => viewKeyOf<OrganisationView>(`organisation/${id}`),
  area: (id: string) => viewKeyOf<AreaView>(`area/${id}`),
  post: (id: string) => viewKeyOf<PostView>(`post/${id}`),
  person: (id: string) => viewKeyOf<PersonView>(`person/${id}`),
};
