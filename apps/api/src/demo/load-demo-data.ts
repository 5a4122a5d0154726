import { DomainError } from '@bcl/kernel';
import { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventStore } from '@bcl/event-store';
import { EVENT_STORE } from '@bcl/application';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPlanInput } from '@bcl/plan-import';
import { CommandContext, WriteResult } from '@bcl/application';
import { RegisterOrganisationCommand } from '../registry/use-cases/register-organisation';
import { RenameOrganisationCommand } from '../registry/use-cases/rename-organisation';
import { RecordSuccessionCommand } from '../registry/use-cases/record-succession';
import { DefineHwbAreaCommand } from '../registry/use-cases/define-hwb-area';
import { AddAreaMemberCommand } from '../registry/use-cases/add-area-member';
import { RegisterPersonCommand } from '../registry/use-cases/register-person';
import { CreatePostCommand } from '../registry/use-cases/create-post';
import { AppointPostHolderCommand } from '../registry/use-cases/appoint-post-holder';
import { RecordAgreementCommand } from '../fund/use-cases/establish-or-vary-agreement';
import { OpenPoolYearCommand } from '../fund/use-cases/open-pool-year';
import { PostFundTransactionCommand } from '../fund/use-cases/post-transaction';
import { RecordFundEntryCommand } from '../fund/use-cases/record-fund-entry';
import { ImportPlanCommand } from '../plans/use-cases/import-plan';
import { AcceptPlanWarningCommand } from '../plans/use-cases/accept-plan-warning';

import { EstablishBodyCommand } from '../governance/use-cases/establish-body';
import { AssignSeatCommand } from '../governance/use-cases/assign-seat';
import { RecordMeetingCommand } from '../governance/use-cases/record-meeting';
import { RecordAttendanceCommand } from '../governance/use-cases/record-attendance';
import { DeclareInterestsCommand } from '../governance/use-cases/declare-interests';
import { PassResolutionCommand, RecordApprovalCommand } from '@bcl/application';
import { GrantDelegationCommand } from '../governance/use-cases/grant-delegation';
import { ReportBackCommand } from '../governance/use-cases/report-back';
import { IssueReturnCommand } from '../returns/use-cases/issue-return';
import { FillReturnCommand } from '../returns/use-cases/fill-return';
import { ValidateReturnCommand } from '../returns/use-cases/validate-return';
import { SubmitReturnCommand } from '../returns/use-cases/submit-return';
import { DemoCommand, DemoInputs, DemoStep, demoDirectory, readDemoData } from './demo-files';
import { readReturnValues } from './demo-returns';

/** The fixture loader writes as itself, under the authority of the fixture file. */
const FIXTURE_ACTOR = { id: 'system:demo-data', authority: 'fixture:demo-data' };

type Make<K extends DemoCommand> = (
  input: DemoInputs[K],
  context: CommandContext,
  demo: string,
  effectiveOn: string | null,
) => Promise<object>;

/** Each command a demo step may name, and the command the API's handlers take for it. */
const COMMANDS: { [K in DemoCommand]: Make<K> } = {
  RegisterOrganisation: async (input, context) => new RegisterOrganisationCommand(input, context),
  RenameOrganisation: async (input, context) => new RenameOrganisationCommand(input, context),
  RecordSuccession: async (input, context) => new RecordSuccessionCommand(input, context),
  DefineHwbArea: async (input, context) => new DefineHwbAreaCommand(input, context),
  AddAreaMember: async (input, context) => new AddAreaMemberCommand(input, context),
  RegisterPerson: async (input, context) => new RegisterPersonCommand(input, context),
  CreatePost: async (input, context) => new CreatePostCommand(input, context),
  AppointPostHolder: async (input, context) => new AppointPostHolderCommand(input, context),
  EstablishBody: async (input, context) => new EstablishBodyCommand(input, context),
  AssignSeat: async (input, context) => new AssignSeatCommand(input, context),
  RecordMeeting: async (input, context) => new RecordMeetingCommand(input, context),
  RecordAttendance: async (input, context) => new RecordAttendanceCommand(input, context),
  DeclareInterests: async (input, context) => new DeclareInterestsCommand(input, context),
  PassResolution: async (input, context) => new PassResolutionCommand(input, context),
  GrantDelegation: async (input, context) => new GrantDelegationCommand(input, context),
  RecordApproval: async (input, context) => new RecordApprovalCommand(input, context),
  ReportBack: async (input, context) => new ReportBackCommand(input, context),
  RecordAgreement: async (input, context) => new RecordAgreementCommand(input, context),
  OpenPoolYear: async (input, context) => new OpenPoolYearCommand(input, context),
  PostFundTransaction: async ({ poolId, year, transaction }, context) =>
    new PostFundTransactionCommand(poolId, year, transaction, context),
  RecordFundEntry: async ({ poolId, year, entry }, context) =>
    new RecordFundEntryCommand(poolId, year, entry, context),
  ImportPlan: async ({ file, format }, context, demo, effectiveOn) => {
    const { command } = await readPlanInput(readFileSync(join(demo, file)), format);
    return new ImportPlanCommand(command, context, effectiveOn);
  },
  AcceptPlanWarning: async (input, context, _demo, effectiveOn) =>
    new AcceptPlanWarningCommand(input, context, effectiveOn),
  IssueReturn: async (input, context, _demo, effectiveOn) =>
    new IssueReturnCommand(input, context, effectiveOn),
  EnterReturnValues: async ({ returnId, file }, context, demo, effectiveOn) =>
    new FillReturnCommand(
      returnId,
      { values: readReturnValues(demo, file), enteredBy: context.actor.id },
      context,
      effectiveOn,
    ),
  ValidateReturn: async ({ returnId }, context, _demo, effectiveOn) =>
    new ValidateReturnCommand(returnId, context, effectiveOn),
  SubmitReturn: async ({ returnId, ...input }, context) => new SubmitReturnCommand(returnId, input, context),
};

const toCommand = <K extends DemoCommand>(step: DemoStep<K>, context: CommandContext, demo: string) =>
  (COMMANDS[step.command] as Make<K>)(step.input, context, demo, step.effectiveOn);

/**
 * Loads the demo data (the repository's `demo/` folder): the registry, then (unless `scope` is 'registry') the
 * Kent and Medway plans, the governance record and the pooled funds, through the same command handlers as the
 * API. Every file is checked before anything is written. A step the record already holds (its idempotency key) is
 * answered as recorded and writes nothing; a step refused is an error naming it. Returns how many steps wrote. Start-up uses `loadDemoDataIntoEmptyStore`, never this over a store
 * that has moved on (a step replayed over a user's later change collides with it).
 */
export async function loadDemoData(commands: CommandBus, scope: 'all' | 'registry' = 'all'): Promise<number> {
  const demo = demoDirectory();
  const files = readDemoData(demo).filter(({ file }) => scope === 'all' || file === 'registry.json');
  let written = 0;
  for (const { steps } of files)
    for (const step of steps) {
      const context: CommandContext = {
        actor: FIXTURE_ACTOR,
        correlationId: `demo-data-${step.key}`,
        reason: step.reason,
        evidence: { citations: step.citations, assumed: step.assumed ?? null },
        idempotencyKey: step.key,
      };
      try {
        const result = await commands.execute<object, WriteResult>(await toCommand(step, context, demo));
        if (result.position !== null) written += 1;
      } catch (error) {
        // A refused step is a defect in the demo data, never skipped: what follows would rest on a fact not recorded.
        if (error instanceof DomainError)
          throw new Error(`demo step '${step.key}' (${step.command}) was refused: ${error.message}`, {
            cause: error,
          });
        throw error;
      }
    }
  return written;
}

/** What start-up did with the demo data. */
export type DemoDataOutcome =
  { loaded: true; written: number } | { loaded: false; headPosition: bigint | null; reason: string };

/**
 * Loads the demo data only into an empty log (no event at all): the demo is a starting point, loaded once, and
 * never re-applied over a store that holds anything, a user's own changes included. A store that is not empty is
 * left as it is, and the outcome says why.
 */
export async function loadDemoDataIntoEmptyStore(
  app: INestApplicationContext,
  scope: 'all' | 'registry' = 'all',
): Promise<DemoDataOutcome> {
  const headPosition = await app.get<EventStore>(EVENT_STORE).headPosition();
  if (headPosition !== null)
    return {
      loaded: false,
      headPosition,
      reason: `the store is not empty (its log ends at position ${headPosition})`,
    };
  return { loaded: true, written: await loadDemoData(app.get(CommandBus), scope) };
}

/** The start-up line for the outcome. */
export function describeDemoData(outcome: DemoDataOutcome | 'off'): string {
  if (outcome === 'off') return 'not loaded (LEDGER_DEMO_DATA=off)';
  if (outcome.loaded) return `loaded into the empty store (${outcome.written} steps recorded)`;
  return `not loaded: ${outcome.reason}`;
}
