import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  AgreementTerms,
  agreementStream,
  establishAgreement,
  evolveAgreement,
  varyAgreement,
} from '@bcl/domain-fund';
import { CommandContext, LedgerWriter, WriteResult } from '../../ledger/ledger-writer';
import { FundFacts } from '../fund-facts';

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
    private readonly ledger: LedgerWriter,
    private readonly facts: FundFacts,
  ) {}

  async execute({ input, context }: RecordAgreementCommand): Promise<WriteResult> {
    const organisations = await this.facts.organisationsExist(input.terms.parties);
    const postId = input.terms.pooledFundManagerPostId;
    const managerExists = postId !== null && (await this.facts.postExists(postId));
    const areaExists = input.areaId !== null && (await this.facts.areaExists(input.areaId));
    const facts = {
      organisationExists: (id: string) => organisations.has(id),
      postExists: (id: string) => id === postId && managerExists,
      areaExists,
    };
    return this.ledger.execute({
      stream: agreementStream(input.agreementId),
      evolve: evolveAgreement,
      decide: (state) =>
        input.summary === null
          ? establishAgreement(state, { ...input, areaId: input.areaId ?? '' }, facts)
          : varyAgreement(state, { ...input, summary: input.summary }, facts),
      effectiveOn: input.effectiveOn,
      context,
    });
  }
}
