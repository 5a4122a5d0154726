import { Type } from '@nestjs/common';
import { AreaController } from './area.controller';

/** The controllers of this feature's pages (listed in web.module.ts). */
export const AREA_PAGES: Type[] = [AreaController];
