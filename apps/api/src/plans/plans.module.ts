import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PlansController } from './plans.controller';
import { PlanSignOff } from './plan-sign-off';
import { PlanContext } from './plan-context';
import { PlansOfCycle } from './plans-of-cycle';
import { ImportPlanHandler, ImportPlanRoute } from './use-cases/import-plan';
import { RecordPlanStepHandler, RecordPlanStepRoute } from './use-cases/record-plan-step';
import { AcceptPlanWarningHandler, AcceptPlanWarningRoute } from './use-cases/accept-plan-warning';
import {
  GetPlanHandler,
  ListPlansHandler,
  PlanDiffHandler,
  PlanVersionsHandler,
} from './queries/plan-queries';

/** BCF plans: versions, contributions, schemes, metrics, and the national-condition checks. */
@Module({
  imports: [CqrsModule],
  controllers: [ImportPlanRoute, PlansController, RecordPlanStepRoute, AcceptPlanWarningRoute],
  providers: [
    PlanContext,
    PlanSignOff,
    PlansOfCycle,
    ImportPlanHandler,
    RecordPlanStepHandler,
    AcceptPlanWarningHandler,
    ListPlansHandler,
    GetPlanHandler,
    PlanVersionsHandler,
    PlanDiffHandler,
  ],
})
export class PlansModule {}
