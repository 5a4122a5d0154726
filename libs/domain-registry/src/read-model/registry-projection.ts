import { EventHandler, EventOfType, Recorded, change, defineProjection, evidenceOf } from '@bcl/kernel';
import { OrganisationView, PersonView, RegistryEvent, RegistryView, viewKey } from './registry-views';

/** The handler of one registry event type. */
type On<T extends RegistryEvent['type']> = EventHandler<
  Recorded<EventOfType<RegistryEvent, T>>,
  RegistryView
>;

/** When a fact became known, so queries can answer "as known at" as well as "as at", and what it rests on. */
const known = (event: Parameters<typeof evidenceOf>[0] & { recordedAt: string }) => ({
  recordedAt: event.recordedAt,
  evidence: evidenceOf(event),
});

/** A line of an organisation's timeline. */
const entry = (
  event: Parameters<typeof known>[0] & { position: bigint },
  type: string,
  effectiveOn: string,
  detail: string,
): OrganisationView['history'][number] => ({
  type,
  effectiveOn,
  recordedAt: event.recordedAt,
  position: event.position.toString(),
  detail,
  evidence: evidenceOf(event),
});

const organisationRegistered: On<'OrganisationRegistered'> = {
  apply(event) {
    const { organisationId, kind, codes, establishedOn, parentOrganisationId, name } = event.data;
    return [
      change(viewKey.organisation(organisationId), {
        organisationId,
        kind,
        codes,
        establishedOn,
        parentOrganisationId,
        names: [{ name, from: establishedOn, ...known(event) }],
        succession: null,
        predecessors: [],
        areas: [],
        history: [entry(event, event.type, establishedOn, `registered as ${kind} '${name}'`)],
        revision: event.revision,
      }),
    ];
  },
};

const organisationRenamed: On<'OrganisationRenamed'> = {
  reads: (event) => [viewKey.organisation(event.data.organisationId)],
  apply(event, load) {
    const view = load(viewKey.organisation(event.data.organisationId))!;
    const { name, previousName, effectiveFrom } = event.data;
    return [
      change(viewKey.organisation(view.organisationId), {
        ...view,
        names: [...view.names, { name, from: effectiveFrom, ...known(event) }],
        history: [
          ...view.history,
          entry(event, event.type, effectiveFrom, `renamed from '${previousName}' to '${name}'`),
        ],
        revision: event.revision,
      }),
    ];
  },
};

const organisationSucceeded: On<'OrganisationSucceeded'> = {
  reads: (event) => [
    viewKey.organisation(event.data.organisationId),
    viewKey.organisation(event.data.successorId),
  ],
  apply(event, load) {
    const { organisationId, successorId, effectiveOn } = event.data;
    const predecessor = load(viewKey.organisation(organisationId))!;
    const successor = load(viewKey.organisation(successorId))!;
    return [
      change(viewKey.organisation(organisationId), {
        ...predecessor,
        succession: { successorId, effectiveOn, ...known(event) },
        history: [
          ...predecessor.history,
          entry(event, event.type, effectiveOn, `succeeded by '${successorId}'`),
        ],
        revision: event.revision,
      }),
      change(viewKey.organisation(successorId), {
        ...successor,
        predecessors: [...successor.predecessors, { organisationId, effectiveOn, ...known(event) }],
        history: [
          ...successor.history,
          entry(event, 'SucceededTo', effectiveOn, `took over the duties of '${organisationId}'`),
        ],
      }),
    ];
  },
};

const hwbAreaDefined: On<'HwbAreaDefined'> = {
  apply: (event) => [
    change(viewKey.area(event.data.areaId), {
      ...event.data,
      evidence: evidenceOf(event),
      members: [],
      revision: event.revision,
    }),
  ],
};

const areaMemberAdded: On<'AreaMemberAdded'> = {
  reads: (event) => [viewKey.area(event.data.areaId), viewKey.organisation(event.data.organisationId)],
  apply(event, load) {
    const { areaId, organisationId, role, from } = event.data;
    const area = load(viewKey.area(areaId))!;
    const org = load(viewKey.organisation(organisationId))!;
    const open = { ...known(event), until: null, untilRecordedAt: null, untilEvidence: null };
    return [
      change(viewKey.area(areaId), {
        ...area,
        members: [...area.members, { organisationId, role, from, ...open }],
        revision: event.revision,
      }),
      change(viewKey.organisation(organisationId), {
        ...org,
        areas: [...org.areas, { areaId, role, from, ...open }],
        history: [...org.history, entry(event, event.type, from, `joined area '${areaId}' as ${role}`)],
      }),
    ];
  },
};

const areaMembershipEnded: On<'AreaMembershipEnded'> = {
  reads: (event) => [viewKey.area(event.data.areaId), viewKey.organisation(event.data.organisationId)],
  apply(event, load) {
    const { areaId, organisationId, until } = event.data;
    const area = load(viewKey.area(areaId))!;
    const org = load(viewKey.organisation(organisationId))!;
    const ending = { until, untilRecordedAt: event.recordedAt, untilEvidence: evidenceOf(event) };
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
        history: [...org.history, entry(event, event.type, until, `left area '${areaId}'`)],
      }),
    ];
  },
};

const postCreated: On<'PostCreated'> = {
  apply: (event) => [
    change(viewKey.post(event.data.postId), {
      ...event.data,
      evidence: evidenceOf(event),
      holdings: [],
      revision: event.revision,
    }),
  ],
};

const postHolderAppointed: On<'PostHolderAppointed'> = {
  reads: (event) => [viewKey.post(event.data.postId)],
  apply(event, load) {
    const { postId, personId, from, until, interim } = event.data;
    const post = load(viewKey.post(postId))!;
    const holding = {
      personId,
      from,
      interim,
      ...known(event),
      until,
      untilRecordedAt: until ? event.recordedAt : null,
      untilEvidence: until ? evidenceOf(event) : null,
    };
    return [
      change(viewKey.post(postId), {
        ...post,
        holdings: [...post.holdings, holding],
        revision: event.revision,
      }),
    ];
  },
};

const postHoldingEnded: On<'PostHoldingEnded'> = {
  reads: (event) => [viewKey.post(event.data.postId)],
  apply(event, load) {
    const { postId, personId, until } = event.data;
    const post = load(viewKey.post(postId))!;
    const index = post.holdings.findLastIndex((holding) => holding.personId === personId);
    const holdings = post.holdings.map((holding, at) =>
      at === index
        ? { ...holding, until, untilRecordedAt: event.recordedAt, untilEvidence: evidenceOf(event) }
        : holding,
    );
    return [change(viewKey.post(postId), { ...post, holdings, revision: event.revision })];
  },
};

/** A person's view holds no personal data: only whether it has been erased (names are in the vault). */
const person = (erased: boolean): On<'PersonRegistered' | 'PersonalDataErased'> => ({
  apply: (event) => {
    const view: PersonView = {
      personId: event.data.personId,
      erased,
      evidence: evidenceOf(event),
      revision: event.revision,
    };
    return [change(viewKey.person(event.data.personId), view)];
  },
});

/**
 * The registry read model: organisations (names, succession, areas, timeline), areas with their members,
 * posts with their holders, and people (erased or not). Each fact keeps when it was recorded.
 */
export const registryProjection = defineProjection<RegistryEvent, RegistryView>({
  name: 'registry',
  version: 2,
  handlers: {
    OrganisationRegistered: organisationRegistered,
    OrganisationRenamed: organisationRenamed,
    OrganisationSucceeded: organisationSucceeded,
    HwbAreaDefined: hwbAreaDefined,
    AreaMemberAdded: areaMemberAdded,
    AreaMembershipEnded: areaMembershipEnded,
    PostCreated: postCreated,
    PostHolderAppointed: postHolderAppointed,
    PostHoldingEnded: postHoldingEnded,
    PersonRegistered: person(false),
    PersonalDataErased: person(true),
  },
});
