import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { FundController } from './fund.controller';
import { FundListsController } from './fund-lists.controller';
import {
  EstablishOrVaryAgreementRoute,
  RecordAgreementHandler,
} from './use-cases/establish-or-vary-agreement';
import { OpenPoolYearHandler, OpenPoolYearRoute } from './use-cases/open-pool-year';
import { PostFundTransactionHandler, PostTransactionRoute } from './use-cases/post-transaction';
import { RecordFundEntryHandler } from './use-cases/record-fund-entry';
import { ReverseTransactionRoute } from './use-cases/reverse-transaction';
import { StateFigureRoute } from './use-cases/state-figure';
import { CloseOrReopenYearRoute } from './use-cases/close-or-reopen-year';

/** Section 75 agreements and the double-entry pooled-fund ledger: positions, reconciliation, partner views. */
@Module({
  imports: [CqrsModule],
  controllers: [
    EstablishOrVaryAgreementRoute,
    OpenPoolYearRoute,
    PostTransactionRoute,
    ReverseTransactionRoute,
    StateFigureRoute,
    CloseOrReopenYearRoute,
    FundController,
    FundListsController,
  ],
  providers: [
    RecordAgreementHandler,
    OpenPoolYearHandler,
    PostFundTransactionHandler,
    RecordFundEntryHandler,
  ],
})
export class FundModule {}
