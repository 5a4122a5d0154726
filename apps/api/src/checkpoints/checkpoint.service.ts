import { readFileSync } from 'node:fs';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { CheckpointWriter, EventStore, signerFromKeyFile } from '@bcl/event-store';
import { EVENT_STORE } from '@bcl/application';
import { API_CONFIG, ApiConfig } from '../config/api-config';

/** The acts after which a checkpoint is taken at once: a sign-off (an approval recorded or ratified), a submission. */
export const SIGNIFICANT_EVENT_TYPES: ReadonlySet<string> = new Set([
  'ApprovalRecorded',
  'ApprovalRatified',
  'ReturnSubmitted',
]);

/**
 * Writes signed checkpoints to CHECKPOINT_DIR (docs/event-store.md): one at start, one every
 * CHECKPOINT_INTERVAL_SECONDS, and one after each significant act, seen on the log itself (so a write by any
 * route, or by the CLI while the API runs, counts). Off unless configured; a failure is logged, never fatal.
 */
@Injectable()
export class CheckpointService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('checkpoints');
  private stopSchedule: (() => void) | null = null;
  private subscription: Subscription | null = null;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const settings = this.config.checkpoints;
    if (!settings) return;
    let text: string;
    try {
      text = readFileSync(settings.keyFile, 'utf8');
    } catch (error) {
      throw new Error(`CHECKPOINT_KEY_FILE ${settings.keyFile}: ${(error as Error).message}`);
    }
    let writer: CheckpointWriter;
    try {
      writer = new CheckpointWriter({ dir: settings.dir, signer: signerFromKeyFile(text) });
    } catch (error) {
      throw new Error(`CHECKPOINT_KEY_FILE ${settings.keyFile}: ${(error as Error).message}`);
    }
    const { request, stop } = writer.schedule(this.events, settings.intervalSeconds, (error) =>
      this.logger.error(`no checkpoint was written: ${error.message}`),
    );
    this.stopSchedule = stop;
    const head = await this.events.headPosition();
    this.subscription = this.events.subscribe(head === null ? {} : { after: head }).subscribe({
      next: (event) => {
        if (SIGNIFICANT_EVENT_TYPES.has(event.type)) void request();
      },
      error: (error: Error) => this.logger.error(`checkpoints stopped following the log: ${error.message}`),
    });
    void request();
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    this.stopSchedule?.();
  }
}
