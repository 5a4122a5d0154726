import { Module, Provider, Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GovernanceController } from './governance.controller';
import { GovernanceListsController } from './governance-lists.controller';
import { ESTABLISH_BODY } from './use-cases/establish-body';
import { ASSIGN_SEAT } from './use-cases/assign-seat';
import { RECORD_MEETING } from './use-cases/record-meeting';
import { RECORD_ATTENDANCE } from './use-cases/record-attendance';
import { DECLARE_INTERESTS } from './use-cases/declare-interests';
import { PASS_RESOLUTION } from './use-cases/pass-resolution';
import { GRANT_DELEGATION } from './use-cases/grant-delegation';
import { REVOKE_DELEGATION } from './use-cases/revoke-delegation';
import { REPORT_BACK } from './use-cases/report-back';
import { RECORD_CONSULTATION } from './use-cases/record-consultation';
import { RECORD_APPROVAL } from './use-cases/record-approval';
import { RATIFY_APPROVAL } from './use-cases/ratify-approval';

/**
 * The write use cases, one file each: its request DTOs, its command and handler, and its route. Each route keeps
 * the OpenAPI operationId (`GovernanceController_…`) it had when one controller held them all, so clients
 * generated from the document keep their method names.
 */
const USE_CASES: { controllers: Type[]; providers: Provider[] }[] = [
  ESTABLISH_BODY,
  ASSIGN_SEAT,
  RECORD_MEETING,
  RECORD_ATTENDANCE,
  DECLARE_INTERESTS,
  PASS_RESOLUTION,
  GRANT_DELEGATION,
  REVOKE_DELEGATION,
  REPORT_BACK,
  RECORD_CONSULTATION,
  RECORD_APPROVAL,
  RATIFY_APPROVAL,
];

/** Governance: bodies, meetings, resolutions, delegations of authority, and approvals checked against authority. */
@Module({
  imports: [CqrsModule],
  controllers: [
    GovernanceController,
    GovernanceListsController,
    ...USE_CASES.flatMap((useCase) => useCase.controllers),
  ],
  providers: [...USE_CASES.flatMap((useCase) => useCase.providers)],
})
export class GovernanceModule {}
