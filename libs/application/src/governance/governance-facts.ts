import { CalendarDate, Viewpoint } from '@bcl/kernel';
import { Injectable } from '@nestjs/common';
import { GOVERNANCE_LIMITS } from '@bcl/domain-governance';
import {
  ApprovalAuthority,
  AuthorityBody,
  AuthorityFacts,
  Delegation,
  InstrumentRef,
  Resolution,
  authorityInForce,
  resolutionAt,
} from '@bcl/domain-governance/facts';
import { PostState } from '@bcl/domain-registry/facts';
import { currentPlanVersion, planVersionSeenFrom } from '@bcl/domain-plans/facts';
import { loadPlan } from '@bcl/plan-import';
import { StreamFacts } from '../event-log/stream-facts';
import { Problem } from '../problem';
import { PlanContext } from '../plans/plan-context';
import { ReturnContext } from '../returns/return-context';

const isPlan = (kind: InstrumentRef['kind']) => kind === 'bcf-plan' || kind === 'ibcf-plan';

/**
 * What governance decisions gather beyond single streams: resolutions, the authority in force, and the versions,
 * obstacles and area of the instruments the ledger holds (plans, from the plans context; quarterly returns, from
 * the returns context).
 */
@Injectable()
export class GovernanceFacts {
  constructor(
    readonly streams: StreamFacts,
    private readonly plans: PlanContext,
    private readonly returns: ReturnContext,
  ) {}

  /** A resolution, found through its own stream (which names its meeting), as its meeting records it. */
  async resolution(resolutionId: string): Promise<(Resolution & { meetingDate: CalendarDate }) | undefined> {
    const index = await this.streams.resolutionIndex(resolutionId);
    return index && resolutionAt(await this.streams.meeting(index.meetingId), resolutionId);
  }

  /**
   * The version the ledger holds of a plan instrument (`bcf-plan`, or an `ibcf-plan` the ledger holds as a
   * plan) or of a quarterly return; 404 for a BCF plan or a return it does not hold; null for instruments it
   * does not version. From a viewpoint
   * (`asAt`, `knownAt`), the version seen from it, as the plan's own view shows it (docs/time-travel.md); null
   * when the plan had no version in effect then, or none was recorded by then.
   */
  async currentVersion(
    instrument: Pick<InstrumentRef, 'kind' | 'id'>,
    viewpoint: Viewpoint = {},
  ): Promise<number | null> {
    // a return's version as it stands now (404 when no such return is recorded); ReturnContext takes no viewpoint
    if (instrument.kind === 'quarterly-return') return this.returns.currentVersion(instrument.id);
    if (!isPlan(instrument.kind)) return null;
    if (viewpoint.asAt !== undefined || viewpoint.knownAt !== undefined) {
      const { events } = await loadPlan(this.streams.store, instrument.id);
      if (events.length > 0) return planVersionSeenFrom(events, viewpoint) ?? null;
    }
    const version = currentPlanVersion(await this.streams.plan(instrument.id));
    if (version !== undefined) return version;
    if (instrument.kind === 'ibcf-plan') return null;
    throw new Problem(404, 'not-found', 'Not found', `plan '${instrument.id}' is not recorded`, [
      { field: 'instrument', reason: `plan '${instrument.id}' is not recorded` },
    ]);
  }

  /** The date a plan instrument's version takes effect (null for other instruments, or none recorded). */
  async versionEffectiveOn(instrument: InstrumentRef): Promise<CalendarDate | null> {
    if (!isPlan(instrument.kind)) return null;
    return instrument.version === null
      ? null
      : this.plans.versionEffectiveOn(instrument.id, instrument.version);
  }

  /**
   * What stops an instrument being signed off on a date: a plan's unaccepted checks; a quarterly return's
   * failing blocking checks, or its submission (from the returns context); none for other instruments.
   */
  async obstacles(
    instrument: Pick<InstrumentRef, 'kind' | 'id'>,
    on: CalendarDate,
  ): Promise<{ checkId: string; message: string }[]> {
    if (instrument.kind === 'quarterly-return')
      return (await this.returns.signOffObstacles(instrument.id, on)).map(({ checkId, message }) => ({
        checkId,
        message,
      }));
    if (!isPlan(instrument.kind)) return [];
    return (await this.plans.signOffObstacles(instrument.id, on)).map(({ checkId, message }) => ({
      checkId,
      message,
    }));
  }

  /**
   * A delegation and its parents, nearest first, as far as the chain is recorded and at most the chain limit
   * (a longer chain is refused wherever it is used: the authority check, a grant, provenance).
   */
  async delegationChain(delegationId: string): Promise<Delegation[]> {
    const chain: Delegation[] = [];
    let id: string | null = delegationId;
    while (
      id !== null &&
      chain.length < GOVERNANCE_LIMITS.delegationChainLengthMax &&
      !chain.some((link) => link.delegationId === id)
    ) {
      const delegation: Delegation | undefined = await this.streams.delegation(id);
      if (!delegation) break;
      chain.push(delegation);
      id = delegation.parentDelegationId;
    }
    return chain;
  }

  /**
   * Everything the authority check may ask, loaded up front: the delegation chain, the resolution, or the body
   * whose chair signs; the posts they name; and the area of the instrument where the ledger knows it (a
   * quarterly return's, for the chair's authority).
   */
  async authority(
    authority: ApprovalAuthority,
    actingPostId: string,
    instrument?: Pick<InstrumentRef, 'kind' | 'id'>,
  ): Promise<AuthorityFacts> {
    const delegations = new Map<string, Delegation>();
    const resolutions = new Map<string, Resolution>();
    const bodies = new Map<string, AuthorityBody>();
    const postIds = new Set([actingPostId]);
    if (authority.kind === 'chair') {
      const body = await this.streams.body(authority.bodyId);
      if (body) bodies.set(body.bodyId, body);
    } else if (authority.kind === 'delegation') {
      for (const delegation of await this.delegationChain(authority.delegationId)) {
        delegations.set(delegation.delegationId, delegation);
        [...delegation.delegates.posts, ...delegation.consultees].forEach((post) => postIds.add(post));
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
        const post = await this.streams.post(postId);
        if (post) posts.set(postId, post);
      }),
    );
    const instrumentAreaId =
      instrument?.kind === 'quarterly-return' ? await this.returns.areaOf(instrument.id) : null;
    return authorityInForce(delegations, resolutions, posts, { bodies, instrumentAreaId });
  }
}
