import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PlansController } from './plans.controller';
import { PlanContext } from './plan-context';
import { ImportPlanHandler } from './commands/import-plan';
import { RecordPlanStepHandler } from './commands/record-plan-step';
import { AcceptPlanWarningHandler } from './commands/accept-plan-warning';
import {
  GetPlanHandler,
  ListPlansHandler,
  PlanDiffHandler,
  PlanVersionsHandler,
} from './queries/plan-queries';

/** BCF plans: versions, contributions, schemes, metrics, and the national-condition checks. */
@Module({
  imports: [CqrsModule],
  controllers: [PlansController],
  providers: [
    PlanContext,
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
