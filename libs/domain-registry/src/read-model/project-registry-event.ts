import {
  AreaView,
  OrganisationView,
  PersonView,
  PostView,
  RecordedRegistryEvent,
  RegistryView,
  viewKey,
} from './registry-views';

export type LoadView = (key: string) => RegistryView | undefined;
export interface ViewChange {
  key: string;
  view: RegistryView;
}

/**
 * The registry projection: one event in, the views it changes out. Pure and deterministic, so a rebuild
 * from zero gives exactly the views the live projection built. `load` returns views as already changed by
 * earlier events of the same batch.
 */
export function projectRegistryEvent(event: RecordedRegistryEvent, load: LoadView): ViewChange[] {
  const known = { recordedAt: event.recordedAt };
  const entry = (type: string, effectiveOn: string, detail: string) => ({
    type,
    effectiveOn,
    recordedAt: event.recordedAt,
    position: event.position,
    detail,
  });
  const organisation = (id: string) => load(viewKey.organisation(id)) as OrganisationView | undefined;
  const change = (key: string, view: RegistryView): ViewChange => ({ key, view });

  switch (event.type) {
    case 'OrganisationRegistered': {
      const { organisationId, kind, codes, establishedOn, parentOrganisationId, name } = event.data;
      const view: OrganisationView = {
        organisationId,
        kind,
        codes,
        establishedOn,
        parentOrganisationId,
        names: [{ name, from: establishedOn, ...known }],
        succession: null,
        predecessors: [],
        areas: [],
        history: [entry(event.type, establishedOn, `registered as ${kind} '${name}'`)],
        revision: event.revision,
      };
      return [change(viewKey.organisation(organisationId), view)];
    }
    case 'OrganisationRenamed': {
      const view = organisation(event.data.organisationId)!;
      const { name, previousName, effectiveFrom } = event.data;
      return [
        change(viewKey.organisation(view.organisationId), {
          ...view,
          names: [...view.names, { name, from: effectiveFrom, ...known }],
          history: [
            ...view.history,
            entry(event.type, effectiveFrom, `renamed from '${previousName}' to '${name}'`),
          ],
          revision: event.revision,
        }),
      ];
    }
    case 'OrganisationSucceeded': {
      const { organisationId, successorId, effectiveOn } = event.data;
      const predecessor = organisation(organisationId)!;
      const successor = organisation(successorId)!;
      return [
        change(viewKey.organisation(organisationId), {
          ...predecessor,
          succession: { successorId, effectiveOn, ...known },
          history: [...predecessor.history, entry(event.type, effectiveOn, `succeeded by '${successorId}'`)],
          revision: event.revision,
        }),
        change(viewKey.organisation(successorId), {
          ...successor,
          predecessors: [...successor.predecessors, { organisationId, effectiveOn, ...known }],
          history: [
            ...successor.history,
            entry('SucceededTo', effectiveOn, `took over the duties of '${organisationId}'`),
          ],
        }),
      ];
    }
    case 'HwbAreaDefined': {
      const view: AreaView = { ...event.data, members: [], revision: event.revision };
      return [change(viewKey.area(event.data.areaId), view)];
    }
    case 'AreaMemberAdded': {
      const { areaId, organisationId, role, from } = event.data;
      const area = load(viewKey.area(areaId)) as AreaView;
      const member = { organisationId, role, from, ...known, until: null, untilRecordedAt: null };
      const org = organisation(organisationId)!;
      return [
        change(viewKey.area(areaId), {
          ...area,
          members: [...area.members, member],
          revision: event.revision,
        }),
        change(viewKey.organisation(organisationId), {
          ...org,
          areas: [...org.areas, { areaId, role, from, ...known, until: null, untilRecordedAt: null }],
          history: [...org.history, entry(event.type, from, `joined area '${areaId}' as ${role}`)],
        }),
      ];
    }
    case 'AreaMembershipEnded': {
      const { areaId, organisationId, until } = event.data;
      const area = load(viewKey.area(areaId)) as AreaView;
      const org = organisation(organisationId)!;
      const ending = { until, untilRecordedAt: event.recordedAt };
      const isOpen = (item: { until: string | null }) => item.until === null;
      return [
        change(viewKey.area(areaId), {
          ...area,
          members: area.members.map((m) =>
            m.organisationId === organisationId && isOpen(m) ? { ...m, ...ending } : m,
          ),
          revision: event.revision,
        }),
        change(viewKey.organisation(organisationId), {
          ...org,
          areas: org.areas.map((a) => (a.areaId === areaId && isOpen(a) ? { ...a, ...ending } : a)),
          history: [...org.history, entry(event.type, until, `left area '${areaId}'`)],
        }),
      ];
    }
    case 'PostCreated': {
      const view: PostView = { ...event.data, holdings: [], revision: event.revision };
      return [change(viewKey.post(event.data.postId), view)];
    }
    case 'PostHolderAppointed': {
      const { postId, personId, from, until, interim } = event.data;
      const post = load(viewKey.post(postId)) as PostView;
      const holding = {
        personId,
        from,
        interim,
        ...known,
        until,
        untilRecordedAt: until ? event.recordedAt : null,
      };
      return [
        change(viewKey.post(postId), {
          ...post,
          holdings: [...post.holdings, holding],
          revision: event.revision,
        }),
      ];
    }
    case 'PostHoldingEnded': {
      const { postId, personId, until } = event.data;
      const post = load(viewKey.post(postId)) as PostView;
      const index = post.holdings.findLastIndex((holding) => holding.personId === personId);
      const holdings = post.holdings.map((holding, at) =>
        at === index ? { ...holding, until, untilRecordedAt: event.recordedAt } : holding,
      );
      return [change(viewKey.post(postId), { ...post, holdings, revision: event.revision })];
    }
    case 'PersonRegistered':
    case 'PersonalDataErased': {
      const view: PersonView = {
        personId: event.data.personId,
        erased: event.type === 'PersonalDataErased',
        revision: event.revision,
      };
      return [change(viewKey.person(event.data.personId), view)];
    }
  }
}
