import { Inject, Injectable } from '@nestjs/common';
import { EventStore, foldStream } from '@bcl/event-store';
import {
  evolveHwbArea,
  evolveOrganisation,
  evolvePerson,
  evolvePost,
  hwbAreaStream,
  organisationStream,
  personStream,
  postStream,
} from '@bcl/domain-registry';
import {
  bodyStream,
  delegationStream,
  evolveBody,
  evolveDelegation,
  evolveMeeting,
  evolveResolutionIndex,
  meetingStream,
  resolutionStream,
} from '@bcl/domain-governance';
import { approvalsStream, evolveApprovals, InstrumentRef } from '@bcl/domain-governance/facts';
import { evolvePlan, planStream } from '@bcl/domain-plans/facts';
import { agreementStream, evolveAgreement } from '@bcl/domain-fund/facts';
import { EVENT_STORE } from './event-log.tokens';

/**
 * The shell's one fact loader: each fact a decision is checked against is read by folding the stream that owns
 * it (never a projection). Writers gather from here first, then decide; the contexts' published facts modules
 * (`@bcl/domain-X/facts`) interpret the folded states.
 */
@Injectable()
export class StreamFacts {
  constructor(@Inject(EVENT_STORE) readonly store: EventStore) {}

  async fold<S, E extends { type: string; data: object }>(
    stream: string,
    evolve: (state: S | undefined, event: E) => S,
  ): Promise<S | undefined> {
    return (await foldStream(this.store, stream, evolve)).state;
  }

  /** Which of the ids have a recorded stream, by the loader given (e.g. `facts.post`). */
  async recorded(ids: string[], load: (id: string) => Promise<unknown>): Promise<Set<string>> {
    const found = await Promise.all(ids.map(async (id) => ((await load(id)) !== undefined ? id : null)));
    return new Set(found.filter((id): id is string => id !== null));
  }

  organisation = (id: string) => this.fold(organisationStream(id), evolveOrganisation);
  person = (id: string) => this.fold(personStream(id), evolvePerson);
  post = (id: string) => this.fold(postStream(id), evolvePost);
  area = (id: string) => this.fold(hwbAreaStream(id), evolveHwbArea);
  body = (id: string) => this.fold(bodyStream(id), evolveBody);
  meeting = (id: string) => this.fold(meetingStream(id), evolveMeeting);
  resolutionIndex = (id: string) => this.fold(resolutionStream(id), evolveResolutionIndex);
  delegation = (id: string) => this.fold(delegationStream(id), evolveDelegation);
  approvals = (instrument: Pick<InstrumentRef, 'kind' | 'id'>) =>
    this.fold(approvalsStream(instrument), evolveApprovals);
  plan = (id: string) => this.fold(planStream(id), evolvePlan);
  agreement = (id: string) => this.fold(agreementStream(id), evolveAgreement);
}
