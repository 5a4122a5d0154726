import { Get, Inject, OnApplicationShutdown, Query, Render, Req, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Request } from 'express';
import { readFileSync } from 'node:fs';
import { EventStore } from '@bcl/event-store';
import { loadKeyring, loadSigner } from '@bcl/event-store-open';
import {
  AllowRoles,
  EVENT_STORE,
  LEDGER_SETTINGS,
  LedgerSettings,
  ListAreasQuery,
  Problem,
} from '@bcl/application';
import { AuditorPackRefused, WarmChromium, buildAuditorPack, checkPackRequest } from '@bcl/auditor-pack';
import { PagesController } from '../../page-route';
import { WEB_CONFIG, WebConfig } from '../../web-config';

const AREAS_MAX = 500;
/** Who may download the pack: it holds the whole log export. */
const PACK_ROLES = ['auditor', 'admin'] as const;

interface PackQuery {
  area?: unknown;
  from?: unknown;
  to?: unknown;
}

/**
 * One pack is made at a time in this process: each launches Chromium and reads the whole log, so requests
 * queue rather than run side by side on the server's cores.
 */
let packQueue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const turn = packQueue.then(work, work);
  packQueue = turn.catch(() => undefined);
  return turn;
}

/**
 * Who has a pack being made or waiting: one each. The download is a GET (so the access log records it), which
 * another site could link to; a second request while the first is pending is refused, not queued.
 */
const packsPending = new Set<string>();

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The request's area and period, or the problems to show against each field (none when nothing was asked). */
function packRequestOf(query: PackQuery) {
  const request = { areaId: text(query.area), from: text(query.from), to: text(query.to) };
  const asked = request.areaId !== '' || request.from !== '' || request.to !== '';
  if (!asked) return { request, asked, problem: null };
  try {
    checkPackRequest(request);
    return { request, asked, problem: null };
  } catch (error) {
    const [field, ...reason] = (error as Error).message.split(': ');
    return {
      request,
      asked,
      problem: { field: field === 'area' ? 'area' : field!, text: reason.join(': ') },
    };
  }
}

/**
 * The auditor pack: choose an area and period (a plain GET form), then download the zip with a GET, so the
 * access log records the download with the signed-in subject, as it records every page view.
 */
@PagesController('pack')
export class PackController implements OnApplicationShutdown {
  /** Chromium kept running between packs (it closes itself when idle), rather than started for each. */
  private readonly printer: WarmChromium;

  constructor(
    private readonly queries: QueryBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {
    this.printer = new WarmChromium(config.chromiumPath);
  }

  onApplicationShutdown(): Promise<void> {
    return this.printer.close();
  }

  /**
   * The checkpoint key (CHECKPOINT_KEY_FILE) the pack's digest is signed with and the keyring (KEYRING_FILE) it
   * carries, read for each pack, so a key rotated on disk is used at the next pack.
   */
  private signing() {
    const { checkpointKeyFile, keyringFile } = this.settings;
    return {
      checkpointSigner: checkpointKeyFile ? loadSigner(checkpointKeyFile, ['checkpoint']) : undefined,
      keyringJson: keyringFile ? (loadKeyring(keyringFile), readFileSync(keyringFile, 'utf8')) : undefined,
    };
  }

  @Get()
  @AllowRoles(...PACK_ROLES)
  @Render('features/pack/pack.njk')
  async choose(@Query() query: PackQuery) {
    const areas = (await this.queries.execute(new ListAreasQuery(AREAS_MAX))) as {
      items: { areaId: string; name: string }[];
    };
    const { request, asked, problem } = packRequestOf(query);
    const known = areas.items.find((area) => area.areaId === request.areaId);
    const areaProblem =
      asked && !problem && !known ? { field: 'area', text: 'choose one of the areas' } : problem;
    const ready = asked && !areaProblem;
    const search = new URLSearchParams({ area: request.areaId, from: request.from, to: request.to });
    return {
      section: 'pack',
      areas: areas.items,
      request,
      problem: areaProblem,
      download: ready ? { href: `/pack/download?${search.toString()}`, areaName: known!.name } : null,
    };
  }

  @Get('download')
  @AllowRoles(...PACK_ROLES)
  async download(@Query() query: PackQuery, @Req() http: Request): Promise<StreamableFile> {
    const { request, asked, problem } = packRequestOf(query);
    if (!asked || problem)
      throw new Problem(
        400,
        'invalid-request',
        'The pack cannot be made',
        problem ? `${problem.field}: ${problem.text}` : 'choose an area and a period on /pack',
      );
    const subject = http.identity!.subject;
    if (packsPending.has(subject))
      throw new Problem(
        429,
        'pack-pending',
        'A pack is being made for you',
        'your previous pack is still being made: wait for its download to finish, then ask again',
      );
    packsPending.add(subject);
    try {
      const pack = await oneAtATime(() =>
        buildAuditorPack({
          store: this.store,
          ...request,
          generatedBy: http.identity!.subject,
          generatedAt: new Date().toISOString(),
          chromiumPath: this.config.chromiumPath,
          printer: this.printer,
          templateDir: this.settings.returnTemplateDir,
          referenceDir: this.settings.referenceDir,
          ...this.signing(),
        }),
      );
      return new StreamableFile(pack.zip, {
        type: 'application/zip',
        disposition: `attachment; filename="${pack.fileName}"`,
        length: pack.zip.length,
      });
    } catch (error) {
      if (error instanceof AuditorPackRefused)
        throw new Problem(400, 'invalid-request', 'The pack cannot be made', error.message);
      throw error;
    } finally {
      packsPending.delete(subject);
    }
  }
}
