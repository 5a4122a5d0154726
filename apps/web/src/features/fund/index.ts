import { Type } from '@nestjs/common';
import { FundIndexController } from './fund-index.controller';
import { PoolYearPagesController } from './pool-year.controller';

/** The controllers of this feature's pages (listed in web.module.ts). */
export const FUND_PAGES: Type[] = [FundIndexController, PoolYearPagesController];
