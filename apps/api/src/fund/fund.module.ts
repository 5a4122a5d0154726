import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { FundController } from './fund.controller';
import { RecordAgreementHandler } from './commands/record-agreement';
import { OpenPoolYearHandler } from './commands/open-pool-year';
import { PostFundTransactionHandler } from './commands/post-fund-transaction';
import { RecordFundEntryHandler } from './commands/record-fund-entry';
import { GetAgreementHandler, PoolYearPositionHandler, PoolYearReportsHandler } from './queries/fund-queries';

/** Section 75 agreements and the double-entry pooled-fund ledger: positions, reconciliation, partner views. */
@Module({
  imports: [CqrsModule],
  controllers: [FundController],
  providers: [
    RecordAgreementHandler,
    OpenPoolYearHandler,
    PostFundTransactionHandler,
    RecordFundEntryHandler,
    PoolYearPositionHandler,
    PoolYearReportsHandler,
    GetAgreementHandler,
  ],
})
export class FundModule {}
