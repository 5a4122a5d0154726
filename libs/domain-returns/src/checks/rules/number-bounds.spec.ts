import { NOT_AVAILABLE } from '../../template/return-template';
import { checkOf, underCheck } from '../test-template';

const MAX_PENCE = 100_000_000 * 100;

describe('number bounds (Q5: 0 to 100,000,000 in the template units)', () => {
  it.each([
    ['ie.pooledFund', MAX_PENCE, 'pass'],
    ['ie.pooledFund', MAX_PENCE + 1, 'fail'],
    ['ie.pooledFund', 0, 'pass'],
    ['ie.pooledFund', -1, 'fail'],
    ['additional.phb.total', 100_000_000, 'pass'],
    ['additional.phb.total', 100_000_001, 'fail'],
    ['metrics.nea.value', '100000000.0', 'pass'],
    ['metrics.nea.value', '100000000.1', 'fail'],
    ['metrics.nea.value', '-0.1', 'fail'],
  ])('%s = %p: %s', (field, value, outcome) => {
    const section = field.split('.')[0];
    const input = underCheck(2, { [field]: value });
    if (outcome === 'pass') {
      expect(checkOf(input, `Q5:${field}`)).toBeUndefined();
      expect(checkOf(input, `Q5:${section}`)?.outcome).toBe('pass');
    } else {
      const check = checkOf(input, `Q5:${field}`)!;
      expect(check).toMatchObject({ outcome: 'fail', section });
      expect(check.message).toContain('outside 0 to 100000000');
      expect(checkOf(input, `Q5:${section}`)).toBeUndefined();
    }
  });

  it('shows money in pounds', () => {
    expect(checkOf(underCheck(2, { 'ie.pooledFund': MAX_PENCE + 1 }), 'Q5:ie.pooledFund')?.message).toContain(
      '£100,000,000.01',
    );
  });

  it('fails a number field holding text, and leaves "information not available" alone', () => {
    expect(
      checkOf(underCheck(2, { 'metrics.nea.value': 'about 4000' }), 'Q5:metrics.nea.value')?.message,
    ).toContain('not a number');
    expect(
      checkOf(underCheck(2, { 'metrics.nea.value': NOT_AVAILABLE }), 'Q5:metrics.nea.value'),
    ).toBeUndefined();
  });
});
