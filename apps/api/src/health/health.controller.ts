import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { EventStore } from '@bcl/event-store';
import { ProjectionRunner, ServiceStore } from '@bcl/service-store';
import { PublicRoute } from '@bcl/application';
import { EVENT_STORE, PROJECTIONS, SERVICE_STORE } from '@bcl/application';
import { diskTooFull } from './disk-space';

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

  /**
   * 200 when the event store answers (with room on its disk, for SQLite), the service store accepts a write, and every projection is running, not failing, within
   * READY_LAG_POSITIONS_MAX of the head and standing on this log; otherwise 503 with `reasons` (one line each).
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response) {
    const checks: Record<string, unknown> = {};
    const reasons: string[] = [];
    try {
      const head = await this.events.headPosition();
      const full = await diskTooFull(this.events.description);
      if (full) reasons.push(`event store: ${full}`);
      checks.eventStore = {
        status: full ? 'down' : 'up',
        kind: this.events.description.kind,
        head: head?.toString() ?? null,
        ...(full ? { error: full } : {}),
      };
    } catch (error) {
      reasons.push(`event store: ${(error as Error).message}`);
      checks.eventStore = { status: 'down', error: (error as Error).message };
    }
    try {
      await this.service.probeWrite();
      checks.serviceStore = { status: 'up' };
    } catch (error) {
      reasons.push(`service store: ${(error as Error).message}`);
      checks.serviceStore = { status: 'down', error: (error as Error).message };
    }
    const projections: Record<string, unknown> = {};
    for (const projection of this.projections) {
      try {
        const status = await projection.status();
        const reason = !status.running
          ? 'stopped'
          : (status.error ??
            status.logMismatch ??
            (status.lagPositions > READY_LAG_POSITIONS_MAX
              ? `${status.lagPositions} positions behind the log (at most ${READY_LAG_POSITIONS_MAX})`
              : null));
        if (reason) reasons.push(`projection ${status.name}: ${reason}`);
        projections[status.name] = {
          status: reason ? 'down' : 'up',
          checkpoint: status.checkpoint?.toString() ?? null,
          head: status.head?.toString() ?? null,
          lagPositions: status.lagPositions.toString(),
          running: status.running,
          error: status.error,
          failures: status.failures,
          failingSince: status.failingSince,
          logMismatch: status.logMismatch,
        };
      } catch (error) {
        reasons.push(`projection ${projection.definition.name}: ${(error as Error).message}`);
        projections[projection.definition.name] = { status: 'down', error: (error as Error).message };
      }
    }
    checks.projections = projections;
    const ok = reasons.length === 0;
    response.status(ok ? 200 : 503);
    return ok ? { status: 'up', checks } : { status: 'down', reasons, checks };
  }
}
