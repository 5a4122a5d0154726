import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  PassResolution,
  claimResolutionId,
  evolveMeeting,
  evolveResolutionIndex,
  meetingStream,
  passResolution,
  resolutionStream,
} from '@bcl/domain-governance';
import { recordedIn } from '@bcl/domain-registry/facts';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { StreamFacts } from '../../event-log/stream-facts';

export class PassResolutionCommand {
  constructor(
    readonly input: PassResolution,
    readonly context: CommandContext,
  ) {}
}

/**
 * Two appends: the resolution's own stream is claimed for the meeting (so the id is unique and its meeting
 * can be found from the log), then the meeting records the resolution. The pass is decided first, so a refused
 * resolution claims nothing; a retry after the claim alone finds the claim its own and completes.
 */
@CommandHandler(PassResolutionCommand)
export class PassResolutionHandler implements ICommandHandler<PassResolutionCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  async execute({ input, context }: PassResolutionCommand): Promise<WriteResult> {
    const { resolutionId, meetingId } = input;
    const pass = {
      stream: meetingStream(meetingId),
      evolve: evolveMeeting,
      gather: async () => ({
        index: await this.facts.resolutionIndex(resolutionId),
        earlier: input.approvesMinutesOf ? await this.facts.meeting(input.approvesMinutesOf) : undefined,
        posts: await this.facts.recorded(input.authorises?.posts ?? [], this.facts.post),
      }),
      decide: (state: Parameters<typeof passResolution>[0], { index, earlier, posts }: Gathered) =>
        passResolution(state, input, {
          resolutionExists: () =>
            (index !== undefined && index.meetingId !== meetingId) ||
            (state?.resolutions.some((r) => r.resolutionId === resolutionId) ?? false),
          meeting: () => earlier,
          postExists: recordedIn(posts),
        }),
      effectiveOn: (meeting: { date: string } | undefined) => meeting?.date,
      context,
    };
    // a log from before resolutions had streams holds resolutions with no claim: claim them, then refuse as before
    const meeting = await this.facts.meeting(meetingId);
    if (!meeting?.resolutions.some((r) => r.resolutionId === resolutionId)) await this.writer.check(pass);
    await this.writer.execute({
      stream: resolutionStream(resolutionId),
      evolve: evolveResolutionIndex,
      decide: (state) => claimResolutionId(state, { resolutionId, meetingId }),
      context: { ...context, ifMatch: undefined },
    });
    return this.writer.execute(pass);
  }
}

interface Gathered {
  index: Awaited<ReturnType<StreamFacts['resolutionIndex']>>;
  earlier: Awaited<ReturnType<StreamFacts['meeting']>>;
  posts: Set<string>;
}
