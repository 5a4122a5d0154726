import { DomainError } from '@bcl/kernel';
import { CommandBus } from '@nestjs/cqrs';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readPlanInput } from '@bcl/plan-import';
import { CommandContext, WriteResult } from '../ledger/ledger-writer';
import { RegisterOrganisationCommand } from '../registry/commands/register-organisation';
import { RenameOrganisationCommand } from '../registry/commands/rename-organisation';
import { RecordSuccessionCommand } from '../registry/commands/record-succession';
import { DefineHwbAreaCommand } from '../registry/commands/define-hwb-area';
import { AddAreaMemberCommand } from '../registry/commands/add-area-member';
import { RegisterPersonCommand } from '../registry/commands/register-person';
import { CreatePostCommand } from '../registry/commands/create-post';
import { AppointPostHolderCommand } from '../registry/commands/appoint-post-holder';
import { FixtureStep, REGISTRY_FIXTURES } from './registry-fixtures';
import { GOVERNANCE_FIXTURES, GovernanceFixtureStep } from './governance-fixtures';
import { FUND_FIXTURES, FundFixtureStep } from './fund-fixtures';
import { RecordAgreementCommand } from '../fund/commands/record-agreement';
import { OpenPoolYearCommand } from '../fund/commands/open-pool-year';
import { PostFundTransactionCommand } from '../fund/commands/post-fund-transaction';
import { RecordFundEntryCommand } from '../fund/commands/record-fund-entry';
import { ImportPlanCommand } from '../plans/commands/import-plan';
import { EstablishBodyCommand } from '../governance/commands/establish-body';
import { AssignSeatCommand } from '../governance/commands/assign-seat';
import { RecordMeetingCommand } from '../governance/commands/record-meeting';
import { RecordAttendanceCommand } from '../governance/commands/record-attendance';
import { DeclareInterestsCommand } from '../governance/commands/declare-interests';
import { PassResolutionCommand } from '../governance/commands/pass-resolution';
import { GrantDelegationCommand } from '../governance/commands/grant-delegation';
import { RecordApprovalCommand } from '../governance/commands/record-approval';
import { ReportBackCommand } from '../governance/commands/report-back';

/** The fixture loader writes as itself, under the authority of the fixture file. */
const FIXTURE_ACTOR = { id: 'system:demo-data', authority: 'fixture:demo-data' };

function toCommand(step: FixtureStep, context: CommandContext) {
  switch (step.kind) {
    case 'organisation':
      return new RegisterOrganisationCommand(step.command, context);
    case 'rename':
      return new RenameOrganisationCommand(step.command, context);
    case 'succession':
      return new RecordSuccessionCommand(step.command, context);
    case 'area':
      return new DefineHwbAreaCommand(step.command, context);
    case 'member':
      return new AddAreaMemberCommand(step.command, context);
    case 'person':
      return new RegisterPersonCommand(step.command, context);
    case 'post':
      return new CreatePostCommand(step.command, context);
    case 'holder':
      return new AppointPostHolderCommand(step.command, context);
  }
}

function toGovernanceCommand(step: GovernanceFixtureStep, context: CommandContext) {
  switch (step.kind) {
    case 'body':
      return new EstablishBodyCommand(step.command, context);
    case 'seat':
      return new AssignSeatCommand(step.command, context);
    case 'meeting':
      return new RecordMeetingCommand(step.command, context);
    case 'attendance':
      return new RecordAttendanceCommand(step.command, context);
    case 'declarations':
      return new DeclareInterestsCommand(step.command, context);
    case 'resolution':
      return new PassResolutionCommand(step.command, context);
    case 'delegation':
      return new GrantDelegationCommand(step.command, context);
    case 'approval':
      return new RecordApprovalCommand(step.command, context);
    case 'report-back':
      return new ReportBackCommand(step.command, context);
  }
}

function toFundCommand(step: FundFixtureStep, context: CommandContext) {
  switch (step.kind) {
    case 'agreement':
      return new RecordAgreementCommand({ ...step.command, summary: null }, context);
    case 'open':
      return new OpenPoolYearCommand(step.command, context);
    case 'transaction':
      return new PostFundTransactionCommand(step.poolId, step.year, step.command, context);
    case 'figure':
      return new RecordFundEntryCommand(
        step.poolId,
        step.year,
        { kind: 'figure', figure: step.command },
        context,
      );
  }
}

/** The plan documents the demo imports (the same files the tests use): Kent and Medway 2017-19. */
const DEMO_PLANS = ['kent-2017-19.json', 'medway-2017-19.json'];

function fixturesDirectory(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir))
    if (existsSync(join(dir, 'test/fixtures/plans'))) return join(dir, 'test/fixtures/plans');
  throw new Error('cannot find test/fixtures/plans above ' + __dirname);
}

/**
 * Loads the registry fixtures, then (unless `scope` is 'registry') the Kent and Medway plans, the governance
 * fixtures and the pooled-fund fixtures, through the same command handlers as the API. Safe to run at every start:
 * a step the record already holds is refused as a conflict and skipped. Returns how many steps wrote.
 */
export async function loadDemoData(commands: CommandBus, scope: 'all' | 'registry' = 'all'): Promise<number> {
  let written = 0;
  const run = async (command: object) => {
    try {
      const result = await commands.execute<object, WriteResult>(command);
      if (result.position !== null) written += 1;
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
    }
  };
  const context = (key: string, reason: string): CommandContext => ({
    actor: FIXTURE_ACTOR,
    correlationId: `demo-data-${key}`,
    reason,
    idempotencyKey: key,
  });
  for (const [index, step] of REGISTRY_FIXTURES.entries())
    await run(toCommand(step, context(`registry-fixture-${index}`, step.reason)));
  if (scope === 'registry') return written;
  const plans = fixturesDirectory();
  for (const file of DEMO_PLANS) {
    const { command } = await readPlanInput(readFileSync(join(plans, file)), 'json');
    await run(
      new ImportPlanCommand(
        command,
        context(`plan-fixture-${file}`, `demo plan: test/fixtures/plans/${file}`),
      ),
    );
  }
  for (const [index, step] of GOVERNANCE_FIXTURES.entries())
    await run(toGovernanceCommand(step, context(`governance-fixture-${index}`, step.reason)));
  for (const [index, step] of FUND_FIXTURES.entries())
    await run(toFundCommand(step, context(`fund-fixture-${index}`, step.reason)));
  return written;
}
