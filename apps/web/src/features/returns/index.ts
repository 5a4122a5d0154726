import { Type } from '@nestjs/common';

/** The controllers of this feature's pages (listed in web.module.ts). */
export const RETURNS_PAGES: Type[] = [];
