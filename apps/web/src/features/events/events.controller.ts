import { Get, Inject, Param, Query, Render, Res } from '@nestjs/common';
import { Response } from 'express';
import { EventStore, LIMITS, STREAM_NAME_PATTERN, StoredEvent } from '@bcl/event-store';
import { operatorWriteOf } from '@bcl/kernel';
import { AllowRoles, EVENT_STORE, Problem } from '@bcl/application';
import { PagesController } from '../../page-route';

/** Events per page: enough to scan, few enough that a page of large events stays small. */
export const EVENTS_PAGE_SIZE = 50;

const LOG_VIEW = 'features/events/log.njk';

/** The events browser shows everything the log holds, personal data included: auditors and admins only. */
const EVENT_READERS = ['auditor', 'admin'] as const;

/** An event as the page shows it: positions as text, data and metadata as indented JSON (escaped by the view). */
export interface EventRow {
  position: string;
  stream: string;
  revision: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  recordedAt: string;
  hash: string;
  prevHash: string;
  data: string;
  metadata: string;
  /**
   * Set for a raw write by an operator (`bcl append`), which no context's rules decided: the card is marked. The
   * reason is the operator's; `intoContextStream` says the operator wrote into a context's stream on purpose.
   */
  operatorWrite: { reason: string; intoContextStream: boolean } | null;
}

export const rowOf = (event: StoredEvent): EventRow => ({
  position: event.position.toString(),
  stream: event.stream,
  revision: event.revision,
  eventId: event.eventId,
  type: event.type,
  schemaVersion: event.schemaVersion,
  recordedAt: event.recordedAt,
  hash: event.hash,
  prevHash: event.prevHash,
  data: JSON.stringify(event.data, null, 2),
  metadata: JSON.stringify(event.metadata, null, 2),
  operatorWrite: operatorWriteOf(event.metadata),
});

/** A cursor from the query string: a whole number, or nothing (the start). Anything else is refused. */
function cursorOf(value: unknown, what: string): bigint | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' && /^\d{1,30}$/.test(value)) return BigInt(value);
  throw new Problem(
    400,
    'invalid-request',
    'The page asked for is not valid',
    `${what} must be a whole number`,
    [{ field: what, reason: 'must be a whole number' }],
  );
}

const isStreamName = (name: string) =>
  name.length <= LIMITS.streamNameMaxLength && STREAM_NAME_PATTERN.test(name);

/**
 * A read-only browser of the event log through the EventStore port: the global log by position, and each stream
 * by revision, a bounded page at a time with an `after` cursor.
 */
@PagesController('events')
export class EventsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @AllowRoles(...EVENT_READERS)
  @Render(LOG_VIEW)
  async log(@Query('after') after: unknown) {
    return this.logPage(cursorOf(after, 'after'));
  }

  /** The "go to a stream" form (a plain GET form) lands here and goes on to the stream's page. */
  @Get('stream')
  @AllowRoles(...EVENT_READERS)
  async goToStream(@Query('name') name: unknown, @Res() response: Response) {
    const stream = typeof name === 'string' ? name.trim() : '';
    if (isStreamName(stream)) return response.redirect(303, `/events/streams/${encodeURIComponent(stream)}`);
    const message =
      stream === ''
        ? 'Enter the name of a stream'
        : 'Enter a stream name of letters, digits and _ . : - / @ +, starting with a letter or digit';
    response.status(400).render(LOG_VIEW, {
      ...(await this.logPage(undefined)),
      errorList: [{ text: message, href: '#stream-name' }],
      streamError: message,
      streamName: stream,
    });
  }

  private async logPage(cursor: bigint | undefined) {
    const page = await this.store.readAll({ after: cursor, maxCount: EVENTS_PAGE_SIZE });
    const head = await this.store.headPosition();
    const size = BigInt(EVENTS_PAGE_SIZE);
    const canGoBack = this.store.description.contiguousPositions && cursor !== undefined && cursor > 0n;
    return {
      section: 'events',
      pageSize: EVENTS_PAGE_SIZE,
      events: page.events.map(rowOf),
      headPosition: head === null ? null : head.toString(),
      pagination: {
        previous: canGoBack ? (cursor > size ? `/events?after=${cursor - size}` : '/events') : null,
        next: page.isEnd || page.lastPosition === undefined ? null : `/events?after=${page.lastPosition}`,
        first: cursor === undefined ? null : '/events',
      },
    };
  }

  @Get('streams/:stream')
  @AllowRoles(...EVENT_READERS)
  @Render('features/events/stream.njk')
  async stream(@Param('stream') stream: string, @Query('after') after: unknown) {
    if (!isStreamName(stream))
      throw new Problem(404, 'not-found', 'No such stream', `there is no stream named ${stream}`);
    const cursor = cursorOf(after, 'after');
    if (cursor !== undefined && cursor > BigInt(Number.MAX_SAFE_INTEGER))
      throw new Problem(404, 'not-found', 'No such page', `${stream} has no revision after ${cursor}`);
    const fromRevision = cursor === undefined ? 0 : Number(cursor) + 1;
    const [events, revision] = await Promise.all([
      this.store.readStream(stream, { direction: 'forwards', fromRevision, maxCount: EVENTS_PAGE_SIZE }),
      this.store.streamRevision(stream),
    ]);
    if (revision < 0)
      throw new Problem(
        404,
        'not-found',
        'No such stream',
        `the log has no events in a stream named ${stream}`,
      );
    const base = `/events/streams/${encodeURIComponent(stream)}`;
    const last = events[events.length - 1];
    return {
      section: 'events',
      pageSize: EVENTS_PAGE_SIZE,
      stream,
      revision,
      events: events.map(rowOf),
      pagination: {
        previous:
          fromRevision === 0
            ? null
            : fromRevision > EVENTS_PAGE_SIZE
              ? `${base}?after=${fromRevision - 1 - EVENTS_PAGE_SIZE}`
              : base,
        next: last && last.revision < revision ? `${base}?after=${last.revision}` : null,
        first: fromRevision === 0 ? null : base,
      },
    };
  }
}
