import { ReturnTemplate, ReturnView } from '@bcl/domain-returns';
import { readReturnTemplate } from '@bcl/quarterly-returns';
import { authorityLinks, sectionTables, sourceText } from './return-page';
import { changedValues, confirmedValues } from './return-upload';

const TEMPLATE: ReturnTemplate = readReturnTemplate('bcf-quarterly-2016-17');
const entered = {
  kind: 'entered' as const,
  stream: 'quarterly-return-x-2016-17-q1',
  revision: 1,
  position: '9',
};

function view(overrides: Partial<ReturnView>): ReturnView {
  return {
    returnId: 'x-2016-17-q1',
    areaId: 'x',
    financialYear: '2016-17',
    quarter: 1,
    templateVersion: TEMPLATE.templateVersion,
    previousReturnId: null,
    deadline: { at: '2016-08-25T12:00:00+01:00', source: null, assumed: 'default' },
    version: 2,
    cells: {},
    amendments: [],
    validation: null,
    submitted: null,
    status: 'in-completion',
    basis: 'as-submitted',
    restatements: [],
    recordedAt: { issued: '2016-07-01T00:00:00Z', lastChanged: '2016-07-02T00:00:00Z' },
    ...overrides,
  };
}

describe('the return page: each sheet as submitted and as restated', () => {
  const submitted = view({ cells: { 'ie.income.actual.q1': { value: 100_00, from: entered } } });
  const restated = view({
    basis: 'as-restated',
    cells: { 'ie.income.actual.q1': { value: 250_00, from: { ...entered, kind: 'amended' } } },
    restatements: [
      {
        returnId: 'x-2016-17-q2',
        version: 3,
        field: 'ie.income.actual.q1',
        targetQuarter: 1,
        targetReturnId: 'x-2016-17-q1',
        previousValue: 100_00,
        amendedValue: 250_00,
        amendedBy: 'p-0001',
        reason: 'late invoice',
        stream: 'quarterly-return-x-2016-17-q2',
        revision: 4,
        position: '20',
      },
    ],
  });

  it('marks a restated cell with both values in pounds and the amendment that restated it', () => {
    const ie = sectionTables(TEMPLATE, submitted, restated).find((s) => s.id === 'ie')!;
    expect(ie.caption).toBe('4. I&E');
    expect(ie.differences).toBe(1);
    const row = ie.rows.find((r) => r.fieldId === 'ie.income.actual.q1')!;
    expect(row).toMatchObject({
      submitted: '£100.00',
      restated: '£250.00',
      differs: true,
      source: { text: 'Entered (stream quarterly-return-x-2016-17-q1, revision 1, position 9)' },
      restatements: [
        { byReturnId: 'x-2016-17-q2', previous: '£100.00', amended: '£250.00', reason: 'late invoice' },
      ],
    });
    expect(ie.rows.filter((r) => r.differs)).toHaveLength(1);
  });

  it('lays out every sheet of the quarter in order, a cell not filled shown as not given', () => {
    const sections = sectionTables(TEMPLATE, submitted, submitted);
    expect(sections.map((s) => s.caption)).toEqual([
      '1. Cover',
      '2. Budget Arrangements',
      '3. National Conditions',
      '4. I&E',
      '5. Supporting Metrics',
      '6. Additional Measures',
      '7. Narrative',
    ]);
    expect(sections.every((s) => s.differences === 0)).toBe(true);
    expect(sections[0]!.rows.find((r) => r.fieldId === 'cover.email')).toMatchObject({
      submitted: 'Not given',
      source: { text: 'Not filled' },
    });
  });

  it('says where a value came from, and when the ledger had nothing recorded', () => {
    expect(
      sourceText({
        kind: 'ledger',
        description: 'stated actual Q1',
        stream: null,
        revision: null,
        position: null,
      }),
    ).toEqual({ text: 'Nothing was recorded by the issue date: stated actual Q1' });
    expect(
      sourceText({
        kind: 'previous-return',
        returnId: 'x-2016-17-q1',
        stream: 's',
        revision: 2,
        position: '7',
      }),
    ).toEqual({ text: 'Previously returned (stream s, revision 2, position 7)', returnId: 'x-2016-17-q1' });
  });

  it('links an approval to its delegations, meeting and body', () => {
    expect(
      authorityLinks({
        kind: 'delegation',
        delegations: [
          {
            delegationId: 'd-1',
            granted: { meeting: { meetingId: 'm-1' }, body: { bodyId: 'b-1', name: 'Board' } },
          },
        ],
      }).map((link) => link.href),
    ).toEqual(['/decisions/delegations/d-1', '/decisions/meetings/m-1', '/decisions/bodies/b-1']);
    expect(authorityLinks({ kind: 'chair', bodyId: 'b-2', body: null })).toEqual([
      { href: '/decisions/bodies/b-2', text: 'Body: b-2' },
    ]);
  });
});

describe('the upload: what a workbook would change, and what the confirmation carries back', () => {
  it('keeps only the values that differ from the return as it stands', () => {
    const current = view({ cells: { 'cover.completedBy': { value: 'Jane', from: entered } } });
    expect(
      changedValues(current, { 'cover.completedBy': 'Jane', 'cover.email': 'j@x.org', 'cover.phone': null }),
    ).toEqual({
      'cover.email': 'j@x.org',
    });
  });

  it('accepts only a map of field ids to text, whole numbers or null', () => {
    expect(confirmedValues('{"cover.email":"j@x.org","ie.pooledFund":100}')).toEqual({
      'cover.email': 'j@x.org',
      'ie.pooledFund': 100,
    });
    for (const bad of ['{}', '[]', 'not json', '{"a b":1}', '{"x":1.5}', '{"x":{}}', undefined])
      expect(confirmedValues(bad)).toBeUndefined();
  });
});
