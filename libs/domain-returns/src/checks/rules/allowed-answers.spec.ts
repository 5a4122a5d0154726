import { NOT_AVAILABLE } from '../../template/return-template';
import { checkOf, underCheck } from '../test-template';

describe('allowed answers (Q6, Q7, Q14, Q18)', () => {
  it.each([
    [2, 'conditions.1.status', 'No - In Progress', 'pass'],
    [4, 'conditions.1.status', 'No - In Progress', 'fail'],
    [4, 'conditions.1.status', 'No', 'pass'],
    [2, 'conditions.1.status', 'yes', 'fail'],
    [2, 'conditions.1.status', 'Yes ', 'fail'],
    [2, 'metrics.nea.status', NOT_AVAILABLE, 'pass'],
    [2, 'budget.pooledViaS75', NOT_AVAILABLE, 'fail'],
    [2, 'additional.openApi.goLive.gp', 'Live', 'pass'],
    [2, 'additional.openApi.goLive.gp', 'live', 'fail'],
    [2, 'additional.openApi.goLive.gp', '2017-02-28', 'pass'],
    [2, 'additional.openApi.goLive.gp', '2017-02-29', 'fail'],
  ] as const)('Q%s %s = %p: %s', (quarter, field, value, outcome) => {
    const check = checkOf(underCheck(quarter, { [field]: value }), `Q6:${field}`);
    if (outcome === 'pass') expect(check).toBeUndefined();
    else expect(check).toMatchObject({ outcome: 'fail', cells: [expect.objectContaining({ field, value })] });
  });

  it("names the list's answers in the message", () => {
    expect(
      checkOf(underCheck(4, { 'conditions.2.status': 'No - In Progress' }), 'Q6:conditions.2.status')
        ?.message,
    ).toBe("conditions.2.status (conditions.2.status) is 'No - In Progress': not one of 'Yes', 'No'");
  });

  it('fails a choice whose list the template lacks', () => {
    const input = underCheck(2);
    input.template = { ...input.template, lists: { ...input.template.lists, 'yes-no': undefined! } };
    expect(checkOf(input, 'Q6:budget.pooledViaS75')?.message).toContain(
      "its list 'yes-no' is not in the template",
    );
  });
});
