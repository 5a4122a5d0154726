import { checkOf, checksOfRule, underCheck } from '../test-template';

describe('required (Q1)', () => {
  it.each([[''], ['   '], [null]])('fails a required field whose value is %p, naming it', (value) => {
    const check = checkOf(underCheck(1, { 'cover.signedOffBy': value }), 'Q1:cover.signedOffBy')!;
    expect(check).toMatchObject({ outcome: 'fail', severity: 'blocking', kind: 'rule', section: 'cover' });
    expect(check.message).toContain('required and empty');
    expect(check.cells).toEqual([expect.objectContaining({ field: 'cover.signedOffBy', value })]);
  });

  it('fails a field that was never filled, with nothing recorded as its source', () => {
    const input = underCheck(1);
    delete input.cells['cover.completedBy'];
    const check = checkOf(input, 'Q1:cover.completedBy')!;
    expect(check.outcome).toBe('fail');
    expect(check.cells[0]).toMatchObject({ value: null, from: { kind: 'ledger', stream: null } });
  });

  it('passes the section once every required field is filled (one character is enough)', () => {
    const checks = checksOfRule(underCheck(1, { 'cover.signedOffBy': 'X' }), 'Q1');
    expect(checks.map((c) => [c.checkId, c.outcome])).toEqual([['Q1:cover', 'pass']]);
  });

  it('fails each missing field on its own, and gives no section pass then', () => {
    const checks = checksOfRule(underCheck(1, { 'cover.signedOffBy': '', 'cover.completedBy': '' }), 'Q1');
    expect(checks.map((c) => [c.checkId, c.outcome])).toEqual([
      ['Q1:cover.completedBy', 'fail'],
      ['Q1:cover.signedOffBy', 'fail'],
    ]);
  });
});
