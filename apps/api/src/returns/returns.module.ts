import { Module, Provider, Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AreaReturnsController, ReturnsController } from './returns.controller';
import { ISSUE_RETURN } from './use-cases/issue-return';
import { FILL_RETURN } from './use-cases/fill-return';
import { AMEND_PRIOR_QUARTER } from './use-cases/amend-prior-quarter';
import { VALIDATE_RETURN } from './use-cases/validate-return';
import { SUBMIT_RETURN } from './use-cases/submit-return';

/** The write use cases, one file each: request DTO, command, handler and route. */
const USE_CASES: { controllers: Type[]; providers: Provider[] }[] = [
  ISSUE_RETURN,
  FILL_RETURN,
  AMEND_PRIOR_QUARTER,
  VALIDATE_RETURN,
  SUBMIT_RETURN,
];

/**
 * Quarterly returns (BRIEF §3.3, §4.5): issued pre-populated from the ledger, filled, amended from a later
 * quarter, validated, signed off (a governance approval: `POST /api/governance/instruments/quarterly-return/
 * <returnId>/approvals`), submitted and then locked; read as submitted or as restated, from any viewpoint.
 */
@Module({
  imports: [CqrsModule],
  controllers: [...USE_CASES.flatMap((u) => u.controllers), ReturnsController, AreaReturnsController],
  providers: [...USE_CASES.flatMap((u) => u.providers)],
})
export class ReturnsModule {}
