// STAND-IN: replaced at merge. Every export of this file stands in for the lifecycle, checks and template helpers'
// code (libs/domain-returns return/, read-model/, checks/; libs/quarterly-returns template-files), with the names
// and signatures the API is written against; at merge the lead deletes this file and points the one re-export
// (apps/api/src/returns/returns-domain.ts) and issue-facts.ts at the real ones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CalendarDate, FinancialYear, Quarter, Viewpoint, eventSeenFrom, refuse } from '@bcl/kernel';
import {
  Cell,
  CellProblem,
  CellsRefused,
  Deadline,
  FieldTemplate,
  FieldValue,
  PriorQuarterAmended,
  QuarterlyReturnState,
  ReturnCheck,
  ReturnEvent,
  ReturnSignOff,
  ReturnTemplate,
  ReturnUnderCheck,
  ReturnView,
  SectionValidation,
  returnIdOf,
  returnStream,
} from '@bcl/domain-returns';

type Logged = ReturnEvent & {
  recordedAt?: string;
  stream?: string;
  revision?: number;
  position?: bigint;
  metadata?: { readonly [key: string]: unknown };
};

/** STAND-IN: the template's fields (of the quarter's sections, where a quarter is given). */
export function templateFields(template: ReturnTemplate, quarter?: Quarter): FieldTemplate[] {
  const sections = quarter ? new Set(template.quarters[`Q${quarter}`].sections) : null;
  return template.sections
    .filter((s) => sections === null || sections.has(s.id))
    .flatMap((s) => s.fields)
    .filter((f) => quarter === undefined || f.quarters === undefined || f.quarters.includes(quarter));
}

/** STAND-IN for readReturnTemplate: reads `<LEDGER_RETURN_TEMPLATE_DIR>/<version>.json`, unchecked. */
export function readReturnTemplate(version: string): ReturnTemplate {
  const dir = process.env['LEDGER_RETURN_TEMPLATE_DIR'] ?? join(__dirname, '../../domain-returns/reference');
  return JSON.parse(readFileSync(join(dir, `${version}.json`), 'utf8')) as ReturnTemplate;
}

/** STAND-IN for valueProblems: unknown fields, and a number where a string is due (or the reverse). */
export function valueProblems(
  template: ReturnTemplate,
  quarter: Quarter,
  values: Record<string, FieldValue>,
): CellProblem[] {
  const fields = new Map(templateFields(template, quarter).map((f) => [f.id, f]));
  return Object.entries(values).flatMap(([field, value]): CellProblem[] => {
    const definition = fields.get(field);
    if (!definition) return [{ field, reason: `is not a field of the Q${quarter} return` }];
    const numeric = definition.type === 'money' || definition.type === 'count';
    if (value !== null && numeric !== (typeof value === 'number'))
      return [{ field, reason: numeric ? 'must be a whole number' : 'must be text' }];
    return [];
  });
}

/** STAND-IN for evolveReturn. */
export function evolveReturn(state: QuarterlyReturnState | undefined, event: Logged): QuarterlyReturnState {
  if (event.type === 'ReturnIssued') {
    const d = event.data;
    return {
      returnId: d.returnId,
      areaId: d.areaId,
      financialYear: d.financialYear,
      quarter: d.quarter,
      templateVersion: d.templateVersion,
      previousReturnId: d.previousReturnId,
      deadline: d.deadline,
      version: 1,
      revision: 0,
      cells: { ...d.prepopulated },
      amendments: [],
      validation: null,
      submitted: null,
      status: 'issued',
    };
  }
  const s = state!;
  const revision = s.revision + 1;
  const source = { stream: returnStream(s.returnId), revision, position: event.position?.toString() ?? null };
  switch (event.type) {
    case 'ReturnFieldsEntered': {
      const cells = { ...s.cells };
      for (const [field, value] of Object.entries(event.data.values))
        cells[field] = { value, from: { kind: 'entered', ...source } };
      return {
        ...s,
        revision,
        version: event.data.version,
        cells,
        validation: null,
        status: 'in-completion',
      };
    }
    case 'PriorQuarterAmended': {
      const cells = {
        ...s.cells,
        [event.data.field]: { value: event.data.amendedValue, from: { kind: 'amended' as const, ...source } },
      };
      const amendments = [...s.amendments, { ...event.data, revision }];
      return {
        ...s,
        revision,
        version: event.data.version,
        cells,
        amendments,
        validation: null,
        status: 'in-completion',
      };
    }
    case 'ReturnValidated':
      return {
        ...s,
        revision,
        validation: event.data,
        status: event.data.passed ? 'validated' : 'validation-failed',
      };
    case 'ReturnSubmitted':
      return { ...s, revision, submitted: event.data, status: 'submitted' };
  }
}

const SUBMITTED = "a submitted return never changes: amend its figures from a later quarter's return";
const issuedOrRefuse = (state: QuarterlyReturnState | undefined): QuarterlyReturnState => {
  if (!state) return refuse('not-found', 'returnId', 'the return is not issued');
  if (state.submitted) return refuse('conflict', 'returnId', SUBMITTED);
  return state;
};

/** STAND-IN for issueReturn. */
export function issueReturn(
  state: QuarterlyReturnState | undefined,
  input: { areaId: string; financialYear: FinancialYear; quarter: Quarter; template: ReturnTemplate },
  facts: { prepopulated: Record<string, Cell>; previous: QuarterlyReturnState | null; deadline: Deadline },
): ReturnEvent[] {
  const returnId = returnIdOf(input.areaId, input.financialYear, input.quarter);
  if (state) refuse('conflict', 'quarter', `${returnId} is already issued`);
  if (input.quarter > 1 && facts.previous?.status !== 'submitted')
    refuse('conflict', 'quarter', `the Q${input.quarter - 1} return must be submitted first`);
  const prepopulated = { ...facts.prepopulated };
  const previous = facts.previous;
  if (previous)
    for (const field of templateFields(input.template).filter((f) => f.carried)) {
      const cell = previous.cells[field.id];
      if (cell && cell.value !== null)
        prepopulated[field.id] = {
          value: cell.value,
          from: {
            kind: 'previous-return',
            returnId: previous.returnId,
            stream: returnStream(previous.returnId),
            revision: previous.revision,
            position: null,
          },
        };
    }
  return [
    {
      type: 'ReturnIssued',
      data: {
        returnId,
        areaId: input.areaId,
        financialYear: input.financialYear,
        quarter: input.quarter,
        templateVersion: input.template.templateVersion,
        previousReturnId: previous?.returnId ?? null,
        deadline: facts.deadline,
        prepopulated,
      },
    },
  ];
}

/** STAND-IN for enterFields. */
export function enterFields(
  state: QuarterlyReturnState | undefined,
  input: { values: Record<string, FieldValue>; enteredBy: string },
  template: ReturnTemplate,
): ReturnEvent[] {
  const s = issuedOrRefuse(state);
  const problems = valueProblems(template, s.quarter, input.values);
  for (const field of Object.keys(input.values))
    if (s.cells[field]?.from.kind === 'previous-return')
      problems.push({ field, reason: 'previously returned: amend it, with a reason' });
  if (problems.length > 0) throw new CellsRefused(problems);
  return [{ type: 'ReturnFieldsEntered', data: { returnId: s.returnId, version: s.version + 1, ...input } }];
}

/** STAND-IN for amendPriorQuarter. */
export function amendPriorQuarter(
  state: QuarterlyReturnState | undefined,
  input: { field: string; value: FieldValue; reason: string; amendedBy: string },
  template: ReturnTemplate,
): ReturnEvent[] {
  const s = issuedOrRefuse(state);
  const field = templateFields(template, s.quarter).find((f) => f.id === input.field);
  const cell = s.cells[input.field];
  if (!field?.carried || field.quarter === undefined || cell?.from.kind !== 'previous-return')
    throw new CellsRefused([{ field: input.field, reason: 'is not a figure previously returned' }]);
  if (input.reason.trim() === '') refuse('invalid', 'reason', 'an amendment needs a reason');
  const data: PriorQuarterAmended = {
    returnId: s.returnId,
    version: s.version + 1,
    field: input.field,
    targetQuarter: field.quarter,
    targetReturnId: returnIdOf(s.areaId, s.financialYear, field.quarter),
    previousValue: cell.value,
    amendedValue: input.value,
    amendedBy: input.amendedBy,
    reason: input.reason,
  };
  return [{ type: 'PriorQuarterAmended', data }];
}

/** STAND-IN for checkReturn: the template's `required` rules only. */
export function checkReturn(input: ReturnUnderCheck): ReturnCheck[] {
  const sectionOf = new Map(input.template.sections.flatMap((s) => s.fields.map((f) => [f.id, s.id])));
  return input.template.rules.flatMap((rule) =>
    rule.kind !== 'required' || (rule.quarters && !rule.quarters.includes(input.quarter))
      ? []
      : rule.fields.map((field) => {
          const cell = input.cells[field];
          const filled = cell !== undefined && cell.value !== null && cell.value !== '';
          return {
            checkId: `${rule.rule}:${field}`,
            rule: rule.rule,
            kind: 'rule' as const,
            severity: rule.severity,
            outcome: filled ? ('pass' as const) : ('fail' as const),
            section: sectionOf.get(field) ?? 'cover',
            message: filled ? `${field} is filled` : `${field} must be filled`,
            source: rule.source,
            cells: [
              { field, returnId: input.returnId, value: cell?.value ?? null, from: cell?.from ?? null! },
            ],
          };
        }),
  );
}

/** STAND-IN for sectionValidations. */
export function sectionValidations(
  template: ReturnTemplate,
  quarter: Quarter,
  checks: ReturnCheck[],
): SectionValidation[] {
  return template.quarters[`Q${quarter}`].sections.map((section) => {
    const failing = checks
      .filter(
        (c) =>
          c.section === section && c.kind === 'rule' && c.severity === 'blocking' && c.outcome === 'fail',
      )
      .map((c) => c.checkId);
    return { section, passed: failing.length === 0, failing };
  });
}

/** STAND-IN for validateReturn. */
export function validateReturn(
  state: QuarterlyReturnState | undefined,
  sections: SectionValidation[],
): ReturnEvent[] {
  const s = issuedOrRefuse(state);
  const passed = sections.every((section) => section.passed);
  return [{ type: 'ReturnValidated', data: { returnId: s.returnId, version: s.version, passed, sections } }];
}

/** STAND-IN for submitReturn. */
export function submitReturn(
  state: QuarterlyReturnState | undefined,
  input: { submittedAt: string; channel: string; fileName: string; approvalId: string | null },
  facts: { signOffs: ReturnSignOff[]; blockingFailures: ReturnCheck[] },
): ReturnEvent[] {
  const s = issuedOrRefuse(state);
  const signOff = facts.signOffs.find(
    (act) => act.version === s.version && (input.approvalId === null || act.approvalId === input.approvalId),
  );
  if (!signOff) refuse('conflict', 'approvalId', `version ${s.version} is not signed off`);
  if (facts.blockingFailures.length > 0)
    refuse('conflict', 'checks', facts.blockingFailures.map((c) => `${c.checkId}: ${c.message}`).join('; '));
  const late = Date.parse(input.submittedAt) > Date.parse(s.deadline.at);
  return [
    {
      type: 'ReturnSubmitted',
      data: {
        returnId: s.returnId,
        version: s.version,
        ...input,
        approvalId: signOff.approvalId,
        deadline: s.deadline,
        late,
      },
    },
  ];
}

/** STAND-IN for returnView: as submitted (its own stream), or as restated (with later returns' amendments). */
export function returnView(
  own: Logged[],
  later: Logged[],
  viewpoint: Viewpoint,
  basis: 'as-submitted' | 'as-restated',
): ReturnView | null {
  const seen = (e: Logged) =>
    eventSeenFrom(viewpoint, { recordedAt: e.recordedAt ?? '', metadata: e.metadata });
  const events = own.filter(seen);
  const state = events.reduce<QuarterlyReturnState | undefined>(evolveReturn, undefined);
  if (!state) return null;
  const { revision: _revision, ...rest } = state;
  void _revision;
  const view: ReturnView = {
    ...rest,
    cells: { ...state.cells },
    basis,
    restatements: [],
    recordedAt: { issued: events[0]!.recordedAt ?? '', lastChanged: events.at(-1)!.recordedAt ?? '' },
  };
  if (basis === 'as-restated')
    for (const e of later.filter(seen))
      if (e.type === 'PriorQuarterAmended' && e.data.targetReturnId === state.returnId) {
        const from = { stream: e.stream!, revision: e.revision!, position: e.position?.toString() ?? null };
        view.cells[e.data.field] = { value: e.data.amendedValue, from: { kind: 'amended', ...from } };
        view.restatements.push({ ...e.data, ...from });
      }
  return view;
}

/** STAND-IN for returnHistory: each event, what it did, when and by which version. */
export function returnHistory(
  own: Logged[],
): { type: string; recordedAt: string; effectiveOn: CalendarDate | null; data: object }[] {
  return own.map((e) => ({
    type: e.type,
    recordedAt: e.recordedAt ?? '',
    effectiveOn:
      typeof e.metadata?.['validTime'] === 'string' ? (e.metadata['validTime'] as string).slice(0, 10) : null,
    data: e.data,
  }));
}
