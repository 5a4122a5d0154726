import { Type } from '@nestjs/common';
import { DecisionsController } from './decisions.controller';
import { GovernanceRecordsController } from './governance-records.controller';
import { DecisionController } from './decision.controller';
import { DecisionFormsController } from './decision-forms.controller';
import { ResolutionFormController } from './resolution-form.controller';

/** The controllers of this feature's pages (listed in web.module.ts). */
export const DECISIONS_PAGES: Type[] = [
  DecisionsController,
  DecisionFormsController,
  ResolutionFormController,
  DecisionController,
  GovernanceRecordsController,
];
