import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PlansController } from './plans.controller';
import { ImportPlanHandler, ImportPlanRoute } from './use-cases/import-plan';
import { RecordPlanStepHandler, RecordPlanStepRoute } from './use-cases/record-plan-step';
import { AcceptPlanWarningHandler, AcceptPlanWarningRoute } from './use-cases/accept-plan-warning';

/** BCF plans: versions, contributions, schemes, metrics, and the national-condition checks. */
@Module({
  imports: [CqrsModule],
  controllers: [ImportPlanRoute, PlansController, RecordPlanStepRoute, AcceptPlanWarningRoute],
  providers: [ImportPlanHandler, RecordPlanStepHandler, AcceptPlanWarningHandler],
})
export class PlansModule {}
