import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  AgreementTerms,
  agreementStream,
  establishAgreement,
  evolveAgreement,
  varyAgreement,
} from '@bcl/domain-fund';
import { CommandContext, EventLogWriter, WriteResult } from '../../event-log/event-log-writer';
import { recordedIn } from '@bcl/domain-registry/facts';
import { StreamFacts } from '../../event-log/stream-facts';

/** Establishes an S75 agreement (no `summary`), or varies one from a date. */
export class RecordAgreementCommand {
  constructor(
    readonly input: {
      agreementId: string;
      areaId: string | null;
      variationId: string;
      effectiveOn: string;
      summary: string | null;
      terms: AgreementTerms;
    },
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RecordAgreementCommand)
export class RecordAgreementHandler implements ICommandHandler<RecordAgreementCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly facts: StreamFacts,
  ) {}

  execute({ input, context }: RecordAgreementCommand): Promise<WriteResult> {
    const postId = input.terms.pooledFundManagerPostId;
    return this.writer.execute({
      stream: agreementStream(input.agreementId),
      evolve: evolveAgreement,
      gather: async () => ({
        organisationExists: recordedIn(
          await this.facts.recorded(input.terms.parties, this.facts.organisation),
        ),
        postExists: recordedIn(await this.facts.recorded(postId === null ? [] : [postId], this.facts.post)),
        areaExists: input.areaId !== null && (await this.facts.area(input.areaId)) !== undefined,
      }),
      decide: (state, facts) =>
        input.summary === null
          ? establishAgreement(state, { ...input, areaId: input.areaId ?? '' }, facts)
          : varyAgreement(state, { ...input, summary: input.summary }, facts),
      effectiveOn: input.effectiveOn,
      context,
    });
  }
}
