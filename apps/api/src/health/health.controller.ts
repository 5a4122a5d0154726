import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { EventStore } from '@bcl/event-store';
import { ProjectionRunner, ServiceStore } from '@bcl/service-store';
import { PublicRoute } from '../auth/access-policy';
import { EVENT_STORE, PROJECTIONS, SERVICE_STORE } from '../event-log/event-log.tokens';

/** Lag above this many positions makes the service not ready (it still answers, with older views). */
export const READY_LAG_POSITIONS_MAX = 1000n;

@ApiTags('health')
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(SERVICE_STORE) private readonly service: ServiceStore,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner[],
  ) {}

  @Get('live')
  live() {
    return { status: 'up' };
  }

  /** 200 when the event store and service store answer and the projection is running and near the head. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response) {
    const checks: Record<string, unknown> = {};
    let ok = true;
    try {
      const head = await this.events.headPosition();
      checks.eventStore = {
        status: 'up',
        kind: this.events.description.kind,
        head: head?.toString() ?? null,
      };
    } catch (error) {
      ok = false;
      checks.eventStore = { status: 'down', error: (error as Error).message };
    }
    try {
      await this.service.ping();
      checks.serviceStore = { status: 'up' };
    } catch (error) {
      ok = false;
      checks.serviceStore = { status: 'down', error: (error as Error).message };
    }
    const projections: Record<string, unknown> = {};
    for (const projection of this.projections) {
      try {
        const status = await projection.status();
        const healthy =
          status.running && status.error === null && status.lagPositions <= READY_LAG_POSITIONS_MAX;
        ok &&= healthy;
        projections[status.name] = {
          status: healthy ? 'up' : 'down',
          checkpoint: status.checkpoint?.toString() ?? null,
          head: status.head?.toString() ?? null,
          lagPositions: status.lagPositions.toString(),
          running: status.running,
          error: status.error,
        };
      } catch (error) {
        ok = false;
        projections[projection.definition.name] = { status: 'down', error: (error as Error).message };
      }
    }
    checks.projections = projections;
    response.status(ok ? 200 : 503);
    return { status: ok ? 'up' : 'down', checks };
  }
}
