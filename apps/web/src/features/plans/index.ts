import { Type } from '@nestjs/common';
import { PlanUploadController } from './plan-upload.controller';
import { PlansController } from './plans.controller';

/** The controllers of this feature's pages (listed in web.module.ts); the upload first, so `/plans/upload` is not a plan id. */
export const PLANS_PAGES: Type[] = [PlanUploadController, PlansController];
