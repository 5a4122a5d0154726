import type { EventSchemasOf } from '@bcl/kernel';
import type { HwbAreaEvent } from './area/hwb-area';
import type { OrganisationEvent } from './organisation/organisation';
import type { PersonEvent } from './person/person';
import type { PostEvent } from './post/post';

/**
 * Every event type the registry records, with the schema version the code writes and reads today and the
 * upcasters from older versions. A new event type fails to compile until it is declared here. How to change
 * an event: docs/file-formats.md, "Changing an event".
 */
export const REGISTRY_EVENT_SCHEMAS = {
  OrganisationRegistered: { currentVersion: 1 },
  OrganisationRenamed: { currentVersion: 1 },
  OrganisationSucceeded: { currentVersion: 1 },
  HwbAreaDefined: { currentVersion: 1 },
  AreaMemberAdded: { currentVersion: 1 },
  AreaMembershipEnded: { currentVersion: 1 },
  PostCreated: { currentVersion: 1 },
  PostHolderAppointed: { currentVersion: 1 },
  PostHoldingEnded: { currentVersion: 1 },
  PersonRegistered: { currentVersion: 1 },
  PersonalDataErased: { currentVersion: 1 },
} as const satisfies EventSchemasOf<(OrganisationEvent | HwbAreaEvent | PostEvent | PersonEvent)['type']>;
