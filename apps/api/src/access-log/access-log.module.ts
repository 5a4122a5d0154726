import { Module } from '@nestjs/common';
import { AccessLogController } from './access-log.controller';

/** Reading the access log (`GET /api/access-log`); the interceptor that writes it is global (AppModule). */
@Module({ controllers: [AccessLogController] })
export class AccessLogModule {}
