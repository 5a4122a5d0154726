import { Type } from '@nestjs/common';
import { ReturnsPagesController } from './returns.controller';
import { ReturnUploadController } from './return-upload.controller';

/** The controllers of this feature's pages (listed in web.module.ts). */
export const RETURNS_PAGES: Type[] = [ReturnUploadController, ReturnsPagesController];
