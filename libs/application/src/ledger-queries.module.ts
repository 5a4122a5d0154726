import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import {
  AreaOrganisationsHandler,
  AssumedFactsHandler,
  GetAreaHandler,
  GetOrganisationHandler,
  GetPersonHandler,
  GetPostHandler,
  LedgerAssumedFactsHandler,
  ListAreasHandler,
  ListOrganisationsHandler,
  OrganisationHistoryHandler,
  PostHolderHandler,
  RegistryViews,
} from './registry/registry-handlers';
import { REGISTRY_LIST_HANDLERS } from './registry/registry-lists';
import { GetPlanHandler, ListPlansHandler, PlanDiffHandler, PlanVersionsHandler } from './plans/plan-queries';
import { PlanContext } from './plans/plan-context';
import { PlanSignOff } from './plans/plan-sign-off';
import { PlansOfCycle } from './plans/plans-of-cycle';
import {
  ActionsHandler,
  DecisionsRegisterHandler,
  DelegationsOnHandler,
  GetBodyHandler,
  GetDelegationHandler,
  GetMeetingHandler,
  ProvenanceHandler,
} from './governance/governance-queries';
import { GovernanceFacts } from './governance/governance-facts';
import { ListBodiesHandler } from './governance/list-bodies';
import { ListGovernanceActsHandler } from './governance/list-governance-acts';
import { ListMeetingsHandler } from './governance/list-meetings';
import {
  GetAgreementHandler,
  PoolYearCertificationHandler,
  PoolYearPositionHandler,
  PoolYearReportsHandler,
} from './fund/fund-queries';
import { PoolYearFactsHandler, PoolYearTransactionsPageHandler } from './fund/pool-year-facts';
import { PoolYearReads } from './fund/pool-year-reads';
import { RETURN_QUERY_HANDLERS } from './returns/return-queries';
import { ReturnContextModule } from './returns/return-context.module';
import { FundLogIndex } from './fund/list-fund-index';
import { ListAgreementsHandler } from './fund/list-agreements';
import { ListPoolsHandler } from './fund/list-pools';

/** What the contexts' command handlers ask of each other before they decide (one instance each). */
const CONTEXT_FACTS = [RegistryViews, PlanContext, PlanSignOff, PlansOfCycle, GovernanceFacts];

/**
 * The query layer every shell reads through (the API's routes and the web pages alike, on the query bus), and the
 * context facts the command handlers gather. Needs the event log (`EventLogModule`) and `LEDGER_SETTINGS`.
 */
@Global()
@Module({
  imports: [CqrsModule, ReturnContextModule],
  providers: [
    ...CONTEXT_FACTS,
    GetOrganisationHandler,
    ListOrganisationsHandler,
    OrganisationHistoryHandler,
    GetAreaHandler,
    ListAreasHandler,
    AreaOrganisationsHandler,
    AssumedFactsHandler,
    LedgerAssumedFactsHandler,
    GetPostHandler,
    PostHolderHandler,
    GetPersonHandler,
    ...REGISTRY_LIST_HANDLERS,
    ListPlansHandler,
    GetPlanHandler,
    PlanVersionsHandler,
    PlanDiffHandler,
    GetBodyHandler,
    DecisionsRegisterHandler,
    GetMeetingHandler,
    GetDelegationHandler,
    DelegationsOnHandler,
    ProvenanceHandler,
    ActionsHandler,
    ListBodiesHandler,
    ListMeetingsHandler,
    ListGovernanceActsHandler,
    PoolYearReads,
    PoolYearPositionHandler,
    PoolYearReportsHandler,
    PoolYearCertificationHandler,
    PoolYearFactsHandler,
    PoolYearTransactionsPageHandler,
    GetAgreementHandler,
    ...RETURN_QUERY_HANDLERS,
    FundLogIndex,
    ListPoolsHandler,
    ListAgreementsHandler,
  ],
  exports: [...CONTEXT_FACTS, ReturnContextModule],
})
export class LedgerQueriesModule {}
