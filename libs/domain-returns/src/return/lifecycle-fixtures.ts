import { Quarter } from '@bcl/kernel';
import { Cell, QuarterlyReturnState, ReturnEvent, ReturnSignOff, returnIdOf } from './quarterly-return';
import { evolveReturn } from './evolve-return';
import { IssueFacts, issueReturn } from './issue-return';
import { enterFields } from './enter-fields';
import { submitReturn } from './submit-return';
import { TEST_TEMPLATE } from './test-template';

/**
 * The lifecycle specs' givens: Southend-on-Sea's 2016-17 returns on the test template, driven through the
 * deciders themselves (so a given is always a history the deciders allow).
 */
export const AREA = 'southend-on-sea';
export const YEAR = '2016-17';
export const returnIdFor = (quarter: Quarter): string => returnIdOf(AREA, YEAR, quarter);

/** A cell the ledger pre-fills from an event of the pooled fund's stream. */
export const ledgerCell = (value: Cell['value'], description: string, revision = 3): Cell => ({
  value,
  from: { kind: 'ledger', description, stream: 'pooled-fund-southend-bcf-2016-17', revision, position: '42' },
});

/** What the ledger pre-fills in every quarter's return. */
export const PREPOPULATED: Record<string, Cell> = {
  'cover.hwb': {
    value: 'Southend-on-Sea',
    from: { kind: 'ledger', description: 'HWB name', stream: null, revision: null, position: null },
  },
  'ie.pooledFund': ledgerCell(90_000, 'stated pooled budget of pool southend-bcf 2016-17'),
  'ie.income.plan.q1': ledgerCell(25_000, 'stated plan income Q1 of pool southend-bcf 2016-17', 4),
  'ie.income.plan.q2': ledgerCell(26_000, 'stated plan income Q2 of pool southend-bcf 2016-17', 5),
};

/** The facts of issuing a quarter's return, after the previous one (null for Q1). */
export const issueFacts = (quarter: Quarter, previous: QuarterlyReturnState | null): IssueFacts => ({
  template: TEST_TEMPLATE,
  prepopulated: PREPOPULATED,
  previous,
  deadline: TEST_TEMPLATE.quarters[`Q${quarter}`].deadline,
});

export const issueCommand = (quarter: Quarter) => ({
  areaId: AREA,
  financialYear: YEAR,
  quarter,
  templateVersion: TEST_TEMPLATE.templateVersion,
});

/** A complete sign-off of the given version (governance's approval). */
export const signOff = (version: number): ReturnSignOff => ({
  approvalId: `approval-v${version}`,
  version,
  signedBy: 'lesley-salter',
  actingPostId: 'southend-hwb-chair',
  on: '2016-08-01',
});

export type Step = (state: QuarterlyReturnState | undefined) => ReturnEvent[];

/** Runs steps in order, each on the state the earlier ones made: every event recorded, and the final state. */
export function play(...steps: Step[]): { events: ReturnEvent[]; state: QuarterlyReturnState } {
  let state: QuarterlyReturnState | undefined;
  const events: ReturnEvent[] = [];
  for (const step of steps)
    for (const event of step(state)) {
      state = evolveReturn(state, event);
      events.push(event);
    }
  return { events, state: state! };
}

/** Issue a quarter's return. */
export const issue =
  (quarter: Quarter, previous: QuarterlyReturnState | null = null): Step =>
  (state) =>
    issueReturn(state, issueCommand(quarter), issueFacts(quarter, previous));

/** Enter values, as Nick Faint. */
export const enter =
  (values: Record<string, Cell['value']>): Step =>
  (state) =>
    enterFields(state, { values, enteredBy: 'nick-faint' }, TEST_TEMPLATE);

/** Submit the current version, signed off, with no blocking failure. */
export const submit =
  (submittedAt: string): Step =>
  (state) =>
    submitReturn(
      state,
      { submittedAt, channel: 'email to england.bettercaresupport@nhs.net', fileName: 'Southend-on-Sea HWB' },
      { signOff: signOff(state!.version), blocking: [] },
    );

/** Q1 filled (actual income Q1 £200) and submitted on time. */
export const submittedQ1 = () =>
  play(
    issue(1),
    enter({ 'ie.income.actual.q1': 20_000, 'cover.completedBy': 'nick faint' }),
    submit('2016-08-20T10:00:00Z'),
  );
