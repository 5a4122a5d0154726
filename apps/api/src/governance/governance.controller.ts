import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Actor } from '@bcl/event-store';
import { READERS, Role } from '@bcl/identity';
import { AllowRoles } from '../auth/access-policy';
import { WriteContext, WriteRequest } from '../http/write-context';
import { setEtag } from '../http/etag';
import { CommandQueryController, plain } from '../http/command-query-controller';
import { Problem, invalidRequest } from '../http/problem';
import { IdParam } from '../http/id-param';
import { todayInEngland } from '../http/business-dates';
import {
  ActionsQueryDto,
  ApprovalParams,
  AssignSeatDto,
  DateRangeQueryDto,
  DeclareInterestsDto,
  EstablishBodyDto,
  GrantDelegationDto,
  InstrumentParams,
  OnDateQueryDto,
  PassResolutionDto,
  RatifyApprovalDto,
  RecordApprovalDto,
  RecordAttendanceDto,
  RecordConsultationDto,
  RecordMeetingDto,
  ReportBackDto,
  RevokeDelegationDto,
} from './dto/governance.dto';
import { EstablishBodyCommand } from './commands/establish-body';
import { AssignSeatCommand } from './commands/assign-seat';
import { RecordMeetingCommand } from './commands/record-meeting';
import { RecordAttendanceCommand } from './commands/record-attendance';
import { DeclareInterestsCommand } from './commands/declare-interests';
import { PassResolutionCommand } from './commands/pass-resolution';
import { GrantDelegationCommand } from './commands/grant-delegation';
import { RevokeDelegationCommand } from './commands/revoke-delegation';
import { ReportBackCommand } from './commands/report-back';
import { RecordConsultationCommand } from './commands/record-consultation';
import { RecordApprovalCommand } from './commands/record-approval';
import { RatifyApprovalCommand } from './commands/ratify-approval';
import {
  ActionsQuery,
  DecisionsRegisterQuery,
  DelegationsOnQuery,
  GetBodyQuery,
  GetDelegationQuery,
  GetMeetingQuery,
  ProvenanceQuery,
} from './queries/governance-queries';

/** Who may record their own signature or consultation: anyone who acts in a post, but not auditors. */
const SIGNERS: Role[] = ['governance-officer', 'programme-lead', 'finance-officer'];

/** The person acting: from the token's `person` claim, never from the body. */
function actingPerson(actor: Actor): string {
  if (typeof actor.personId !== 'string')
    throw new Problem(
      403,
      'no-person',
      'Your token names no person',
      'approvals and consultations are recorded by the person who acts: the token needs a `person` claim (bcl token --person)',
    );
  return actor.personId;
}

@ApiTags('governance')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('governance')
export class GovernanceController extends CommandQueryController {
  @Post('bodies')
  @AllowRoles('governance-officer')
  establishBody(@Body() { reason, ...input }: EstablishBodyDto, @WriteContext() request: WriteRequest) {
    return this.write(
      new EstablishBodyCommand(plain({ ...input, areaId: input.areaId ?? null }), request.because(reason)),
      request,
      new GetBodyQuery(input.bodyId),
      `/api/governance/bodies/${input.bodyId}`,
    );
  }

  @Get('bodies/:id')
  @AllowRoles(...READERS)
  async body(@Param() { id }: IdParam, @Res({ passthrough: true }) response: Response) {
    const body = await this.queries.execute(new GetBodyQuery(id));
    setEtag(response, body.revision);
    return body;
  }

  @Post('bodies/:id/seats')
  @HttpCode(200)
  @AllowRoles('governance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  assignSeat(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: AssignSeatDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new AssignSeatCommand(plain({ ...input, bodyId: id }), request.because(reason)),
      request,
      new GetBodyQuery(id),
    );
  }

  /** The body's decisions register: its resolutions in meeting order, between two dates if given. */
  @Get('bodies/:id/decisions')
  @AllowRoles(...READERS)
  decisions(@Param() { id }: IdParam, @Query() range: DateRangeQueryDto) {
    if (range.from && range.to && range.from > range.to)
      throw invalidRequest([{ field: 'to', reason: `must not be before from (${range.from})` }]);
    return this.queries.execute(new DecisionsRegisterQuery(id, range));
  }

  @Post('meetings')
  @AllowRoles('governance-officer')
  recordMeeting(@Body() { reason, ...input }: RecordMeetingDto, @WriteContext() request: WriteRequest) {
    return this.write(
      new RecordMeetingCommand(
        plain({
          ...input,
          venue: input.venue ?? null,
          agenda: input.agenda.map((item) => ({ ...item, urgent: item.urgent ?? null })),
        }),
        request.because(reason),
      ),
      request,
      new GetMeetingQuery(input.meetingId),
      `/api/governance/meetings/${input.meetingId}`,
    );
  }

  @Get('meetings/:id')
  @AllowRoles(...READERS)
  async meeting(@Param() { id }: IdParam, @Res({ passthrough: true }) response: Response) {
    const meeting = await this.queries.execute(new GetMeetingQuery(id));
    setEtag(response, meeting.revision);
    return meeting;
  }

  @Post('meetings/:id/attendance')
  @HttpCode(200)
  @AllowRoles('governance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  recordAttendance(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: RecordAttendanceDto,
    @WriteContext() request: WriteRequest,
  ) {
    const present = input.present.map((p) => ({ ...p, substituteFor: p.substituteFor ?? null }));
    return this.write(
      new RecordAttendanceCommand(plain({ ...input, present, meetingId: id }), request.because(reason)),
      request,
      new GetMeetingQuery(id),
    );
  }

  @Post('meetings/:id/declarations')
  @HttpCode(200)
  @AllowRoles('governance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  declareInterests(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: DeclareInterestsDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new DeclareInterestsCommand(plain({ ...input, meetingId: id }), request.because(reason)),
      request,
      new GetMeetingQuery(id),
    );
  }

  @Post('meetings/:id/resolutions')
  @HttpCode(200)
  @AllowRoles('governance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  passResolution(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: PassResolutionDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new PassResolutionCommand(
        plain({
          ...input,
          meetingId: id,
          minuteNo: input.minuteNo ?? null,
          itemNo: input.itemNo ?? null,
          parts: input.parts.map((part) => ({ letter: part.letter ?? null, text: part.text })),
          reportsConsidered: input.reportsConsidered ?? [],
          concerns: (input.concerns ?? []).map((c) => ({ ...c, version: c.version ?? null })),
          authorises: input.authorises
            ? { ...input.authorises, instrumentId: input.authorises.instrumentId ?? null }
            : null,
          approvesMinutesOf: input.approvesMinutesOf ?? null,
        }),
        request.because(reason),
      ),
      request,
      new GetMeetingQuery(id),
    );
  }

  @Post('delegations')
  @AllowRoles('governance-officer')
  grantDelegation(@Body() { reason, ...input }: GrantDelegationDto, @WriteContext() request: WriteRequest) {
    return this.write(
      new GrantDelegationCommand(
        plain({
          ...input,
          scope: {
            instrumentKind: input.scope.instrumentKind,
            instrumentId: input.scope.instrumentId ?? null,
            financialLimitPence: input.scope.financialLimitPence ?? null,
          },
          validUntil: input.validUntil ?? null,
          parentDelegationId: input.parentDelegationId ?? null,
          reportBack: input.reportBack
            ? { bodyId: input.reportBack.bodyId, by: input.reportBack.by ?? null }
            : null,
        }),
        request.because(reason),
      ),
      request,
      new GetDelegationQuery(input.delegationId),
      `/api/governance/delegations/${input.delegationId}`,
    );
  }

  /** Delegations in force on a date, and those whose report-back is overdue. */
  @Get('delegations')
  @AllowRoles(...READERS)
  delegations(@Query() { on }: OnDateQueryDto) {
    return this.queries.execute(new DelegationsOnQuery(on ?? todayInEngland()));
  }

  @Get('delegations/:id')
  @AllowRoles(...READERS)
  async delegation(@Param() { id }: IdParam, @Res({ passthrough: true }) response: Response) {
    const delegation = await this.queries.execute(new GetDelegationQuery(id));
    setEtag(response, delegation.revision);
    return delegation;
  }

  @Post('delegations/:id/revocation')
  @HttpCode(200)
  @AllowRoles('governance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  revoke(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: RevokeDelegationDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new RevokeDelegationCommand(
        { delegationId: id, on: input.on, resolutionId: input.resolutionId ?? null },
        request.because(reason),
      ),
      request,
      new GetDelegationQuery(id),
    );
  }

  @Post('delegations/:id/report-back')
  @HttpCode(200)
  @AllowRoles('governance-officer')
  @ApiHeader({ name: 'If-Match', required: false })
  reportBack(
    @Param() { id }: IdParam,
    @Body() { reason, ...input }: ReportBackDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new ReportBackCommand(
        { delegationId: id, meetingId: input.meetingId, resolutionId: input.resolutionId ?? null },
        request.because(reason),
      ),
      request,
      new GetDelegationQuery(id),
    );
  }

  /** A consultee records their own consultation on an instrument version (the person comes from the token). */
  @Post('instruments/:kind/:id/consultations')
  @HttpCode(200)
  @AllowRoles(...SIGNERS)
  consult(
    @Param() { kind, id }: InstrumentParams,
    @Body() { reason, version, ...input }: RecordConsultationDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new RecordConsultationCommand(
        plain({
          ...input,
          note: input.note ?? null,
          instrument: { kind, id, version: version ?? null },
          personId: actingPerson(request.actor),
        }),
        request.because(reason),
      ),
      request,
      new ProvenanceQuery(kind, id),
    );
  }

  /** The caller signs an instrument version in their post; refused, naming each failed condition, without authority. */
  @Post('instruments/:kind/:id/approvals')
  @HttpCode(200)
  @AllowRoles(...SIGNERS)
  approve(
    @Param() { kind, id }: InstrumentParams,
    @Body() { reason, version, authority, ...input }: RecordApprovalDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new RecordApprovalCommand(
        plain({
          ...input,
          instrument: { kind, id, version: version ?? null },
          actorPersonId: actingPerson(request.actor),
          authority:
            authority.kind === 'delegation'
              ? { kind: 'delegation' as const, delegationId: authority.id }
              : { kind: 'resolution' as const, resolutionId: authority.id },
          amountPence: input.amountPence ?? null,
          provisionalConditions: input.provisionalConditions ?? null,
        }),
        request.because(reason),
      ),
      request,
      new ProvenanceQuery(kind, id),
    );
  }

  @Post('instruments/:kind/:id/approvals/:approvalId/ratification')
  @HttpCode(200)
  @AllowRoles('governance-officer')
  ratify(
    @Param() { kind, id, approvalId }: ApprovalParams,
    @Body() { reason, resolutionId }: RatifyApprovalDto,
    @WriteContext() request: WriteRequest,
  ) {
    return this.write(
      new RatifyApprovalCommand(
        { instrument: { kind, id, version: null }, approvalId, resolutionId },
        request.because(reason),
      ),
      request,
      new ProvenanceQuery(kind, id),
    );
  }

  /** approval → delegation → resolution → meeting → body, with the post holders at each step. */
  @Get('instruments/:kind/:id/provenance')
  @AllowRoles(...READERS)
  provenance(@Param() { kind, id }: InstrumentParams) {
    return this.queries.execute(new ProvenanceQuery(kind, id));
  }

  /** A person's or a post's governance actions over time, in effective-date order. */
  @Get('actions')
  @AllowRoles(...READERS)
  actions(@Query() query: ActionsQueryDto) {
    if ((query.personId === undefined) === (query.postId === undefined))
      throw invalidRequest([{ field: 'personId', reason: 'give exactly one of personId and postId' }]);
    return this.queries.execute(
      new ActionsQuery(
        query.personId !== undefined ? { personId: query.personId } : { postId: query.postId! },
      ),
    );
  }
}
