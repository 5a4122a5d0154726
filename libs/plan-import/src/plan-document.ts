import Ajv2020, { ErrorObject } from 'ajv/dist/2020';
import { PlanContent, RecordPlanDocument } from '@bcl/domain-plans';
import schema from './plan-format.schema.json';

export interface FieldProblem {
  field: string;
  reason: string;
}

/** A plan document that does not match the plan format (plan-format.schema.json beside this file). Nothing is recorded. */
export class PlanDocumentInvalid extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((problem) => `${problem.field}: ${problem.reason}`).join('; '));
    this.name = 'PlanDocumentInvalid';
  }
}

const PROBLEMS_REPORTED_MAX = 20;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** `/contributions/0/amountsPence/2017-18` → `contributions[0].amountsPence.2017-18` (the API's field paths). */
function fieldOf(error: ErrorObject): string {
  const parts = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') parts.push(String(error.params.additionalProperty));
  if (error.keyword === 'required') parts.push(String(error.params.missingProperty));
  const path = parts.reduce(
    (text, part) => (/^\d+$/.test(part) ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    '',
  );
  return path || 'body';
}

function reasonOf(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return 'is not a known field';
  if (error.keyword === 'required') return 'is required';
  return error.message ?? error.keyword;
}

/** Validates a parsed plan file or request body against the schema, and turns it into the domain command. */
export function parsePlanDocument(json: unknown): RecordPlanDocument {
  if (!validate(json)) {
    const seen = new Set<string>();
    const problems = (validate.errors ?? [])
      .map((error) => ({ field: fieldOf(error), reason: reasonOf(error) }))
      .filter((problem) => !seen.has(problem.field) && seen.add(problem.field))
      .slice(0, PROBLEMS_REPORTED_MAX);
    throw new PlanDocumentInvalid(problems);
  }
  const {
    format: _format,
    planId,
    areaId,
    cycle,
    justification,
    ...content
  } = json as {
    format: string;
    planId?: string;
    areaId: string;
    cycle: string;
    justification: string;
  } & Partial<PlanContent>;
  return { planId: planId ?? `${areaId}-${cycle}`, areaId, cycle, justification, content };
}
