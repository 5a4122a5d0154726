import { Quarter } from '@bcl/kernel';
import { FieldValue } from '../../return/quarterly-return';
import { checkReturn } from '../check-return';
import { underCheck } from '../test-template';

/** Southend's personal health budget figures as its four 2016-17 returns give them (BRIEF §5.7, 004:1134-1140). */
const PHB: Record<Quarter, Record<string, FieldValue>> = {
  1: { rate: '13', population: 180_589 },
  2: { rate: '13.3', population: 180_589 },
  3: { rate: '13.3', population: 180_589 },
  4: { rate: '13', population: 182_046 },
};
const southend = (q: Quarter): Record<string, FieldValue> => ({
  'additional.phb.total': 24,
  'additional.phb.new': 7,
  'additional.phb.stopped': 17,
  'additional.phb.chcPercent': '94',
  'additional.phb.ratePer100k': PHB[q].rate!,
  'additional.phb.population': PHB[q].population!,
});
const COMPLETED: Record<Quarter, string> = {
  1: '2016-08-26',
  2: '2016-11-25',
  3: '2017-03-03',
  4: '2017-05-31',
};

const outcomes = (q: Quarter) => {
  const earlier = Object.fromEntries(
    ([1, 2, 3] as Quarter[]).filter((e) => e < q).map((e) => [e, southend(e)]),
  );
  const checks = checkReturn(underCheck(q, southend(q), { earlier, completedOn: COMPLETED[q] }));
  return Object.fromEntries(
    [
      'R1:additional.phb.total',
      'R2:additional.phb.chcPercent',
      'R3:additional.phb.ratePer100k',
      'R6:additional.openApi.goLive.gp',
    ].map((id) => [id.split(':')[0], checks.find((c) => c.checkId === id)?.outcome]),
  );
};

describe("Southend's 2016-17 PHB figures on the made-up template", () => {
  it.each([
    [1, { R1: 'not-checkable', R2: 'fail', R3: 'pass', R6: 'pass' }],
    [2, { R1: 'fail', R2: 'fail', R3: 'pass', R6: 'pass' }],
    [3, { R1: 'fail', R2: 'fail', R3: 'pass', R6: 'pass' }],
    [4, { R1: 'fail', R2: 'fail', R3: 'pass', R6: 'fail' }],
  ] as const)(
    'Q%s: the stock never rolls forward (24 + 7 − 17 = 14), 94%% of 24 is infeasible, the rates agree, go-live 31/03/17 passed by Q4',
    (q, expected) => {
      expect(outcomes(q)).toEqual(expected);
    },
  );
});
