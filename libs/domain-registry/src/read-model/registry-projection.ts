import { projectRegistryEvent } from './project-registry-event';
import { REGISTRY_EVENT_TYPES, RecordedRegistryEvent, RegistryView, viewKey } from './registry-views';

/** The shape of a stored event the projection needs (structurally the event store's StoredEvent). */
interface LoggedEvent {
  type: string;
  data: object;
  stream: string;
  revision: number;
  position: bigint;
  recordedAt: string;
}

const toRecorded = (event: LoggedEvent): RecordedRegistryEvent =>
  ({
    type: event.type,
    data: event.data,
    stream: event.stream,
    revision: event.revision,
    position: event.position.toString(),
    recordedAt: event.recordedAt,
  }) as RecordedRegistryEvent;

/** The registry read model, in the shape the projection runner takes. */
export const registryProjection = {
  name: 'registry',
  version: 1,
  handles: (event: LoggedEvent): boolean => REGISTRY_EVENT_TYPES.has(event.type),
  keysRead(event: LoggedEvent): string[] {
    const recorded = toRecorded(event);
    switch (recorded.type) {
      case 'OrganisationRenamed':
        return [viewKey.organisation(recorded.data.organisationId)];
      case 'OrganisationSucceeded':
        return [
          viewKey.organisation(recorded.data.organisationId),
          viewKey.organisation(recorded.data.successorId),
        ];
      case 'AreaMemberAdded':
      case 'AreaMembershipEnded':
        return [viewKey.area(recorded.data.areaId), viewKey.organisation(recorded.data.organisationId)];
      case 'PostHolderAppointed':
      case 'PostHoldingEnded':
        return [viewKey.post(recorded.data.postId)];
      default:
        return [];
    }
  },
  apply(
    event: LoggedEvent,
    load: (key: string) => object | undefined,
  ): { key: string; view: RegistryView }[] {
    return projectRegistryEvent(toRecorded(event), (key) => load(key) as RegistryView | undefined).map(
      ({ key, view }) => ({ key, view }),
    );
  },
};
