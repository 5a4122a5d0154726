import {
  CalendarDate,
  FinancialYear,
  Quarter,
  QUARTERS,
  isFinancialYear,
  refuse,
  yearBounds,
} from '@bcl/kernel';
import { ReturnTemplate } from '../template/return-template';
import { CellsRefused } from './cells-refused';
import {
  Cell,
  Deadline,
  QuarterlyReturnState,
  ReturnEvent,
  returnIdOf,
  returnStream,
} from './quarterly-return';
import { quarterFields } from './template-fields';
import { valueProblems } from './value-rules';

export interface IssueReturn {
  /** Where given, it must be `returnIdOf(areaId, financialYear, quarter)`. */
  returnId?: string;
  areaId: string;
  financialYear: FinancialYear;
  quarter: Quarter;
  templateVersion: string;
  /** The date the issue takes effect, where the caller gives one: not before the financial year begins. */
  issuedOn?: CalendarDate;
}

/** What issuing reads besides the command: the template, the ledger's pre-filled cells, Q(n−1) and the deadline. */
export interface IssueFacts {
  template: ReturnTemplate;
  /** The cells the ledger pre-fills (registry, fund, plan, reference data), each with its source. */
  prepopulated: Record<string, Cell>;
  /** The previous quarter's return of the same area and year (null when none is issued, and for Q1). */
  previous: Pick<
    QuarterlyReturnState,
    'returnId' | 'areaId' | 'financialYear' | 'quarter' | 'cells' | 'submitted'
  > | null;
  deadline: Deadline;
}

/**
 * Issues a quarter's return, pre-populated (BRIEF §3.3): Qn (n > 1) only once Q(n−1) of the same area and year
 * is submitted. Each carried field (I&E figures) takes the previous return's value, with a `previous-return`
 * source naming the event of that return's stream that recorded it (its issue, for a value it pre-filled);
 * a carried field the previous return left empty keeps the ledger's value.
 */
export function issueReturn(
  state: QuarterlyReturnState | undefined,
  command: IssueReturn,
  facts: IssueFacts,
): ReturnEvent[] {
  const { areaId, financialYear, quarter, templateVersion } = command;
  const { template, previous, deadline } = facts;
  if (!isFinancialYear(financialYear))
    refuse('invalid', 'financialYear', 'must be a financial year such as 2016-17');
  if (!QUARTERS.includes(quarter)) refuse('invalid', 'quarter', 'must be 1, 2, 3 or 4');
  const returnId = returnIdOf(areaId, financialYear, quarter);
  if (command.returnId !== undefined && command.returnId !== returnId)
    refuse('invalid', 'returnId', `must be '${returnId}' (the area, the year and the quarter)`);
  if (state) refuse('conflict', 'returnId', `return '${returnId}' is already issued`);
  const yearStart = yearBounds(financialYear).start;
  if (command.issuedOn !== undefined && command.issuedOn < yearStart)
    refuse(
      'invalid',
      'effectiveOn',
      `a ${financialYear} return cannot be issued before the year begins (${yearStart}), not on ${command.issuedOn}`,
    );
  if (template.templateVersion !== templateVersion)
    refuse(
      'invalid',
      'templateVersion',
      `the template read is '${template.templateVersion}', not '${templateVersion}'`,
    );
  if (template.financialYear !== financialYear)
    refuse(
      'invalid',
      'templateVersion',
      `template '${templateVersion}' is for ${template.financialYear}, not ${financialYear}`,
    );
  if (Number.isNaN(Date.parse(deadline.at)))
    refuse('invalid', 'deadline', `'${deadline.at}' is not an ISO 8601 instant`);
  let previousReturnId: string | null = null;
  if (quarter > 1) {
    const expected = returnIdOf(areaId, financialYear, (quarter - 1) as Quarter);
    if (previous === null || previous.submitted === null)
      refuse(
        'conflict',
        'quarter',
        `issue and submit Q${quarter - 1} first: return '${expected}' is ${previous === null ? 'not issued' : 'not submitted'}`,
      );
    if (previous.returnId !== expected)
      refuse('invalid', 'previous', `the previous return read is '${previous.returnId}', not '${expected}'`);
    previousReturnId = previous.returnId;
  }
  const problems = valueProblems(
    template,
    quarter,
    Object.fromEntries(Object.entries(facts.prepopulated).map(([field, cell]) => [field, cell.value])),
  );
  if (problems.length > 0) throw new CellsRefused(problems);
  const prepopulated: Record<string, Cell> = { ...facts.prepopulated };
  if (previous !== null && previousReturnId !== null)
    for (const field of quarterFields(template, quarter).filter((f) => f.carried)) {
      const carried = previous.cells[field.id];
      if (carried === undefined || carried.value === null) continue;
      prepopulated[field.id] = { value: carried.value, from: carriedFrom(previous.returnId, carried) };
    }
  return [
    {
      type: 'ReturnIssued',
      data: {
        returnId,
        areaId,
        financialYear,
        quarter,
        templateVersion,
        previousReturnId,
        deadline,
        prepopulated,
      },
    },
  ];
}

/** The previous return's event that recorded a value: its entry or amendment, else its issue (revision 0). */
function carriedFrom(previousReturnId: string, cell: Cell): Cell['from'] {
  const stream = returnStream(previousReturnId);
  const own = (cell.from.kind === 'entered' || cell.from.kind === 'amended') && cell.from.stream === stream;
  return {
    kind: 'previous-return',
    returnId: previousReturnId,
    stream,
    revision: own ? (cell.from as { revision: number }).revision : 0,
    position: own ? (cell.from as { position: string | null }).position : null,
  };
}
