import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PassResolution, evolveMeeting, meetingStream, passResolution } from '@bcl/domain-governance';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';
import { GovernanceFacts } from '../governance-facts';

export class PassResolutionCommand {
  constructor(
    readonly input: PassResolution,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(PassResolutionCommand)
export class PassResolutionHandler implements ICommandHandler<PassResolutionCommand, WriteResult> {
  constructor(
    private readonly ledger: LedgerWriter,
    private readonly facts: GovernanceFacts,
  ) {}

  async execute({ input, context }: PassResolutionCommand): Promise<WriteResult> {
    const exists = await this.facts.resolutionExists(input.resolutionId);
    const earlier = input.approvesMinutesOf ? await this.facts.meeting(input.approvesMinutesOf) : undefined;
    const posts = await this.facts.postsExist(input.authorises?.posts ?? []);
    return this.ledger.execute({
      stream: meetingStream(input.meetingId),
      evolve: evolveMeeting,
      decide: (state) =>
        passResolution(state, input, {
          resolutionExists: () => exists,
          meeting: () => earlier,
          postExists: (id) => posts.has(id),
        }),
      effectiveOn: (meeting) => meeting?.date,
      context,
    });
  }
}
