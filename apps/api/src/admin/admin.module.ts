import { Module } from '@nestjs/common';
import { ViewVerificationController } from './view-verification.controller';

/** Checks an auditor or an admin runs on the service itself (`GET /api/admin/views/verification`). */
@Module({ controllers: [ViewVerificationController] })
export class AdminModule {}
