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
import { StorageFullError } from '@bcl/event-store';
import { DomainError } from '@bcl/kernel';
import {
  CommandContext,
  EventLogWriter,
  RecordedButNotReadable,
  WriteResult,
} from '../../event-log/event-log-writer';
import { StreamFacts } from '../../event-log/stream-facts';
import { Problem } from '../../problem';

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
    // Refusals first, recording nothing; then the claim (which makes the id unique across meetings), then the
    // resolution. A retry with the same Idempotency-Key finds its own claim and completes. Resolutions from a
    // log written before claims existed are claimed by `bcl migrate claim-resolutions`.
    await this.writer.check(pass);
    const claim = await this.writer.execute({
      stream: resolutionStream(resolutionId),
      evolve: evolveResolutionIndex,
      decide: (state) => claimResolutionId(state, { resolutionId, meetingId }),
      context: { ...context, ifMatch: undefined },
      awaitViews: false,
    });
    try {
      return await this.writer.execute(pass);
    } catch (error) {
      // The claim is in the log (appended now, or by an earlier attempt with this key), so "nothing was
      // recorded" would be false: unless the meeting holds the resolution after all (or it was recorded and
      // only its read model is behind), the answer says the write stopped half way.
      if (claim.position === null || error instanceof RecordedButNotReadable) throw error;
      const recorded = await this.facts.meeting(meetingId).then(
        (meeting) => meeting?.resolutions.some((r) => r.resolutionId === resolutionId) ?? false,
        () => undefined,
      );
      if (recorded === true) throw error;
      throw new ResolutionIncomplete(claim, meetingId, resolutionId, recorded === false, error);
    }
  }
}

/**
 * The resolution's id was claimed for the meeting (the claim is recorded), but the meeting's append failed:
 * the route answers 202 with `incomplete: true`, never a problem that would say nothing was recorded.
 */
export class ResolutionIncomplete extends Error {
  constructor(
    readonly claim: WriteResult,
    readonly meetingId: string,
    readonly resolutionId: string,
    /** False when the meeting could not be read after the failure: whether it holds the resolution is unknown. */
    readonly knownNotRecorded: boolean,
    readonly failure: unknown,
  ) {
    super(`resolution '${resolutionId}' is claimed for meeting '${meetingId}', but not recorded there`);
  }

  /** Why the meeting's append failed, in words safe to show a client (no store locations). */
  get why(): string {
    const failure = this.failure;
    if (failure instanceof StorageFullError) return "the ledger's storage is full";
    if (failure instanceof Problem) return failure.detail;
    if (failure instanceof DomainError) return failure.message;
    return "the meeting's append failed unexpectedly";
  }
}

interface Gathered {
  index: Awaited<ReturnType<StreamFacts['resolutionIndex']>>;
  earlier: Awaited<ReturnType<StreamFacts['meeting']>>;
  posts: Set<string>;
}
