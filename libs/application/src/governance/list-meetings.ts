import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { BodyView, MeetingView, governanceKey as key, governanceProjection } from '@bcl/domain-governance';
import { Viewpoint } from '@bcl/kernel';
import { ViewpointViews } from '../event-log/viewpoint-views';

/** Meetings in id order, a page at a time, optionally only those of one body, or of the bodies of one area. */
export class ListMeetingsQuery {
  constructor(
    readonly limit: number,
    readonly after?: string,
    readonly filter: { areaId?: string; bodyId?: string } = {},
    readonly viewpoint: Viewpoint = {},
  ) {}
}

export interface MeetingSummary {
  meetingId: string;
  bodyId: string;
  date: string;
  venue: string | null;
  agendaItems: number;
  attendanceRecorded: boolean;
  resolutions: { resolutionId: string; minuteNo: string | null; outcome: string }[];
  links: { self: string; body: string };
}

/** Bodies are read a page at a time to find an area's; this bounds that reading. */
const BODY_PAGE = 500;

@QueryHandler(ListMeetingsQuery)
export class ListMeetingsHandler implements IQueryHandler<ListMeetingsQuery> {
  constructor(private readonly views: ViewpointViews) {}

  async execute({
    limit,
    after,
    filter,
    viewpoint,
  }: ListMeetingsQuery): Promise<{ items: MeetingSummary[]; next: string | null }> {
    const reader = this.views.from(viewpoint)(governanceProjection);
    const bodyIds =
      filter.areaId === undefined
        ? undefined
        : new Set((await bodiesOfArea(reader.list.bind(reader), filter.areaId)).map((b) => b.bodyId));
    const wanted = (meeting: MeetingView) =>
      (filter.bodyId === undefined || meeting.bodyId === filter.bodyId) &&
      (bodyIds === undefined || bodyIds.has(meeting.bodyId));
    const items: MeetingSummary[] = [];
    let afterKey: string | undefined = after ? key.meeting(after) : undefined;
    for (;;) {
      const page = await reader.list<MeetingView>(key.meeting(''), limit, afterKey);
      for (const meeting of page) {
        if (!wanted(meeting)) continue;
        items.push(summaryOf(meeting));
        if (items.length === limit) return { items, next: meeting.meetingId };
      }
      if (page.length < limit) return { items, next: null };
      afterKey = key.meeting(page[page.length - 1]!.meetingId);
    }
  }
}

async function bodiesOfArea(
  list: (prefix: ReturnType<typeof key.body>, limit: number, afterKey?: string) => Promise<BodyView[]>,
  areaId: string,
): Promise<BodyView[]> {
  const found: BodyView[] = [];
  for (let afterKey = ''; ;) {
    const page = await list(key.body(''), BODY_PAGE, afterKey);
    found.push(...page.filter((body) => body.areaId === areaId));
    if (page.length < BODY_PAGE) return found;
    afterKey = key.body(page[page.length - 1]!.bodyId);
  }
}

function summaryOf(meeting: MeetingView): MeetingSummary {
  return {
    meetingId: meeting.meetingId,
    bodyId: meeting.bodyId,
    date: meeting.date,
    venue: meeting.venue,
    agendaItems: meeting.agenda.length,
    attendanceRecorded: meeting.attendance !== null,
    resolutions: meeting.resolutions.map((r) => ({
      resolutionId: r.resolutionId,
      minuteNo: r.minuteNo,
      outcome: r.outcome,
    })),
    links: {
      self: `/api/governance/meetings/${meeting.meetingId}`,
      body: `/api/governance/bodies/${meeting.bodyId}`,
    },
  };
}
