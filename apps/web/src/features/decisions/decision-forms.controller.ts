import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Request, Response } from 'express';
import { Role } from '@bcl/identity';
import { ID_PATTERN, TEXT_LIMITS, isCalendarDate } from '@bcl/kernel';
import {
  ApprovalAuthority,
  CONSULTATION_RESPONSES,
  GOVERNANCE_LIMITS as G,
  InstrumentKind,
} from '@bcl/domain-governance';
import {
  AllowRoles,
  GovernanceAct,
  ListGovernanceActsQuery,
  ProvenanceQuery,
  RecordApprovalCommand,
  RecordConsultationCommand,
} from '@bcl/application';
import { PagesController } from '../../page-route';
import { formCommandContext } from '../../forms/page-form';
import { FormFields } from './decision-form-fields';
import { generatedId } from './decision-ids';
import { instrumentKindOf } from './decision.controller';
import { chairAuthoritiesFor, delegationsFor, postsHeldBy } from './decision-form-choices';
import { personOf, renderForm, sendForm } from './decision-form-support';

/** Who may record their own signature or consultation, as the API allows: anyone who acts in a post, not auditors. */
const SIGNERS: Role[] = ['governance-officer', 'programme-lead', 'finance-officer'];

/** Each form's fields (as the API names them) and the id of the input that gives each. */
const CONSULTATION_INPUTS = {
  version: 'version',
  delegationId: 'delegation',
  postId: 'postId',
  on: 'on',
  response: 'response',
  note: 'note',
  reason: 'reason',
  authority: 'delegation',
  'instrument.version': 'version',
};
const APPROVAL_INPUTS = {
  version: 'version',
  actingPostId: 'actingPostId',
  authority: 'authority',
  'authority.kind': 'authority',
  'authority.id': 'authority',
  effectiveOn: 'effectiveOn',
  amount: 'amount',
  amountPence: 'amount',
  provisionalConditions: 'provisionalConditions',
  reason: 'reason',
  checks: 'version',
  'instrument.version': 'version',
};

/** The authority radio's rare choices, each with its id typed in (the listed ones carry their id in the value). */
const OTHER_DELEGATION = 'other-delegation';
const RESOLUTION = 'resolution';

type Page = { kind: InstrumentKind; id: string; values: Record<string, unknown> };

/**
 * The forms for a person's own acts on an instrument: a consultation and an approval. The date comes first (a
 * GET step), because what may be chosen depends on it: the posts the signed-in person holds that day, and the
 * delegations (or the chair's authority) those posts may use. Each form validates its fields as the API's DTO
 * does, then sends the same command as the API route; a refusal (invalid field, or the domain's: a delegation
 * not in force, a post not held) re-renders the form with the GOV.UK error summary and the refusal's status,
 * and records nothing. The acting person is the page session's.
 */
@PagesController('decisions')
export class DecisionFormsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('instruments/:kind/:id/record-consultation')
  @AllowRoles(...SIGNERS)
  async consultationForm(
    @Param('kind') kind: string,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const page = { kind: instrumentKindOf(kind), id, values: { on: query.on } };
    await this.showConsultation(request, response, 200, page, dateAsked(query.on, 'on'));
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
      delegationId: chosenDelegation(fields),
      postId: fields.id('postId'),
      on: fields.date('on'),
      response: fields.oneOf('response', CONSULTATION_RESPONSES),
      note: fields.optionalText('note', G.textLengthMax, { multiline: true }),
    };
    const reason = fields.text('reason', TEXT_LIMITS.reasonLengthMax);
    const page = { kind, id, values: body };
    if (fields.problems.length > 0)
      return this.showConsultation(request, response, 400, page, fields.summary(CONSULTATION_INPUTS));
    const { version, ...rest } = input as Required<{
      [K in keyof typeof input]: NonNullable<(typeof input)[K]>;
    }>;
    const consultationId = generatedId(
      [id, `v${version}`, rest.postId, rest.on],
      await this.consultationIds(),
    );
    const sent = await sendForm(
      request,
      CONSULTATION_INPUTS,
      () =>
        this.commands.execute(
          new RecordConsultationCommand(
            {
              ...rest,
              consultationId,
              note: input.note ?? null,
              instrument: { kind, id, version },
              personId: personOf(request),
            },
            formCommandContext(request, SIGNERS, reason!, body.formKey),
          ),
        ),
      (status, summary) => this.showConsultation(request, response, status, page, summary),
    );
    if (sent) response.redirect(303, `/decisions/instruments/${kind}/${id}#${consultationId}`);
  }

  @Get('instruments/:kind/:id/record-approval')
  @AllowRoles(...SIGNERS)
  async approvalForm(
    @Param('kind') kind: string,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const page = { kind: instrumentKindOf(kind), id, values: { effectiveOn: query.effectiveOn } };
    await this.showApproval(request, response, 200, page, dateAsked(query.effectiveOn, 'effectiveOn'));
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
    const authority = chosenAuthority(fields);
    const effectiveOn = fields.date('effectiveOn');
    const amountPence = fields.optionalPounds('amount');
    const provisionalConditions = fields.optionalText('provisionalConditions', G.textLengthMax, {
      multiline: true,
    });
    const reason = fields.text('reason', TEXT_LIMITS.reasonLengthMax);
    const page = { kind, id, values: body };
    if (fields.problems.length > 0)
      return this.showApproval(request, response, 400, page, fields.summary(APPROVAL_INPUTS));
    const approvalId = generatedId(
      [id, `v${version!}`, actingPostId!, effectiveOn!],
      await this.approvalIds(kind, id),
    );
    const sent = await sendForm(
      request,
      APPROVAL_INPUTS,
      () =>
        this.commands.execute(
          new RecordApprovalCommand(
            {
              approvalId,
              instrument: { kind, id, version: version! },
              actorPersonId: personOf(request),
              actingPostId: actingPostId!,
              authority: authority!,
              effectiveOn: effectiveOn!,
              amountPence: amountPence ?? null,
              provisionalConditions: provisionalConditions ?? null,
            },
            formCommandContext(request, SIGNERS, reason!, body.formKey),
          ),
        ),
      (status, summary) => this.showApproval(request, response, status, page, summary),
    );
    if (sent) response.redirect(303, `/decisions/instruments/${kind}/${id}/approvals/${approvalId}`);
  }

  /**
   * The approval form: without a date, the date step; with one, the posts the person holds that day and the
   * authorities they may use (no post: no form to send, and the page says why).
   */
  private async showApproval(
    request: Request,
    response: Response,
    status: number,
    page: Page,
    summary: Record<string, unknown>,
  ): Promise<void> {
    const on = page.values.effectiveOn;
    if (typeof on !== 'string' || !isCalendarDate(on))
      return renderForm(response, status, 'approval', { ...page, ...summary, step: 'date' });
    const posts = await postsHeldBy(this.queries, personOf(request), on);
    const [delegations, chairs, currentVersion] = await Promise.all([
      delegationsFor(this.queries, posts, page, on, 'delegate'),
      chairAuthoritiesFor(this.queries, posts, page.kind, on),
      this.currentVersion(page.kind, page.id),
    ]);
    renderForm(response, status, 'approval', {
      ...page,
      ...summary,
      on,
      posts,
      delegations,
      chairs,
      currentVersion,
    });
  }

  /** The consultation form: the date step, then the posts held that day and the delegations naming them as consultees. */
  private async showConsultation(
    request: Request,
    response: Response,
    status: number,
    page: Page,
    summary: Record<string, unknown>,
  ): Promise<void> {
    const on = page.values.on;
    if (typeof on !== 'string' || !isCalendarDate(on))
      return renderForm(response, status, 'consultation', { ...page, ...summary, step: 'date' });
    const posts = await postsHeldBy(this.queries, personOf(request), on);
    const [delegations, currentVersion] = await Promise.all([
      delegationsFor(this.queries, posts, page, on, 'consultee'),
      this.currentVersion(page.kind, page.id),
    ]);
    renderForm(response, status, 'consultation', {
      ...page,
      ...summary,
      on,
      posts,
      delegations,
      currentVersion,
    });
  }

  private async provenance(kind: InstrumentKind, id: string) {
    return (await this.queries.execute(new ProvenanceQuery(kind, id))) as {
      currentVersion: number | null;
      approvals: { approvalId: string }[];
    };
  }

  /** The instrument's current version, offered as the version signed (null: the ledger does not know it). */
  private async currentVersion(kind: InstrumentKind, id: string): Promise<number | null> {
    try {
      return (await this.provenance(kind, id)).currentVersion;
    } catch {
      return null;
    }
  }

  /** The ids of the approvals recorded for the instrument (a new approval's id must differ). */
  private async approvalIds(kind: InstrumentKind, id: string): Promise<Set<string>> {
    const { approvals } = await this.provenance(kind, id);
    return new Set(approvals.map((a) => a.approvalId));
  }

  /** The ids of the consultations recorded (an id is unique across instruments' consultations). */
  private async consultationIds(): Promise<Set<string>> {
    const { acts } = (await this.queries.execute(new ListGovernanceActsQuery())) as { acts: GovernanceAct[] };
    return new Set(acts.filter((act) => act.kind === 'consultation').map((act) => act.id));
  }
}

/** The date step's error, when a date was given in the address but is not a date (none when none was given). */
function dateAsked(value: unknown, field: string): Record<string, unknown> {
  if (value === undefined || value === '') return {};
  const fields = new FormFields({ [field]: value });
  fields.date(field);
  return fields.problems.length ? fields.summary({ [field]: field }) : {};
}

/** A listed id carried in a radio's value (`<prefix>:<id>`), checked as an id. */
function listedId(fields: FormFields, value: string, prefix: string, field: string): string | undefined {
  const id = value.slice(prefix.length + 1);
  if (ID_PATTERN.test(id)) return id;
  fields.problems.push({ field, reason: 'must be one of the choices listed' });
  return undefined;
}

/** The authority chosen: a listed delegation or chair's authority, or a resolution or another delegation by id. */
function chosenAuthority(fields: FormFields): ApprovalAuthority | undefined {
  const choice = fields.raw('authority');
  if (choice.startsWith('delegation:')) {
    const delegationId = listedId(fields, choice, 'delegation', 'authority.id');
    return delegationId === undefined ? undefined : { kind: 'delegation', delegationId };
  }
  if (choice.startsWith('chair:')) {
    const bodyId = listedId(fields, choice, 'chair', 'authority.id');
    return bodyId === undefined ? undefined : { kind: 'chair', bodyId };
  }
  if (choice === RESOLUTION) {
    const resolutionId = fields.id('authorityResolutionId', 'authority.id');
    return resolutionId === undefined ? undefined : { kind: 'resolution', resolutionId };
  }
  if (choice === OTHER_DELEGATION) {
    const delegationId = fields.id('authorityDelegationId', 'authority.id');
    return delegationId === undefined ? undefined : { kind: 'delegation', delegationId };
  }
  fields.problems.push({
    field: 'authority.kind',
    reason: 'is required: choose the authority you act under',
  });
  return undefined;
}

/** The delegation a consultation is under: a listed one, or another by id. */
function chosenDelegation(fields: FormFields): string | undefined {
  const choice = fields.raw('delegation');
  if (choice.startsWith('delegation:')) return listedId(fields, choice, 'delegation', 'delegationId');
  if (choice === OTHER_DELEGATION) return fields.id('otherDelegationId', 'delegationId');
  fields.problems.push({
    field: 'delegationId',
    reason: 'is required: choose the delegation you were consulted under',
  });
  return undefined;
}
