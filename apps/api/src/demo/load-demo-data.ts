import { CommandBus } from '@nestjs/cqrs';
import { DomainError } from '@bcl/domain-registry';
import { CommandContext } from '../ledger/ledger-writer';
import { RegisterOrganisationCommand } from '../registry/commands/register-organisation';
import { RenameOrganisationCommand } from '../registry/commands/rename-organisation';
import { RecordSuccessionCommand } from '../registry/commands/record-succession';
import { DefineHwbAreaCommand } from '../registry/commands/define-hwb-area';
import { AddAreaMemberCommand } from '../registry/commands/add-area-member';
import { RegisterPersonCommand } from '../registry/commands/register-person';
import { CreatePostCommand } from '../registry/commands/create-post';
import { AppointPostHolderCommand } from '../registry/commands/appoint-post-holder';
import { FixtureStep, REGISTRY_FIXTURES } from './registry-fixtures';

/** The fixture loader writes as itself, under the authority of the fixture file. */
const FIXTURE_ACTOR = { id: 'system:demo-data', authority: 'fixture:registry-fixtures' };

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

/**
 * Loads the registry fixtures through the same command handlers as the API. Safe to run at every start:
 * a step the record already holds is refused as a conflict and skipped. Returns how many steps wrote.
 */
export async function loadDemoData(commands: CommandBus): Promise<number> {
  let written = 0;
  for (const [index, step] of REGISTRY_FIXTURES.entries()) {
    const context: CommandContext = {
      actor: FIXTURE_ACTOR,
      correlationId: `demo-data-${index}`,
      reason: step.reason,
      idempotencyKey: `registry-fixture-${index}`,
    };
    try {
      await commands.execute(toCommand(step, context));
      written += 1;
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
    }
  }
  return written;
}
