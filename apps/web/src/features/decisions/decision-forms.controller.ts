import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Request, Response } from 'express';
import { Role } from '@bcl/identity';
import { TEXT_LIMITS } from '@bcl/kernel';
import {
  CONSULTATION_RESPONSES,
  GOVERNANCE_LIMITS as G,
  INSTRUMENT_KINDS,
  InstrumentKind,
  RESOLUTION_OUTCOMES,
} from '@bcl/domain-governance';
import {
  AllowRoles,
  GetMeetingQuery,
  GovernanceAct,
  ListGovernanceActsQuery,
  PassResolutionCommand,
  Problem,
  RecordApprovalCommand,
  RecordConsultationCommand,
  ProvenanceQuery,
} from '@bcl/application';
import { PagesController } from '../../page-route';
import { errorSummaryOf, formCommandContext, newFormKey } from '../../forms/page-form';
import { FormFields } from './decision-form-fields';
import { generatedId } from './decision-ids';
import { instrumentKindOf } from './decision.controller';

/** Who may record their own signature or consultation, as the API allows: anyone who acts in a post, not auditors. */
const SIGNERS: Role[] = ['governance-officer', 'programme-lead', 'finance-officer'];
const RECORDERS: Role[] = ['governance-officer'];
const AUTHORITY_KINDS = ['delegation', 'resolution', 'chair'] as const;

/** Each form's fields (as the API names them) and the id of the input that gives each. */
const CONSULTATION_INPUTS = {
  version: 'version',
  delegationId: 'delegationId',
  postId: 'postId',
  on: 'on',
  response: 'response',
  note: 'note',
  reason: 'reason',
  authority: 'delegationId',
  'instrument.version': 'version',
};
const APPROVAL_INPUTS = {
  version: 'version',
  actingPostId: 'actingPostId',
  'authority.kind': 'authorityKind',
  'authority.id': 'authorityId',
  effectiveOn: 'effectiveOn',
  amountPence: 'amountPence',
  provisionalConditions: 'provisionalConditions',
  reason: 'reason',
  authority: 'authorityId',
  checks: 'version',
  'instrument.version': 'version',
};
const RESOLUTION_INPUTS = {
  minuteNo: 'minuteNo',
  itemNo: 'itemNo',
  parts: 'parts',
  outcome: 'outcome',
  'authorises.posts': 'authorisesPosts',
  'authorises.instrumentKind': 'authorisesKind',
  'authorises.instrumentId': 'authorisesId',
  reason: 'reason',
};

/** A part as minuted: "(a) text" or "a) text" gives the letter; a line without one is a part without a letter. */
const LETTERED = /^\(?([A-Za-z0-9.]{1,16})\)\s+(.+)$/;

/**
 * The forms for the acts a governance officer records most: a consultation, an approval, a meeting's resolution.
 * Each validates its fields as the API's DTO does, then sends the same command as the API route; a refusal
 * (invalid field, or the domain's: a delegation not in force, a post not held) re-renders the form with the GOV.UK
 * error summary and the refusal's status, and records nothing. The acting person is the page session's.
 */
@PagesController('decisions')
export class DecisionFormsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('instruments/:kind/:id/record-consultation')
  @AllowRoles(...SIGNERS)
  consultationForm(@Param('kind') kind: string, @Param('id') id: string, @Res() response: Response) {
    this.show(response, 200, 'consultation', { kind: instrumentKindOf(kind), id, values: {} });
  }

  @Post('instruments/:kind/:id/record-consultation')
  @AllowRoles(...SIGNERS)
  async consult(
    @Param('kind') kindParam: string,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const kind = instrumentKindOf(kindParam);
    const fields = new FormFields(body);
    const input = {
      version: fields.version('version'),
      delegationId: fields.id('delegationId'),
      postId: fields.id('postId'),
      on: fields.date('on'),
      response: fields.oneOf('response', CONSULTATION_RESPONSES),
      note: fields.optionalText('note', G.textLengthMax, { multiline: true }),
    };
    const reason = fields.text('reason', TEXT_LIMITS.reasonLengthMax);
    const page = { kind, id, values: body };
    if (fields.problems.length > 0)
      return this.show(response, 400, 'consultation', { ...page, ...fields.summary(CONSULTATION_INPUTS) });
    const { version, ...rest } = input as Required<{
      [K in keyof typeof input]: NonNullable<(typeof input)[K]>;
    }>;
    const consultationId = generatedId(
      [id, `v${version}`, rest.postId, rest.on],
      await this.consultationIds(),
    );
    const sent = await this.send(request, response, 'consultation', page, CONSULTATION_INPUTS, () =>
      this.commands.execute(
        new RecordConsultationCommand(
          {
            ...rest,
            consultationId,
            note: input.note ?? null,
            instrument: { kind, id, version },
            personId: this.person(request),
          },
          formCommandContext(request, SIGNERS, reason!, body.formKey),
        ),
      ),
    );
    if (sent) response.redirect(303, `/decisions/instruments/${kind}/${id}#${consultationId}`);
  }

  @Get('instruments/:kind/:id/record-approval')
  @AllowRoles(...SIGNERS)
  approvalForm(@Param('kind') kind: string, @Param('id') id: string, @Res() response: Response) {
    this.show(response, 200, 'approval', { kind: instrumentKindOf(kind), id, values: {} });
  }

  @Post('instruments/:kind/:id/record-approval')
  @AllowRoles(...SIGNERS)
  async approve(
    @Param('kind') kindParam: string,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const kind = instrumentKindOf(kindParam);
    const fields = new FormFields(body);
    const version = fields.version('version');
    const actingPostId = fields.id('actingPostId');
    const authorityKind = fields.oneOf('authorityKind', AUTHORITY_KINDS, 'authority.kind');
    const authorityId = fields.id('authorityId', 'authority.id');
    const effectiveOn = fields.date('effectiveOn');
    const amountPence = fields.optionalPence('amountPence');
    const provisionalConditions = fields.optionalText('provisionalConditions', G.textLengthMax, {
      multiline: true,
    });
    const reason = fields.text('reason', TEXT_LIMITS.reasonLengthMax);
    const page = { kind, id, values: body };
    if (fields.problems.length > 0)
      return this.show(response, 400, 'approval', { ...page, ...fields.summary(APPROVAL_INPUTS) });
    const authority =
      authorityKind === 'delegation'
        ? { kind: authorityKind, delegationId: authorityId! }
        : authorityKind === 'resolution'
          ? { kind: authorityKind, resolutionId: authorityId! }
          : { kind: 'chair' as const, bodyId: authorityId! };
    const approvalId = generatedId(
      [id, `v${version!}`, actingPostId!, effectiveOn!],
      await this.approvalIds(kind, id),
    );
    const sent = await this.send(request, response, 'approval', page, APPROVAL_INPUTS, () =>
      this.commands.execute(
        new RecordApprovalCommand(
          {
            approvalId,
            instrument: { kind, id, version: version! },
            actorPersonId: this.person(request),
            actingPostId: actingPostId!,
            authority,
            effectiveOn: effectiveOn!,
            amountPence: amountPence ?? null,
            provisionalConditions: provisionalConditions ?? null,
          },
          formCommandContext(request, SIGNERS, reason!, body.formKey),
        ),
      ),
    );
    if (sent) response.redirect(303, `/decisions/instruments/${kind}/${id}/approvals/${approvalId}`);
  }

  @Get('meetings/:meetingId/record-resolution')
  @AllowRoles(...RECORDERS)
  resolutionForm(@Param('meetingId') meetingId: string, @Res() response: Response) {
    this.show(response, 200, 'resolution', { meetingId, values: {} });
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
    const posts = fields.raw('authorisesPosts');
    const authorises =
      posts === ''
        ? null
        : {
            posts: posts.split(/[\s,]+/).filter((post) => post !== ''),
            instrumentKind: fields.oneOf('authorisesKind', INSTRUMENT_KINDS, 'authorises.instrumentKind'),
            instrumentId: fields.optionalId('authorisesId', 'authorises.instrumentId') ?? null,
          };
    if (authorises && !authorises.posts.every((post) => /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(post)))
      fields.problems.push({
        field: 'authorises.posts',
        reason: 'each post must be an id: lower-case letters, digits and hyphens',
      });
    const reason = fields.text('reason', TEXT_LIMITS.reasonLengthMax);
    const page = { meetingId, values: body };
    if (fields.problems.length > 0)
      return this.show(response, 400, 'resolution', { ...page, ...fields.summary(RESOLUTION_INPUTS) });
    const recorded = await this.resolutionIds(meetingId);
    const resolutionId = generatedId([meetingId, minuteNo ?? `r${recorded.size + 1}`], recorded);
    const sent = await this.send(request, response, 'resolution', page, RESOLUTION_INPUTS, () =>
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
    );
    if (sent) response.redirect(303, `/decisions/meetings/${meetingId}#${resolutionId}`);
  }

  /** The ids of the approvals recorded for the instrument (a new approval's id must differ). */
  private async approvalIds(kind: InstrumentKind, id: string): Promise<Set<string>> {
    const provenance = (await this.queries.execute(new ProvenanceQuery(kind, id))) as {
      approvals: { approvalId: string }[];
    };
    return new Set(provenance.approvals.map((a) => a.approvalId));
  }

  /** The ids of the consultations recorded (an id is unique across instruments' consultations). */
  private async consultationIds(): Promise<Set<string>> {
    const { acts } = (await this.queries.execute(new ListGovernanceActsQuery())) as { acts: GovernanceAct[] };
    return new Set(acts.filter((act) => act.kind === 'consultation').map((act) => act.id));
  }

  /** The ids of the meeting's resolutions. */
  private async resolutionIds(meetingId: string): Promise<Set<string>> {
    const meeting = (await this.queries.execute(new GetMeetingQuery(meetingId))) as {
      resolutions: { resolutionId: string }[];
    };
    return new Set(meeting.resolutions.map((r) => r.resolutionId));
  }

  /** The acting person: the page session's only (a form never names who acts). */
  private person(request: Request): string {
    const personId = request.identity?.personId;
    if (typeof personId !== 'string')
      throw new Problem(
        403,
        'no-person',
        'Your session names no person',
        'approvals and consultations are recorded by the person who acts: sign in with your person id',
      );
    return personId;
  }

  /** Sends the command; a refusal re-renders the form with its error summary (and false), recording nothing. */
  private async send(
    request: Request,
    response: Response,
    form: string,
    page: object,
    inputs: Record<string, string>,
    command: () => Promise<unknown>,
  ): Promise<boolean> {
    try {
      await command();
      return true;
    } catch (error) {
      const { problem, errorList, fieldErrors } = errorSummaryOf(error, inputs, request.path);
      if (problem.status >= 500) throw error;
      this.show(response, problem.status, form, { ...page, errorList, fieldErrors });
      return false;
    }
  }

  private show(response: Response, status: number, form: string, context: Record<string, unknown>): void {
    response.status(status).render(`features/decisions/${form}-form.njk`, {
      section: 'decisions',
      formKey: newFormKey(),
      ...context,
    });
  }
}
