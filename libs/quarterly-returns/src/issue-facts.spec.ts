import { ReturnTemplate } from '@bcl/domain-returns';
import { deadlineOf, toWholePounds } from './issue-facts';

const template = {
  templateVersion: 'bcf-quarterly-2016-17',
  quarters: {
    Q1: { sections: [], deadline: { at: '2016-08-26T12:00:00Z', source: 'x:1', assumed: null } },
    Q2: { sections: [], deadline: { at: '2016-11-25T12:00:00Z', source: '004:1181', assumed: null } },
  },
} as unknown as ReturnTemplate;

describe('the figures a return is pre-filled with', () => {
  it('shows money in whole pounds (as the template does), halves away from zero, in integer pence', () => {
    expect(toWholePounds(328_276_300)).toBe(328_276_300);
    expect(toWholePounds(149)).toBe(100);
    expect(toWholePounds(150)).toBe(200);
    expect(toWholePounds(-149)).toBe(-100);
    expect(toWholePounds(-150)).toBe(-200);
    expect(toWholePounds(49)).toBe(0);
  });
});

describe("a quarter's deadline", () => {
  it("is the template's, unless LEDGER_RETURN_DEADLINES sets the template version's quarter", () => {
    expect(deadlineOf(template, 2, undefined)).toEqual({
      at: '2016-11-25T12:00:00Z',
      source: '004:1181',
      assumed: null,
    });
    const setting = JSON.stringify({ 'bcf-quarterly-2016-17': { Q1: '2016-09-02T17:00:00+01:00' } });
    expect(deadlineOf(template, 1, setting)).toEqual({
      at: '2016-09-02T17:00:00+01:00',
      source: null,
      assumed: 'configured by LEDGER_RETURN_DEADLINES',
    });
    expect(deadlineOf(template, 2, setting).at).toBe('2016-11-25T12:00:00Z'); // another quarter: the template's
    const otherVersion = JSON.stringify({ 'bcf-quarterly-2017-18': { Q2: '2017-11-24T12:00:00Z' } });
    expect(deadlineOf(template, 2, otherVersion).source).toBe('004:1181');
  });

  it('refuses a malformed setting, naming it', () => {
    expect(() => deadlineOf(template, 1, '{')).toThrow(/LEDGER_RETURN_DEADLINES is not JSON/);
    const bad = JSON.stringify({ 'bcf-quarterly-2016-17': { Q1: 'soon' } });
    expect(() => deadlineOf(template, 1, bad)).toThrow(/Q1 is not an ISO 8601 instant/);
  });
});
