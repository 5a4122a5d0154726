import { CalendarDate } from '@bcl/kernel';
import { holderOfPostOn } from '@bcl/domain-registry/facts';
import { Inject, Injectable } from '@nestjs/common';
import { EventStore, foldStream } from '@bcl/event-store';
import {
  AuthorityFacts,
  GOVERNANCE_LIMITS,
  Delegation,
  InstrumentRef,
  MeetingState,
  Resolution,
  evolveBody,
  evolveDelegation,
  evolveMeeting,
  bodyStream,
  delegationStream,
  governanceKey,
  governanceProjection,
  meetingStream,
} from '@bcl/domain-governance';
import {
  PostState,
  evolveHwbArea,
  evolvePerson,
  evolvePost,
  hwbAreaStream,
  personStream,
  postStream,
} from '@bcl/domain-registry';
import { evolvePlan, planStream } from '@bcl/domain-plans';
import { ServiceStore } from '@bcl/service-store';
import { Problem } from '../http/problem';
import { EVENT_STORE, SERVICE_STORE } from '../ledger/ledger.tokens';

/**
 * What governance decisions are checked against, read from the streams that own each fact (bodies, meetings,
 * delegations, posts, people, plans). The read model is used only to find a resolution's meeting.
 */
@Injectable()
export class GovernanceFacts {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
  ) {}

  async body(bodyId: string) {
    return (await foldStream(this.store, bodyStream(bodyId), evolveBody)).state;
  }

  async meeting(meetingId: string): Promise<MeetingState | undefined> {
    return (await foldStream(this.store, meetingStream(meetingId), evolveMeeting)).state;
  }

  async resolution(resolutionId: string): Promise<(Resolution & { meetingDate: CalendarDate }) | undefined> {
    const key = governanceKey.resolution(resolutionId);
    const index = (await this.service.loadViews(governanceProjection.name, [key])).get(key) as
      { meetingId: string } | undefined;
    if (!index) return undefined;
    const meeting = await this.meeting(index.meetingId);
    const resolution = meeting?.resolutions.find((r) => r.resolutionId === resolutionId);
    return resolution && { ...resolution, meetingDate: meeting!.date };
  }

  async resolutionExists(resolutionId: string): Promise<boolean> {
    const key = governanceKey.resolution(resolutionId);
    return (await this.service.loadViews(governanceProjection.name, [key])).has(key);
  }

  async delegation(delegationId: string): Promise<Delegation | undefined> {
    return (await foldStream(this.store, delegationStream(delegationId), evolveDelegation)).state;
  }

  async post(postId: string): Promise<PostState | undefined> {
    return (await foldStream(this.store, postStream(postId), evolvePost)).state;
  }

  async postsExist(postIds: string[]): Promise<Set<string>> {
    const found = await Promise.all(postIds.map(async (id) => ((await this.post(id)) ? id : null)));
    return new Set(found.filter((id): id is string => id !== null));
  }

  async peopleExist(personIds: string[]): Promise<Set<string>> {
    const found = await Promise.all(
      personIds.map(async (id) =>
        (await foldStream(this.store, personStream(id), evolvePerson)).state ? id : null,
      ),
    );
    return new Set(found.filter((id): id is string => id !== null));
  }

  async areaExists(areaId: string): Promise<boolean> {
    return (await foldStream(this.store, hwbAreaStream(areaId), evolveHwbArea)).state !== undefined;
  }

  /** The version the ledger holds of a BCF plan (404 if it holds none); null for instruments it does not version. */
  async currentVersion(instrument: Pick<InstrumentRef, 'kind' | 'id'>): Promise<number | null> {
    if (instrument.kind !== 'bcf-plan') return null;
    const plan = (await foldStream(this.store, planStream(instrument.id), evolvePlan)).state;
    if (!plan)
      throw new Problem(404, 'not-found', 'Not found', `plan '${instrument.id}' is not recorded`, [
        { field: 'instrument', reason: `plan '${instrument.id}' is not recorded` },
      ]);
    return plan.version;
  }

  /** Everything the authority check may ask, loaded up front: the delegation chain, the resolution, the posts. */
  async authority(
    authority: { kind: 'delegation'; delegationId: string } | { kind: 'resolution'; resolutionId: string },
    actingPostId: string,
  ): Promise<AuthorityFacts> {
    const delegations = new Map<string, Delegation>();
    const resolutions = new Map<string, Resolution>();
    const postIds = new Set([actingPostId]);
    if (authority.kind === 'delegation') {
      let id: string | null = authority.delegationId;
      while (
        id !== null &&
        delegations.size < GOVERNANCE_LIMITS.delegationChainLengthMax &&
        !delegations.has(id)
      ) {
        const delegation: Delegation | undefined = await this.delegation(id);
        if (!delegation) break;
        delegations.set(id, delegation);
        [...delegation.delegates.posts, ...delegation.consultees].forEach((post) => postIds.add(post));
        id = delegation.parentDelegationId;
      }
    } else {
      const resolution = await this.resolution(authority.resolutionId);
      if (resolution) {
        resolutions.set(resolution.resolutionId, resolution);
        resolution.authorises?.posts.forEach((post) => postIds.add(post));
      }
    }
    const posts = new Map<string, PostState>();
    await Promise.all(
      [...postIds].map(async (postId) => {
        const post = await this.post(postId);
        if (post) posts.set(postId, post);
      }),
    );
    return {
      holderOn: (postId, date) => holderOfPostOn(posts.get(postId), date),
      delegation: (id) => delegations.get(id),
      resolution: (id) => resolutions.get(id),
    };
  }
}
