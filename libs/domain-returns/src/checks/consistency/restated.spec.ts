import { PriorQuarterAmended } from '../../return/quarterly-return';
import { checksOfRule, testReturnId, underCheck } from '../test-template';

const amendment = (field: string, previousValue: number, amendedValue: number): PriorQuarterAmended => ({
  returnId: testReturnId(3),
  version: 3,
  field,
  targetQuarter: Number(field.at(-1)) as 1 | 2,
  targetReturnId: testReturnId(Number(field.at(-1)) as 1 | 2),
  previousValue,
  amendedValue,
  amendedBy: 'nick-faint',
  reason: 'late invoice',
});

describe('restated (a prior-quarter figure amended in this return)', () => {
  it('reports nothing without amendments', () => {
    expect(checksOfRule(underCheck(3), 'R8')).toEqual([]);
  });

  it('reports each amendment once, with both values, who and why, and where each came from', () => {
    const checks = checksOfRule(
      underCheck(
        3,
        {},
        {
          amendments: [
            amendment('ie.income.actual.q1', 328_276_300, 328_276_400),
            { ...amendment('ie.income.actual.q2', 328_276_200, 1), revision: 7 } as PriorQuarterAmended,
          ],
        },
      ),
      'R8',
    );
    expect(checks.map((c) => [c.checkId, c.severity, c.section])).toEqual([
      [`R8:ie.income.actual.q1@${testReturnId(1)}`, 'information', 'ie'],
      [`R8:ie.income.actual.q2@${testReturnId(2)}`, 'information', 'ie'],
    ]);
    expect(checks[0]!.message).toContain('restated from £3,282,763 (');
    expect(checks[0]!.message).toContain('to £3,282,764 by nick-faint: late invoice');
    expect(checks[0]!.cells.map((c) => [c.returnId, c.value, c.from.kind])).toEqual([
      [testReturnId(1), 328_276_300, 'entered'],
      [testReturnId(3), 328_276_400, 'ledger'],
    ]);
    expect(checks[1]!.cells[1]!.from).toEqual({
      kind: 'amended',
      stream: `quarterly-return-${testReturnId(3)}`,
      revision: 7,
      position: null,
    });
  });

  it("names the earlier return's stream when the previous value is not the earlier return's cell", () => {
    const [check] = checksOfRule(
      underCheck(3, {}, { amendments: [amendment('ie.income.actual.q1', 5, 6)] }),
      'R8',
    );
    expect(check!.cells[0]!.from).toMatchObject({
      kind: 'ledger',
      stream: `quarterly-return-${testReturnId(1)}`,
    });
  });
});
