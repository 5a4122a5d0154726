import { Type } from '@nestjs/common';
import { AccessLogController } from './access-log.controller';

/** The controllers of this feature's pages (listed in web.module.ts). */
export const ACCESS_LOG_PAGES: Type[] = [AccessLogController];
