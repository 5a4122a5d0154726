import { Quarter } from '@bcl/kernel';
import reference from '../../reference/bcf-quarterly-2016-17.json';
import madeUp from './fixtures/bcf-quarterly-2099-00.json';
import { parseReturnTemplate } from './parse-template';
import { FieldTemplate, ReturnTemplate } from './return-template';

const FILE = 'libs/domain-returns/reference/bcf-quarterly-2016-17.json';

/** A fresh copy of the real template to corrupt. */
const copy = (): ReturnTemplate => structuredClone(reference) as unknown as ReturnTemplate;
const section = (t: ReturnTemplate, id: string) => t.sections.find((s) => s.id === id)!;
const field = (t: ReturnTemplate, id: string): FieldTemplate =>
  t.sections.flatMap((s) => s.fields).find((f) => f.id === id)!;

/** The problems a corrupted template is refused with (one line each). */
function problemsOf(template: unknown): string[] {
  try {
    parseReturnTemplate(template, 'broken.json');
  } catch (error) {
    const lines = (error as Error).message.split('\n');
    expect(lines[0]).toMatch(/^broken\.json: the return template has \d+ problems?:$/);
    return lines.slice(1).map((line) => line.replace(/^ {2}- /, ''));
  }
  throw new Error('the corrupted template was accepted');
}

// The field ids of the 2016-17 template, written out from /work/RETURNS-DESIGN.md independently of the file.
const SETTINGS = ['gp', 'hospital', 'socialCare', 'community', 'mentalHealth', 'palliative'];
const CONDITIONS = ['1', '2', '3i', '3ii', '4i', '4ii', '4iii', '4iv', '5', '6', '7', '8'];
const METRICS = ['nea', 'dtoc', 'local', 'patientExperience', 'residentialAdmissions', 'reablement'];
function designedIds(quarter: Quarter): string[] {
  const ids = ['cover.hwb', 'cover.completedBy', 'cover.email', 'cover.phone', 'cover.signedOffBy'];
  ids.push('budget.pooledViaS75', 'budget.poolingDate');
  for (const c of CONDITIONS) {
    ids.push(`conditions.${c}.status`, `conditions.${c}.explanation`);
    if (quarter < 4) ids.push(`conditions.${c}.date`);
  }
  ids.push('ie.pooledFund', 'ie.income.comment', 'ie.expenditure.comment', 'ie.commentary');
  for (const d of ['income', 'expenditure'])
    for (let n = 1; n <= 4; n++) {
      ids.push(`ie.${d}.plan.q${n}`, `ie.${d}.forecast.q${n}`);
      if (n <= quarter) ids.push(`ie.${d}.actual.q${n}`);
    }
  for (const m of METRICS)
    for (const p of ['name', 'value', 'target', 'status', 'commentary']) ids.push(`metrics.${m}.${p}`);
  for (const s of SETTINGS) {
    ids.push(`additional.nhsNumber.correspondence.${s}`, `additional.nhsNumber.retrieval.${s}`);
    ids.push(`additional.openApi.status.${s}`, `additional.openApi.goLive.${s}`);
    for (const to of SETTINGS) ids.push(`additional.sharing.${s}.${to}`);
  }
  ids.push('additional.dicrPilot', 'additional.integratedTeams.nonAcute', 'additional.integratedTeams.acute');
  for (const p of ['total', 'new', 'stopped', 'ratePer100k', 'chcPercent', 'population', 'populationBasis'])
    ids.push(`additional.phb.${p}`);
  if (quarter === 4) {
    for (let i = 1; i <= 7; i++) ids.push(`yearEnd.statement.${i}`);
    for (const k of ['success', 'challenge'])
      for (let i = 1; i <= 3; i++) ids.push(`yearEnd.${k}.${i}.text`, `yearEnd.${k}.${i}.category`);
  }
  ids.push('narrative.text');
  return ids.sort();
}

describe('parseReturnTemplate: the 2016-17 reference file', () => {
  const template = parseReturnTemplate(reference, FILE);
  const idsIn = (quarter: Quarter) =>
    template.quarters[`Q${quarter}`].sections
      .flatMap((id) => section(template, id).fields)
      .filter((f) => !f.quarters || f.quarters.includes(quarter))
      .map((f) => f.id)
      .sort();

  it.each([1, 2, 3, 4] as Quarter[])(
    'has exactly the designed field ids in the Q%i return, each once',
    (quarter) => {
      expect(idsIn(quarter)).toEqual(designedIds(quarter));
    },
  );

  it('adds year-end feedback as section 6 of Q4 only (004:2205-2214)', () => {
    expect(template.quarters.Q3.sections).toEqual([
      'cover',
      'budget',
      'conditions',
      'ie',
      'metrics',
      'additional',
      'narrative',
    ]);
    expect(template.quarters.Q4.sections.indexOf('year-end')).toBe(5);
  });

  it('answers conditions from three answers in Q1-Q3 and Yes/No in Q4 (Q6, Q7)', () => {
    const statuses = section(template, 'conditions').fields.filter((f) => f.id === 'conditions.4i.status');
    expect(statuses.map((f) => [f.quarters, template.lists[f.list!]])).toEqual([
      [
        [1, 2, 3],
        ['Yes', 'No', 'No - In Progress'],
      ],
      [[4], ['Yes', 'No']],
    ]);
  });

  it('cites the one stated deadline (Q2) and marks the others assumed, by the default rule', () => {
    expect(template.quarters.Q2.deadline).toEqual({
      at: '2016-11-25T12:00:00+00:00',
      source: '004:1181',
      assumed: null,
    });
    for (const q of ['Q1', 'Q3', 'Q4'] as const) {
      expect(template.quarters[q].deadline.source).toBeNull();
      expect(template.quarters[q].deadline.assumed).toMatch(
        /25th day of the second month after the quarter ends/,
      );
    }
    expect([
      template.quarters.Q1.deadline.at,
      template.quarters.Q3.deadline.at,
      template.quarters.Q4.deadline.at,
    ]).toEqual(['2016-08-25T12:00:00+01:00', '2017-02-25T12:00:00+00:00', '2017-05-25T12:00:00+01:00']);
  });

  it('cites every rule and check by seed lines (004:<lines>)', () => {
    for (const item of [...template.rules, ...template.consistency]) expect(item.source).toMatch(/004:\d+/);
  });

  it('holds each rule of BRIEF §4.5 it enforces as data, with its kind and severity', () => {
    const kinds = new Set(template.rules.map((r) => `${r.rule} ${r.kind} ${r.severity}`));
    expect([...kinds].sort()).toEqual([
      'Q1 required blocking',
      'Q10 commentary-when-differs blocking',
      'Q13 required-when blocking',
      'Q14 allowed-answers blocking',
      'Q19 paired blocking',
      'Q2 deadline warning',
      'Q3 required blocking',
      'Q5 number-bounds blocking',
      'Q6 required-when blocking',
      'Q7 required-when blocking',
      'Q9 sum-equals blocking',
    ]);
    const bounds = template.rules.find((r) => r.kind === 'number-bounds');
    expect(bounds).toMatchObject({ min: 0, max: 100_000_000 });
    const required = template.rules
      .filter((r) => r.kind === 'required')
      .flatMap((r) => ('fields' in r ? r.fields : []));
    expect(required).toEqual(
      expect.arrayContaining([
        'cover.signedOffBy',
        'budget.pooledViaS75',
        'conditions.4iv.status',
        'metrics.reablement.status',
        'narrative.text',
      ]),
    );
  });

  it('sums plan and forecast to the pooled fund in every quarter, actuals in Q4 only (Q9)', () => {
    const sums = template.rules.filter((r) => r.kind === 'sum-equals');
    expect(
      sums.map((r) => ('parts' in r ? `${r.parts[0]} ${r.quarters ?? 'all'} ${r.commentary}` : '')),
    ).toEqual([
      'ie.income.plan.q1 all ie.income.comment',
      'ie.income.forecast.q1 all ie.income.comment',
      'ie.income.actual.q1 4 ie.income.comment',
      'ie.expenditure.plan.q1 all ie.expenditure.comment',
      'ie.expenditure.forecast.q1 all ie.expenditure.comment',
      'ie.expenditure.actual.q1 4 ie.expenditure.comment',
    ]);
  });

  it('carries the I&E figures, each for its quarter, actuals only from their quarter on', () => {
    expect(field(template, 'ie.expenditure.actual.q3')).toMatchObject({
      quarter: 3,
      carried: true,
      quarters: [3, 4],
    });
    expect(field(template, 'ie.income.forecast.q2').prepopulate).toEqual({
      from: 'fund-figure',
      basis: 'forecast',
      direction: 'income',
      quarter: 2,
    });
  });
});

describe('parseReturnTemplate: what it refuses, every problem at once', () => {
  it('refuses what is not an object', () => {
    expect(problemsOf([])).toEqual(['(the file): must be an object']);
  });

  it('lists every problem of a file in one error, each with its key', () => {
    const t = copy();
    field(t, 'cover.email').type = 'telegram' as never;
    field(t, 'budget.pooledViaS75').list = 'yes-no-maybe';
    t.quarters.Q1.sections.push('appendix');
    const problems = problemsOf(t);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^sections\[cover\]\.fields\[cover\.email\]\.type: must be one of text, email/),
        expect.stringMatching(
          /^sections\[budget\]\.fields\[budget\.pooledViaS75\]\.list: must name one of the lists/,
        ),
        'quarters.Q1.sections: names section appendix, which the template does not have',
      ]),
    );
  });

  it('refuses two fields with one id in the same quarter, not in disjoint quarters', () => {
    const t = copy();
    const q4Status = section(t, 'conditions').fields.find(
      (f) => f.id === 'conditions.1.status' && f.quarters?.[0] === 4,
    )!;
    q4Status.quarters = [3, 4];
    expect(problemsOf(t)).toEqual([
      'sections[conditions].fields[conditions.1.status].id: is the id of two fields in Q3',
    ]);
  });

  it('refuses a field id in two sections', () => {
    const t = copy();
    section(t, 'narrative').fields.push({ ...field(t, 'cover.phone') });
    expect(problemsOf(t)).toContain(
      'sections[narrative].fields[cover.phone].id: is also a field id of section cover',
    );
  });

  it('refuses a field in a quarter whose return lacks its section', () => {
    const t = copy();
    field(t, 'yearEnd.statement.1').quarters = [3, 4];
    expect(problemsOf(t)).toEqual([
      'sections[year-end].fields[yearEnd.statement.1].quarters: names Q3, whose return has no year-end section',
    ]);
  });

  it('refuses a section no quarter has', () => {
    const t = copy();
    t.sections.push({
      id: 'appendix',
      title: 'Appendix',
      fields: [{ id: 'appendix.note', label: 'Note', type: 'text', row: 'Note' }],
    });
    expect(problemsOf(t)).toEqual(["sections[appendix].id: is in no quarter's section list"]);
  });

  it('refuses a rule naming a field the template does not have', () => {
    const t = copy();
    const q1 = t.rules.find((r) => r.rule === 'Q1' && r.kind === 'required')!;
    (q1 as { fields: string[] }).fields.push('cover.fax');
    expect(problemsOf(t)).toEqual([
      expect.stringMatching(
        /^rules\[0 Q1\]\.fields\[4\]: names field cover\.fax, which the template does not have$/,
      ),
    ]);
  });

  it('refuses a rule naming a field its quarters lack: Q9 actuals in Q4 only', () => {
    const t = copy();
    const actuals = t.rules.find((r) => r.rule === 'Q9' && r.quarters?.[0] === 4)!;
    delete actuals.quarters;
    expect(problemsOf(t)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\.parts\[1\]: names field ie\.income\.actual\.q2, which the Q1 return lacks$/),
      ]),
    );
  });

  it('refuses an answer that is not on the field list (required-when), accepts one that is', () => {
    const t = copy();
    const q6 = t.rules.find((r) => r.rule === 'Q6')! as { when: { in: string[] } };
    q6.when.in = ['No - In Progress'];
    expect(() => parseReturnTemplate(t, 'ok.json')).not.toThrow();
    q6.when.in = ['No - in progress'];
    expect(problemsOf(t)).toEqual([
      expect.stringMatching(
        /\.when\.in: "No - in progress" is not an answer of field conditions\.1\.status in Q1, Q2, Q3$/,
      ),
    ]);
  });

  it('refuses a consistency check naming an unknown field or a wrong type', () => {
    const t = copy();
    const r1 = t.consistency.find((c) => c.rule === 'R1')! as { closing: string };
    r1.closing = 'additional.phb.closing';
    const r2 = t.consistency.find((c) => c.rule === 'R2')! as { base: string };
    r2.base = 'additional.phb.ratePer100k';
    expect(problemsOf(t)).toEqual([
      'consistency[0 R1].closing: names field additional.phb.closing, which the template does not have',
      'consistency[1 R2].base: names field additional.phb.ratePer100k, a decimal field: must be count',
    ]);
  });

  it('refuses a status-against-target whose on-track status is not on the status list', () => {
    const t = copy();
    const r4 = t.consistency.find((c) => c.rule === 'R4')! as { onTrack: string[] };
    r4.onTrack = ['On track'];
    expect(problemsOf(t)).toEqual([
      expect.stringMatching(/^consistency\[3 R4\]\.onTrack: "On track" is not an answer/),
    ]);
  });

  it.each([
    ['2016-02-29T12:00:00Z', true],
    ['2017-02-29T12:00:00Z', false],
    ['2016-11-25T12:00:00', false],
    ['2016-11-25T24:00:00Z', false],
    ['2016-11-25T23:59:59+01:00', true],
  ])('a deadline at %s parses: %s', (at, parses) => {
    const t = copy();
    t.quarters.Q2.deadline.at = at;
    if (parses) expect(() => parseReturnTemplate(t, 'ok.json')).not.toThrow();
    else
      expect(problemsOf(t)).toEqual([
        expect.stringMatching(/^quarters\.Q2\.deadline\.at: must be a real instant/),
      ]);
  });

  it('refuses a deadline both cited and assumed, or neither', () => {
    const both = copy();
    both.quarters.Q2.deadline.assumed = 'a guess';
    const neither = copy();
    neither.quarters.Q1.deadline.assumed = null;
    expect(problemsOf(both)).toEqual([
      expect.stringMatching(/^quarters\.Q2\.deadline: must have either a source/),
    ]);
    expect(problemsOf(neither)).toEqual([
      expect.stringMatching(/^quarters\.Q1\.deadline: must have either a source/),
    ]);
  });

  it('refuses a misspelt key rather than ignoring it', () => {
    const t = copy() as unknown as Record<string, unknown>;
    t.quaters = {};
    (field(t as unknown as ReturnTemplate, 'cover.phone') as unknown as Record<string, unknown>).lenghtMax =
      20;
    expect(problemsOf(t)).toEqual([
      expect.stringMatching(/^\(the file\)\.quaters: is not a key of the template/),
      expect.stringMatching(/^sections\[cover\]\.fields\[cover\.phone\]\.lenghtMax: is not a key/),
    ]);
  });

  it('refuses an assumption about something the file does not hold', () => {
    const t = copy();
    t.assumed = [
      { key: 'lists.colours', why: 'x' },
      { key: 'fields.narrative.text.lengthMax', why: 'y' },
    ];
    expect(problemsOf(t)).toEqual(['assumed[0].key: names lists.colours, which the template does not hold']);
  });

  it('refuses a list answer given twice, and a decimals setting on a text field', () => {
    const t = copy();
    t.lists['yes-no'] = ['Yes', 'No', 'Yes'];
    field(t, 'cover.completedBy').decimals = 1;
    expect(problemsOf(t)).toEqual([
      'lists.yes-no: names an answer twice',
      'sections[cover].fields[cover.completedBy].decimals: does not apply to this field type',
    ]);
  });
});

describe('parseReturnTemplate: another template version is a new file, not code', () => {
  it('parses a made-up 2099-00 template with its own sections, lists and rules', () => {
    const template = parseReturnTemplate(madeUp, 'fixtures/bcf-quarterly-2099-00.json');
    expect(template.templateVersion).toBe('bcf-quarterly-2099-00');
    expect(template.quarters.Q4.sections).toEqual(['cover', 'wellbeing', 'reflection']);
    expect(template.lists.mood).toEqual(['Sunny', 'Cloudy', 'Stormy']);
    expect(template.rules.map((r) => r.kind)).toContain('required-when');
  });

  it('is checked as strictly as the real one', () => {
    const broken = structuredClone(madeUp) as unknown as ReturnTemplate;
    (broken.rules[3] as { require: string[] }).require = ['wellbeing.because'];
    expect(problemsOf(broken)).toEqual([
      'rules[3 N4].require[0]: names field wellbeing.because, which the template does not have',
    ]);
  });
});
