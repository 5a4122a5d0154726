import { Body, Post } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CalendarDate, FinancialYear, Quarter } from '@bcl/kernel';
import { EventStore } from '@bcl/event-store';
import { Inject } from '@nestjs/common';
import { returnIdOf, returnStream } from '@bcl/domain-returns';
import { gatherIssueFacts } from '@bcl/quarterly-returns';
import { AllowRoles } from '@bcl/application';
import { CommandContext, EventLogWriter, WriteResult } from '@bcl/application';
import { EVENT_STORE } from '@bcl/application';
import { StreamFacts } from '@bcl/application';
import { Problem } from '@bcl/application';
import { todayInEngland } from '@bcl/application';
import { OperationId, WriteContext, WriteRequest, WriteRoutes } from '../../http/write-route';
import { IssueReturnDto } from '../dto/return.dto';
import { ReturnContext, templateVersionOf } from '@bcl/application';
import { COMPLETERS, ReturnRoute } from '../return-route';
import { evolveReturn, issueReturn } from '@bcl/domain-returns';

export class IssueReturnCommand {
  constructor(
    readonly input: { areaId: string; financialYear: FinancialYear; quarter: Quarter },
    readonly context: CommandContext,
    readonly effectiveOn: CalendarDate | null,
  ) {}
}

/** Issues a quarter's return pre-populated from the ledger: Q2-Q4 only once the previous quarter's is submitted. */
@CommandHandler(IssueReturnCommand)
export class IssueReturnHandler implements ICommandHandler<IssueReturnCommand, WriteResult> {
  constructor(
    private readonly writer: EventLogWriter,
    private readonly returns: ReturnContext,
    private readonly facts: StreamFacts,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ input, context, effectiveOn }: IssueReturnCommand): Promise<WriteResult> {
    const on = effectiveOn ?? todayInEngland();
    const returnId = returnIdOf(input.areaId, input.financialYear, input.quarter);
    return this.writer.execute({
      stream: returnStream(returnId),
      evolve: evolveReturn,
      gather: async () => {
        if (!(await this.facts.area(input.areaId)))
          throw new Problem(
            422,
            'domain-invalid',
            'Unknown area',
            `area '${input.areaId}' is not in the registry`,
            [{ field: 'areaId', reason: `area '${input.areaId}' is not in the registry` }],
          );
        const template = this.returns.template(templateVersionOf(input.financialYear));
        return {
          template,
          ...(await gatherIssueFacts(this.store, { ...input, template, on }, this.returns.deadlines)),
        };
      },
      decide: (state, { template, ...facts }) =>
        issueReturn(
          state,
          { ...input, templateVersion: template.templateVersion, issuedOn: on },
          { template, ...facts },
        ),
      effectiveOn: on,
      context,
    });
  }
}

@WriteRoutes('returns')
export class IssueReturnRoute extends ReturnRoute {
  /** Issues a return (201, `Location` the return), pre-filled from the ledger, each value with its source. */
  @Post()
  @AllowRoles(...COMPLETERS)
  @OperationId('ReturnsController', 'issue')
  issue(@Body() { reason, effectiveOn, ...input }: IssueReturnDto, @WriteContext() request: WriteRequest) {
    const returnId = returnIdOf(input.areaId, input.financialYear, input.quarter);
    return this.writeReturn(
      returnId,
      new IssueReturnCommand(input, request.because(reason), effectiveOn ?? null),
      request,
      `/api/returns/${returnId}`,
    );
  }
}

export const ISSUE_RETURN = { controllers: [IssueReturnRoute], providers: [IssueReturnHandler] };
