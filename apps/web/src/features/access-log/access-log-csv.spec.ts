import { accessLogCsvHeader, accessLogCsvLine, csvCell } from './access-log-csv';

describe('the access log as CSV', () => {
  it('quotes a cell holding a comma, quote or line break, doubling its quotes', () => {
    expect(csvCell('/plans?asAt=2017-09-11')).toBe('/plans?asAt=2017-09-11');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@sum')).toBe("'@sum");
    expect(csvCell(403)).toBe('403');
  });

  it('writes one line per entry under the header, roles space-separated', () => {
    expect(accessLogCsvHeader()).toBe('id,at,subject,roles,method,resource,status,correlationId\r\n');
    expect(
      accessLogCsvLine({
        id: 7,
        at: '2026-11-30T07:00:00.000Z',
        subject: 'development:auditor',
        roles: ['auditor', 'admin'],
        method: 'GET',
        resource: '/events?after=50',
        status: 200,
        correlationId: 'c-1',
      }),
    ).toBe('7,2026-11-30T07:00:00.000Z,development:auditor,auditor admin,GET,/events?after=50,200,c-1\r\n');
  });
});
