import { checkOf, testReturnId, underCheck } from '../test-template';

const ID = 'R1:additional.phb.total';

describe('stock roll-forward (M6: closing = opening + new − stopped)', () => {
  it('cannot check the first quarter: its opening is not in the ledger', () => {
    const check = checkOf(underCheck(1), ID)!;
    expect(check.outcome).toBe('not-checkable');
    expect(check.message).toContain('no return of Q0 of the year in the ledger');
  });

  it("finds 24 + 7 − 17 ≠ 24, naming the opening from the previous return and this return's figures", () => {
    const check = checkOf(underCheck(2, { 'additional.phb.stopped': 17 }), ID)!;
    expect(check).toMatchObject({
      outcome: 'fail',
      kind: 'consistency',
      severity: 'warning',
      section: 'additional',
    });
    expect(check.message).toBe(
      `opening 24 (${testReturnId(1)}) + added 7 − stopped 17 = 14; additional.phb.total (additional.phb.total) states 24: they differ by 10`,
    );
    expect(check.cells.map((c) => [c.field, c.returnId, c.value])).toEqual([
      ['additional.phb.total', testReturnId(1), 24],
      ['additional.phb.total', testReturnId(2), 24],
      ['additional.phb.new', testReturnId(2), 7],
      ['additional.phb.stopped', testReturnId(2), 17],
    ]);
    expect(check.cells[0]!.from).toMatchObject({
      kind: 'entered',
      stream: `quarterly-return-${testReturnId(1)}`,
    });
  });

  it('passes when it rolls forward exactly, and fails one off', () => {
    expect(
      checkOf(
        underCheck(3, { 'additional.phb.total': 19 }, { earlier: { 2: { 'additional.phb.total': 19 } } }),
        ID,
      ),
    ).toMatchObject({ outcome: 'pass' });
    // 19 + 7 − 7 = 19: a closing of 20 is one out.
    expect(
      checkOf(
        underCheck(3, { 'additional.phb.total': 20 }, { earlier: { 2: { 'additional.phb.total': 19 } } }),
        ID,
      )?.outcome,
    ).toBe('fail');
  });

  it("takes the opening from the previous quarter's return, not an older one", () => {
    const check = checkOf(
      underCheck(
        3,
        {},
        { earlier: { 1: { 'additional.phb.total': 99 }, 2: { 'additional.phb.total': 24 } } },
      ),
      ID,
    )!;
    expect(check.outcome).toBe('pass');
    expect(check.cells[0]!.returnId).toBe(testReturnId(2));
  });

  it('cannot check with the previous closing or a figure of this return missing', () => {
    expect(
      checkOf(underCheck(2, {}, { earlier: { 1: { 'additional.phb.total': null } } }), ID)?.message,
    ).toContain(`the opening (additional.phb.total of ${testReturnId(1)})`);
    expect(checkOf(underCheck(2, { 'additional.phb.new': null }), ID)?.message).toContain(
      'additional.phb.new',
    );
  });
});
