import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GovernanceController } from './governance.controller';
import { GovernanceFacts } from './governance-facts';
import { EstablishBodyHandler } from './commands/establish-body';
import { AssignSeatHandler } from './commands/assign-seat';
import { RecordMeetingHandler } from './commands/record-meeting';
import { RecordAttendanceHandler } from './commands/record-attendance';
import { DeclareInterestsHandler } from './commands/declare-interests';
import { PassResolutionHandler } from './commands/pass-resolution';
import { GrantDelegationHandler } from './commands/grant-delegation';
import { RevokeDelegationHandler } from './commands/revoke-delegation';
import { ReportBackHandler } from './commands/report-back';
import { RecordConsultationHandler } from './commands/record-consultation';
import { RecordApprovalHandler } from './commands/record-approval';
import { RatifyApprovalHandler } from './commands/ratify-approval';
import {
  ActionsHandler,
  DecisionsRegisterHandler,
  DelegationsOnHandler,
  GetBodyHandler,
  GetDelegationHandler,
  GetMeetingHandler,
  ProvenanceHandler,
} from './queries/governance-queries';

/** Governance: bodies, meetings, resolutions, delegations of authority, and approvals checked against authority. */
@Module({
  imports: [CqrsModule],
  controllers: [GovernanceController],
  providers: [
    GovernanceFacts,
    EstablishBodyHandler,
    AssignSeatHandler,
    RecordMeetingHandler,
    RecordAttendanceHandler,
    DeclareInterestsHandler,
    PassResolutionHandler,
    GrantDelegationHandler,
    RevokeDelegationHandler,
    ReportBackHandler,
    RecordConsultationHandler,
    RecordApprovalHandler,
    RatifyApprovalHandler,
    GetBodyHandler,
    DecisionsRegisterHandler,
    GetMeetingHandler,
    GetDelegationHandler,
    DelegationsOnHandler,
    ProvenanceHandler,
    ActionsHandler,
  ],
})
export class GovernanceModule {}
