import { Type } from '@nestjs/common';
import { EventsController } from './events.controller';

/** The controllers of this feature's pages (listed in web.module.ts). */
export const EVENTS_PAGES: Type[] = [EventsController];
