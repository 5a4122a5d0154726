import { Inject, Injectable } from '@nestjs/common';
import { EventStore, readWholeStream } from '@bcl/event-store';
import {
  ApprovalEvent,
  DelegationEvent,
  LoggedGovernanceEvent,
  SignOffAct,
  approvalsStream,
  delegationStream,
  signOffActs,
} from '@bcl/domain-governance/facts';
import { GovernanceView, governanceKey, governanceProjection } from '@bcl/domain-governance';
import { ServiceStore, serviceViewReader } from '@bcl/service-store';
import { EVENT_STORE, SERVICE_STORE } from '../event-log/event-log.tokens';
import { StreamFacts } from '../event-log/stream-facts';

/** The instrument kinds whose id is a plan's id: their approvals sign off the plan's versions. */
export const PLAN_INSTRUMENT_KINDS = ['bcf-plan', 'ibcf-plan'] as const;

/**
 * Gathers what governance recorded of a plan's sign-off (docs/sign-off.md): the approvals of the plan
 * (instrument kind `bcf-plan` or `ibcf-plan`, id = the plan's id) as logged, the delegations they name, the
 * meeting dates of each report-back body (from the governance read model: a body's meetings have no stream of
 * their own) and the meetings of authorising resolutions; the pure `signOffActs` makes the acts.
 */
@Injectable()
export class PlanSignOff {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
    private readonly streams: StreamFacts,
  ) {}

  private async logged<E>(stream: string): Promise<LoggedGovernanceEvent<E>[]> {
    return (await readWholeStream(this.store, stream)).map((stored) => ({
      event: { type: stored.type, data: stored.data } as E,
      recordedAt: stored.recordedAt,
      metadata: stored.metadata as unknown as { readonly [key: string]: unknown },
    }));
  }

  async acts(planId: string): Promise<SignOffAct[]> {
    const approvals = (
      await Promise.all(
        PLAN_INSTRUMENT_KINDS.map((kind) =>
          this.logged<ApprovalEvent>(approvalsStream({ kind, id: planId })),
        ),
      )
    ).flat();
    const recorded = approvals.flatMap(({ event }) =>
      event.type === 'ApprovalRecorded' ? [event.data] : [],
    );
    const delegationIds = [
      ...new Set(
        recorded.flatMap((a) => (a.authority.kind === 'delegation' ? [a.authority.delegationId] : [])),
      ),
    ];
    const resolutionIds = [
      ...new Set(
        recorded.flatMap((a) => (a.authority.kind === 'resolution' ? [a.authority.resolutionId] : [])),
      ),
    ];
    const delegations = new Map(
      await Promise.all(
        delegationIds.map(
          async (id) => [id, await this.logged<DelegationEvent>(delegationStream(id))] as const,
        ),
      ),
    );
    const meetings = new Map(
      await Promise.all(
        resolutionIds.map(
          async (id) => [id, (await this.streams.resolutionIndex(id))?.meetingId ?? null] as const,
        ),
      ),
    );
    const bodyIds = [
      ...new Set(
        [...delegations.values()].flatMap((events) =>
          events.flatMap(({ event }) =>
            event.type === 'DelegationGranted' && event.data.reportBack ? [event.data.reportBack.bodyId] : [],
          ),
        ),
      ),
    ];
    const governance = serviceViewReader<GovernanceView>(this.service, governanceProjection);
    const bodies = await governance.getMany(bodyIds.map((id) => governanceKey.body(id)));
    return signOffActs(approvals, delegations, {
      meetingDates: (bodyId) => (bodies.get(governanceKey.body(bodyId))?.meetings ?? []).map((m) => m.date),
      meetingOfResolution: (id) => meetings.get(id) ?? null,
    });
  }
}
