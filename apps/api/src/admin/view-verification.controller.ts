import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EventStore } from '@bcl/event-store';
import { ServiceStore } from '@bcl/service-store';
import { AllowRoles, EVENT_STORE, SERVICE_STORE, ViewVerification, verifyViews } from '@bcl/application';

/**
 * What the API serves, checked against the log: the stored views of every projection, each rebuilt in memory
 * up to its stored checkpoint, and the personal-data vault against the registry's events (`bcl verify
 * --views`). Independent of readiness: it reads the two stores, not the running projections, so it answers
 * while a projection is behind or failing (that is when it is wanted).
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/views')
export class ViewVerificationController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
  ) {}

  /** 200 with `ok` false when anything differs: the check ran; its finding is the answer. */
  @Get('verification')
  @AllowRoles('auditor', 'admin')
  verify(): Promise<ViewVerification> {
    return verifyViews(this.events, this.service);
  }
}
