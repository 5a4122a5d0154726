import { Get, Inject, Param, Query, Render } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { READERS } from '@bcl/identity';
import { EventStore } from '@bcl/event-store';
import { INSTRUMENT_KINDS, InstrumentKind, approvalsStream } from '@bcl/domain-governance';
import {
  AllowRoles,
  EVENT_STORE,
  GovernanceAct,
  ListGovernanceActsQuery,
  Problem,
  ProvenanceQuery,
} from '@bcl/application';
import { PagesController, viewpointOf } from '../../page-route';
import { hrefWith, placeInLog } from './decisions-support';

/** The provenance the query answers, as far as the pages read it. */
type Provenance = { currentVersion: number | null; approvals: ApprovalProvenance[] };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the domain's provenance shape, read by the view
type ApprovalProvenance = { approvalId: string; effectiveOn: string; [field: string]: any };

export function instrumentKindOf(kind: string): InstrumentKind {
  if (!(INSTRUMENT_KINDS as readonly string[]).includes(kind))
    throw new Problem(
      404,
      'not-found',
      'Not found',
      `'${kind}' is not a kind of instrument the ledger approves`,
    );
  return kind as InstrumentKind;
}

/**
 * An instrument's decisions (its approvals and consultations), and one decision's own page: the decision, its
 * date, the decision maker and post, the authority chain with the holders on the day, the consultees, the
 * evidence, and the event's position and hash in the log.
 */
@PagesController('decisions/instruments')
export class DecisionController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get(':kind/:id')
  @AllowRoles(...READERS)
  @Render('features/decisions/instrument.njk')
  async instrument(
    @Param('kind') kindParam: string,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
  ) {
    const kind = instrumentKindOf(kindParam);
    const viewpoint = viewpointOf(query);
    const [provenance, { acts }] = await Promise.all([
      this.queries.execute(new ProvenanceQuery(kind, id, viewpoint)) as Promise<Provenance>,
      this.queries.execute(new ListGovernanceActsQuery({}, viewpoint)) as Promise<{ acts: GovernanceAct[] }>,
    ]);
    const consultations = acts.filter(
      (act) => act.kind === 'consultation' && act.instrument?.kind === kind && act.instrument.id === id,
    );
    return {
      section: 'decisions',
      viewpoint,
      kind,
      id,
      provenance,
      consultations,
      dataLinks: [
        {
          href: hrefWith(`/api/governance/instruments/${kind}/${id}/provenance`, { ...viewpoint }),
          text: 'provenance (JSON)',
        },
      ],
    };
  }

  @Get(':kind/:id/approvals/:approvalId')
  @AllowRoles(...READERS)
  @Render('features/decisions/decision.njk')
  async decision(
    @Param('kind') kindParam: string,
    @Param('id') id: string,
    @Param('approvalId') approvalId: string,
    @Query() query: Record<string, unknown>,
  ) {
    const kind = instrumentKindOf(kindParam);
    const viewpoint = viewpointOf(query);
    const provenance = (await this.queries.execute(new ProvenanceQuery(kind, id, viewpoint))) as Provenance;
    const approval = provenance.approvals.find((a) => a.approvalId === approvalId);
    if (!approval)
      throw new Problem(
        404,
        'not-found',
        'Not found',
        `approval '${approvalId}' of ${kind} '${id}' is not recorded`,
      );
    return {
      section: 'decisions',
      viewpoint,
      kind,
      id,
      currentVersion: provenance.currentVersion,
      approval,
      place: await placeInLog(
        this.store,
        approvalsStream({ kind, id }),
        (e) => e.type === 'ApprovalRecorded' && e.data.approvalId === approvalId,
      ),
      dataLinks: [
        {
          href: hrefWith(`/api/governance/instruments/${kind}/${id}/provenance`, { ...viewpoint }),
          text: 'provenance (JSON)',
        },
      ],
    };
  }
}
