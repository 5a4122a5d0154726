import { FormFields } from '../../apps/web/src/features/decisions/decision-form-fields';

/** The decisions forms validate their fields in the API's words, before any command is sent. */
describe('the decisions forms’ field rules', () => {
  it('takes well-formed fields as the command wants them', () => {
    const fields = new FormFields({
      approvalId: ' kent-2017-19-v1 ',
      version: '2',
      effectiveOn: '2017-09-11',
      amount: '50,000',
      parts: '(a) first\r\n(b) second',
    });
    expect(fields.id('approvalId')).toBe('kent-2017-19-v1');
    expect(fields.version('version')).toBe(2);
    expect(fields.date('effectiveOn')).toBe('2017-09-11');
    expect(fields.optionalPounds('amount')).toBe(5_000_000);
    expect(fields.text('parts', 100, { multiline: true })).toBe('(a) first\n(b) second');
    expect(fields.optionalText('note', 100)).toBeNull();
    expect(fields.problems).toEqual([]);
  });

  it('names each bad field as the API does, and links each to its input', () => {
    const fields = new FormFields({
      approvalId: 'Not An Id',
      version: '0',
      effectiveOn: '2017-02-30',
      amount: '-1',
    });
    fields.id('approvalId');
    fields.version('version');
    fields.date('effectiveOn');
    fields.optionalPounds('amount');
    fields.oneOf('authorityKind', ['delegation', 'resolution', 'chair'], 'authority.kind');
    fields.text('reason', 500);
    expect(fields.problems.map((p) => p.field)).toEqual([
      'approvalId',
      'version',
      'effectiveOn',
      'amount',
      'authority.kind',
      'reason',
    ]);
    expect(fields.problems[1]!.reason).toBe('must not be less than 1');
    expect(fields.problems[5]!.reason).toBe('is required');
    const { errorList, fieldErrors } = fields.summary({
      approvalId: 'approvalId',
      'authority.kind': 'authorityKind',
    });
    expect(errorList[4]).toEqual({
      text: 'authority.kind: must be one of the following values: delegation, resolution, chair',
      href: '#authorityKind',
    });
    expect(errorList[1]!.href).toBe('#approvalId'); // a field without an input of its own: the form's first
    expect(fieldErrors.approvalId).toMatch(/^approvalId: must be lower-case letters/);
  });

  it('refuses text over its limit and text with control characters', () => {
    const fields = new FormFields({ reason: 'x'.repeat(501), note: 'a\u0007b' });
    fields.text('reason', 500);
    fields.optionalText('note', 100, { multiline: true });
    expect(fields.problems).toEqual([
      { field: 'reason', reason: 'must be at most 500 characters' },
      { field: 'note', reason: 'must not contain control characters other than line feeds' },
    ]);
  });
});
