import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Request, Response } from 'express';
import { Role } from '@bcl/identity';
import { TEXT_LIMITS } from '@bcl/kernel';
import {
  BodyView,
  GOVERNANCE_LIMITS as G,
  INSTRUMENT_KINDS,
  RESOLUTION_OUTCOMES,
} from '@bcl/domain-governance';
import {
  AllowRoles,
  GetBodyQuery,
  GetMeetingQuery,
  ListPostsQuery,
  PassResolutionCommand,
  PostSummary,
} from '@bcl/application';
import { PagesController } from '../../page-route';
import { formCommandContext } from '../../forms/page-form';
import { FormFields } from './decision-form-fields';
import { generatedId } from './decision-ids';
import { renderForm, sendForm } from './decision-form-support';

const RECORDERS: Role[] = ['governance-officer'];
const POSTS_PAGE = 500;

/** The form's fields (as the API names them) and the id of the input that gives each. */
const RESOLUTION_INPUTS = {
  minuteNo: 'minuteNo',
  itemNo: 'itemNo',
  parts: 'parts',
  outcome: 'outcome',
  'authorises.posts': 'authorisesPosts',
  authorises: 'authorisesPosts',
  'authorises.instrumentKind': 'authorisesKind',
  'authorises.instrumentId': 'authorisesId',
  reason: 'reason',
};

/** A part as minuted: "(a) text" or "a) text" gives the letter; a line without one is a part without a letter. */
const LETTERED = /^\(?([A-Za-z0-9.]{1,16})\)\s+(.+)$/;

/**
 * The form for a meeting's resolution, as minuted: validated as the API's DTO is, then sent as the same command;
 * its id is made from the meeting and the minute number (or its place among the meeting's resolutions).
 */
@PagesController('decisions')
export class ResolutionFormController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('meetings/:meetingId/record-resolution')
  @AllowRoles(...RECORDERS)
  async resolutionForm(@Param('meetingId') meetingId: string, @Res() response: Response) {
    await this.show(response, 200, { meetingId, values: {} });
  }

  @Post('meetings/:meetingId/record-resolution')
  @AllowRoles(...RECORDERS)
  async pass(
    @Param('meetingId') meetingId: string,
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const fields = new FormFields(body);
    const minuteNo = fields.optionalText('minuteNo', G.labelLengthMax);
    const itemNo = fields.optionalText('itemNo', G.labelLengthMax);
    const outcome = fields.oneOf('outcome', RESOLUTION_OUTCOMES);
    const partsText = fields.text('parts', G.textLengthMax * G.partsMax, { multiline: true });
    const parts = (partsText ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line) => {
        const lettered = LETTERED.exec(line);
        return lettered ? { letter: lettered[1]!, text: lettered[2]! } : { letter: null, text: line };
      });
    if (parts.length > G.partsMax)
      fields.problems.push({ field: 'parts', reason: `must have at most ${G.partsMax} parts` });
    for (const part of parts)
      if ([...part.text].length > G.textLengthMax)
        fields.problems.push({
          field: 'parts',
          reason: `each part must be at most ${G.textLengthMax} characters`,
        });
    const posts = [
      ...checked(body.authorisesPosts),
      ...fields.raw('authorisesOtherPosts').split(/[\s,]+/),
    ].filter((post) => post !== '');
    const authorises =
      posts.length === 0
        ? null
        : {
            posts: [...new Set(posts)],
            instrumentKind: fields.oneOf('authorisesKind', INSTRUMENT_KINDS, 'authorises.instrumentKind'),
            instrumentId: fields.optionalId('authorisesId', 'authorises.instrumentId') ?? null,
          };
    // an instrument named without a post would authorise no one: said, not dropped (a resolution cannot be changed)
    if (!authorises && (fields.raw('authorisesKind') !== '' || fields.raw('authorisesId') !== ''))
      fields.problems.push({
        field: 'authorises.posts',
        reason: 'choose the posts it authorises to approve that instrument, or leave its kind and id empty',
      });
    if (authorises && !authorises.posts.every((post) => /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(post)))
      fields.problems.push({
        field: 'authorises.posts',
        reason: 'each post must be an id: lower-case letters, digits and hyphens',
      });
    const reason = fields.text('reason', TEXT_LIMITS.reasonLengthMax);
    const page = { meetingId, values: body };
    if (fields.problems.length > 0)
      return this.show(response, 400, { ...page, ...fields.summary(RESOLUTION_INPUTS) });
    const recorded = await this.resolutionIds(meetingId);
    const resolutionId = generatedId([meetingId, minuteNo ?? `r${recorded.size + 1}`], recorded);
    const sent = await sendForm(
      request,
      RESOLUTION_INPUTS,
      () =>
        this.commands.execute(
          new PassResolutionCommand(
            {
              resolutionId,
              meetingId,
              minuteNo: minuteNo ?? null,
              itemNo: itemNo ?? null,
              parts,
              outcome: outcome!,
              reportsConsidered: [],
              concerns: [],
              authorises: authorises && { ...authorises, instrumentKind: authorises.instrumentKind! },
              approvesMinutesOf: null,
            },
            formCommandContext(request, RECORDERS, reason!, body.formKey),
          ),
        ),
      (status, summary) => this.show(response, status, { ...page, ...summary }),
    );
    if (sent) response.redirect(303, `/decisions/meetings/${meetingId}#${resolutionId}`);
  }

  /** The ids of the meeting's resolutions. */
  private async resolutionIds(meetingId: string): Promise<Set<string>> {
    const meeting = (await this.queries.execute(new GetMeetingQuery(meetingId))) as {
      resolutions: { resolutionId: string }[];
    };
    return new Set(meeting.resolutions.map((r) => r.resolutionId));
  }

  /** The form, with the posts a resolution may authorise offered as checkboxes (see `postsOfMeeting`). */
  private async show(response: Response, status: number, page: Record<string, unknown>): Promise<void> {
    const offered = await postsOfMeeting(this.queries, page.meetingId as string);
    const ticked = new Set(checked((page.values as Record<string, unknown>).authorisesPosts));
    renderForm(response, status, 'resolution', {
      ...page,
      posts: offered.map((post) => ({ ...post, checked: ticked.has(post.postId) })),
    });
  }
}

/** The values of a group of checkboxes: absent, one (a string), or several (an array). */
const checked = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value])
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim());

/**
 * The posts a meeting's resolution may authorise, on the meeting's date: those of the organisations in the
 * body's area (an officer's post as well as a seat), or the body's seats where the body has no area.
 */
async function postsOfMeeting(
  queries: QueryBus,
  meetingId: string,
): Promise<{ postId: string; title: string }[]> {
  const meeting = (await queries.execute(new GetMeetingQuery(meetingId))) as { bodyId: string; date: string };
  const body = (await queries.execute(new GetBodyQuery(meeting.bodyId))) as BodyView;
  const filter = body.areaId ? { areaId: body.areaId } : { bodyId: body.bodyId };
  const posts: { postId: string; title: string }[] = [];
  for (let after: string | undefined; ;) {
    const page = (await queries.execute(
      new ListPostsQuery(POSTS_PAGE, after, filter, { asAt: meeting.date }),
    )) as {
      items: PostSummary[];
      next: string | null;
    };
    posts.push(...page.items.map(({ postId, title }) => ({ postId, title })));
    if (page.next === null) return posts;
    after = page.next;
  }
}
