import { Type } from '@nestjs/common';
import { PackController } from './pack.controller';

/** The controllers of this feature's pages (listed in web.module.ts). */
export const PACK_PAGES: Type[] = [PackController];
