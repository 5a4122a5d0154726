import { Type } from '@nestjs/common';
import { VerifyController } from './verify.controller';

/** The controllers of this feature's pages (listed in web.module.ts). */
export const VERIFY_PAGES: Type[] = [VerifyController];
