import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isCalendarDate, Quarter } from '@bcl/kernel';
import { FieldTemplate, ReturnTemplate } from '@bcl/domain-returns';
import { readReturnTemplate } from './template-files';

/** The Southend 2016-17 returns (demo/returns), checked against their template and the seed's figures (BRIEF §5.7). */
interface ReturnDocument {
  format: string;
  templateVersion: string;
  areaId: string;
  financialYear: string;
  quarter: Quarter;
  values: Record<string, string | number>;
  evidence: { citations: string[]; assumed: string | null };
}

const QUARTERS: Quarter[] = [1, 2, 3, 4];
const documentOf = (quarter: Quarter): ReturnDocument =>
  JSON.parse(
    readFileSync(
      resolve(__dirname, `../../../demo/returns/southend-on-sea-2016-17-q${quarter}.json`),
      'utf8',
    ),
  ) as ReturnDocument;
const template = readReturnTemplate('bcf-quarterly-2016-17');

function fieldOf(t: ReturnTemplate, id: string, quarter: Quarter): FieldTemplate | undefined {
  return t.quarters[`Q${quarter}`].sections
    .flatMap((section) => t.sections.find((s) => s.id === section)?.fields ?? [])
    .find((f) => f.id === id && (!f.quarters || f.quarters.includes(quarter)));
}

/** Why a fixture value does not fit its field, or null (a stand-in for the lifecycle's valueProblems). */
function misfit(field: FieldTemplate, value: string | number): string | null {
  const decimalPlaces = (text: string) => (text.split('.')[1] ?? '').length;
  switch (field.type) {
    case 'money':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 100_000_000 * 100
        ? null
        : 'not pence within 0..£100,000,000';
    case 'count':
      return Number.isInteger(value) && (value as number) >= 0 ? null : 'not a whole number';
    case 'decimal':
    case 'percent':
      return typeof value === 'string' &&
        /^\d+(\.\d+)?$/.test(value) &&
        decimalPlaces(value) <= (field.decimals ?? 0)
        ? null
        : `not a decimal string of at most ${field.decimals} places`;
    case 'date':
      return isCalendarDate(value) ? null : 'not a date';
    case 'live-or-date':
      return value === 'Live' || isCalendarDate(value) ? null : "not 'Live' or a date";
    case 'choice':
      return template.lists[field.list!]!.includes(value as string) ? null : `not on list ${field.list}`;
    default:
      return typeof value === 'string' && value.trim() !== '' && value.length <= (field.lengthMax ?? 32767)
        ? null
        : 'not a non-empty text within its length';
  }
}

describe.each(QUARTERS)('the Southend 2016-17 Q%i return fixture', (quarter) => {
  const document = documentOf(quarter);

  it('names its format, template, area, year and quarter', () => {
    expect(document).toMatchObject({
      format: 'bcl-quarterly-return/1',
      templateVersion: 'bcf-quarterly-2016-17',
      areaId: 'southend-on-sea',
      financialYear: '2016-17',
      quarter,
    });
  });

  it("holds only fields of this quarter's return, each value fitting its field", () => {
    const problems = Object.entries(document.values).flatMap(([id, value]) => {
      const field = fieldOf(template, id, quarter);
      if (!field) return [`${id}: not a field of the Q${quarter} return`];
      const why = misfit(field, value);
      return why ? [`${id}: ${why}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('leaves out what the ledger fills (the Board name, the pooled fund)', () => {
    expect(Object.keys(document.values)).not.toEqual(expect.arrayContaining(['cover.hwb']));
    if (quarter > 1)
      // carried from the previous quarter's return
      expect(Object.keys(document.values)).not.toEqual(expect.arrayContaining(['ie.pooledFund']));
    else {
      // the ledger states the pool's budget only from the Q4 return (demo/fund.json): Q1 enters it as printed
      expect(document.values['ie.pooledFund']).toBe(1_313_104_900);
      expect(document.evidence.assumed).toMatch(
        /The pooled fund £13,131,049 \(004:1023\) .* the ledger held no statement of the pool's budget by the Q1 return .* so it is entered here, as the return printed it, and carried to Q2-Q4/,
      );
    }
  });

  it('cites the seed lines of its return and says what it assumes', () => {
    expect(document.evidence.citations).toEqual([expect.stringMatching(/^004:\d+-\d+$/)]);
    expect(document.evidence.assumed).toMatch(/read from (its|their) commentar/);
    expect(document.evidence.assumed!.length).toBeLessThanOrEqual(1000);
  });

  it('returns plan and forecast of £13,131,049 a year, and actuals for each quarter so far (004:1023, 1616, 2002, 2386)', () => {
    const values = document.values;
    for (const direction of ['income', 'expenditure'])
      for (const basis of ['plan', 'forecast']) {
        const parts = [1, 2, 3, 4].map((n) => values[`ie.${direction}.${basis}.q${n}`] as number);
        expect(parts).toEqual([328276300, 328276200, 328276200, 328276200]);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(1_313_104_900);
      }
    const actuals = [1, 2, 3, 4].filter((n) => values[`ie.income.actual.q${n}`] !== undefined);
    expect(actuals).toEqual([1, 2, 3, 4].slice(0, quarter));
  });
});

describe('the Southend fixtures, figure by figure against the seed (BRIEF §5.7)', () => {
  const value = (quarter: Quarter, id: string) => documentOf(quarter).values[id];
  const byQuarter = (id: string) => QUARTERS.map((q) => value(q, id));

  it('records the signatories as each return writes them (004:864, 1429, 1807, 2202)', () => {
    expect(byQuarter('cover.signedOffBy')).toEqual([
      'Clr Lesley Salter, Chair HWB',
      'Chair of HWB',
      'Cllr Lesley Salter',
      'Cllr Lesley Salter',
    ]);
  });

  it('records the PHB measures of each quarter (004:1134-1140, 1743-1749, 2135-2142, 2562-2568)', () => {
    expect(byQuarter('additional.phb.total')).toEqual([24, 24, 24, 24]);
    expect(byQuarter('additional.phb.ratePer100k')).toEqual(['13', '13.3', '13.3', '13']);
    expect(byQuarter('additional.phb.new')).toEqual([7, 7, 7, 7]);
    expect(byQuarter('additional.phb.stopped')).toEqual([17, 17, 17, 17]);
    expect(byQuarter('additional.phb.chcPercent')).toEqual(['94', '94', '94', '94']);
    expect(byQuarter('additional.phb.population')).toEqual([180589, 180589, 180589, 182046]);
    expect(byQuarter('additional.phb.populationBasis')).toEqual([
      'Mid 2016',
      'Mid 2016',
      'Mid 2016',
      'Mid 2017',
    ]);
  });

  it('records the metric statuses (004:1058, 1666, 2055, 2427) and reablement only where printed (Q4)', () => {
    expect(byQuarter('metrics.nea.status')).toEqual([
      'On track to meet target',
      'No improvement in performance',
      'No improvement in performance',
      'No improvement in performance',
    ]);
    expect(byQuarter('metrics.reablement.status')).toEqual([
      undefined,
      undefined,
      undefined,
      'On track for improved performance, but not to meet full target',
    ]);
    expect(byQuarter('metrics.patientExperience.value')).toEqual(['91.2', '93', '92.5', '90']);
  });

  it('records the acute integrated teams answer changing in Q4 (004:1147-1149, 004:2575-2577)', () => {
    expect(byQuarter('additional.integratedTeams.acute')).toEqual([
      'Yes - throughout the Health and Wellbeing Board area',
      'Yes - throughout the Health and Wellbeing Board area',
      'Yes - throughout the Health and Wellbeing Board area',
      'Yes - in some parts of Health and Wellbeing Board area',
    ]);
  });

  it('records NHS Number use No in mental health and specialised palliative only (004:1097)', () => {
    for (const quarter of QUARTERS) {
      const no = Object.entries(documentOf(quarter).values)
        .filter(([id, answer]) => id.startsWith('additional.nhsNumber.') && answer === 'No')
        .map(([id]) => id);
      expect(no).toEqual([
        'additional.nhsNumber.correspondence.mentalHealth',
        'additional.nhsNumber.correspondence.palliative',
      ]);
    }
  });

  it('records the year-end feedback in Q4 only (004:2476-2498)', () => {
    expect(value(4, 'yearEnd.challenge.2.category')).toBe('10. Managing change');
    expect(Object.keys(documentOf(3).values).some((id) => id.startsWith('yearEnd.'))).toBe(false);
  });
});
