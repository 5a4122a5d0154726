import { CellsRefused } from '@bcl/domain-returns';
import { RETURN_FORMAT, importChanges, parseReturnDocument, returnDocumentOf } from './return-document';
import { FILE_TEMPLATE, fileView } from './return-workbook.fixtures';

const base = {
  format: RETURN_FORMAT,
  templateVersion: 'bcf-quarterly-2016-17',
  areaId: 'southend-on-sea',
  financialYear: '2016-17',
  quarter: 1,
  values: { 'cover.completedBy': 'Nick Faint', 'ie.income.actual.q1': 12_345, 'conditions.1.date': null },
};

function problemsOf(json: unknown): { field: string; reason: string }[] {
  try {
    parseReturnDocument(json);
  } catch (error) {
    if (error instanceof CellsRefused) return error.problems;
    throw error;
  }
  throw new Error('expected the document to be refused');
}

describe('the return document', () => {
  it('parses a document with values, amendments and evidence', () => {
    const document = {
      ...base,
      quarter: 2,
      amendments: [{ field: 'ie.income.actual.q1', value: 12_000, reason: 'late invoice' }],
      evidence: { citations: ['004:855-1160'], assumed: null },
    };
    expect(parseReturnDocument(document)).toEqual(document);
  });

  it('takes quarters 1 to 4 and refuses 0 and 5', () => {
    expect(parseReturnDocument({ ...base, quarter: 4 }).quarter).toBe(4);
    expect(problemsOf({ ...base, quarter: 0 })).toEqual([{ field: 'quarter', reason: 'must be >= 1' }]);
    expect(problemsOf({ ...base, quarter: 5 })).toEqual([{ field: 'quarter', reason: 'must be <= 4' }]);
  });

  it('names every problem by its path, a value by its field id', () => {
    const problems = problemsOf({
      format: 'bcl-plan/1',
      areaId: 'Southend',
      financialYear: '2016-18',
      quarter: 1,
      values: { 'cover.email': true, 'bad id!': 'x' },
      amendments: [{ field: 'ie.income.actual.q1', value: 1 }],
      extra: 1,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'format', reason: `must be '${RETURN_FORMAT}'` },
        { field: 'templateVersion', reason: 'is required' },
        { field: 'areaId', reason: expect.stringMatching(/pattern/) },
        { field: 'cover.email', reason: 'must be string,number,null' },
        { field: 'bad id!', reason: expect.stringMatching(/not a field id/) },
        { field: 'amendments[0].reason', reason: 'is required' },
        { field: 'extra', reason: 'is not a known field of a return document' },
      ]),
    );
    expect(problemsOf({ ...base, financialYear: '2016-18' })).toEqual([
      { field: 'financialYear', reason: 'must be a financial year such as 2016-17' },
    ]);
  });

  it('refuses a figure amended twice in one document', () => {
    const amendment = { field: 'ie.income.actual.q1', value: 1, reason: 'r' };
    expect(problemsOf({ ...base, quarter: 2, amendments: [amendment, amendment] })).toEqual([
      { field: 'amendments[1].field', reason: expect.stringMatching(/a second time/) },
    ]);
  });

  it('exports a view with every field of its quarter and each source, and the export imports again', () => {
    const view = fileView();
    const exported = returnDocumentOf(view, FILE_TEMPLATE);
    expect(exported.values['conditions.1.date']).toBeNull();
    expect(exported.values['yearEnd.statement.1']).toBeUndefined();
    expect(exported.values['ie.pooledFund']).toBe(view.cells['ie.pooledFund']!.value);
    expect(exported.cells['ie.income.plan.q1']!.from.kind).toBe('previous-return');
    const again = parseReturnDocument(JSON.parse(JSON.stringify(exported)));
    expect(again.values).toEqual(exported.values);
    expect(again).not.toHaveProperty('cells');
  });

  it('splits an import into entries and amendments of figures previously returned, leaving equal values out', () => {
    const view = fileView();
    const changes = importChanges(
      view,
      { 'cover.completedBy': 'Nick Faint', 'cover.email': 'a@b.org', 'ie.income.actual.q1': 1 },
      'restated after audit',
    );
    expect(changes).toEqual({
      enter: { 'cover.email': 'a@b.org' },
      amend: [{ field: 'ie.income.actual.q1', value: 1, reason: 'restated after audit' }],
    });
  });
});
