import { RecordPlanDocument } from '@bcl/domain-plans';
import { PlanDocumentInvalid, parsePlanDocument } from './plan-document';
import { TableCellInvalid } from './plan-tables';
import { LineMap, TabularPlan, locate, readPlanCsv, readPlanWorkbook } from './plan-spreadsheet';

export type PlanInputKind = 'json' | 'xlsx' | 'csv';

/** For CSV, which table the file holds and the plan it belongs to. */
export interface CsvPlanFields {
  table: string;
  areaId: string;
  cycle: string;
  justification: string;
  planId?: string;
}

export interface PlanInput {
  command: RecordPlanDocument;
  /** Where a document field came from: a sheet and line for tables, the field itself for JSON. */
  locate(field: string): string;
}

export function planInputKind(fileName: string): PlanInputKind | undefined {
  const extension = /\.(json|xlsx|csv)$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension as PlanInputKind | undefined;
}

/**
 * Reads a plan from JSON, a workbook or a CSV table into the domain command. Every problem names where it
 * is: a JSON path, or a sheet, line and column. Throws PlanDocumentInvalid or TableCellInvalid.
 */
export async function readPlanInput(
  content: Buffer,
  kind: PlanInputKind,
  csv?: CsvPlanFields,
): Promise<PlanInput> {
  if (kind === 'json') {
    let json: unknown;
    try {
      json = JSON.parse(content.toString('utf8'));
    } catch (error) {
      throw new PlanDocumentInvalid([
        { field: 'body', reason: `is not valid JSON (${(error as Error).message})` },
      ]);
    }
    return { command: parsePlanDocument(json), locate: (field) => field };
  }
  let tabular: TabularPlan;
  if (kind === 'xlsx') tabular = await readPlanWorkbook(content);
  else {
    if (!csv)
      throw new TableCellInvalid('csv', 0, '-', 'say which table the file holds, and the plan it belongs to');
    const { table, ...fields } = csv;
    tabular = readPlanCsv(
      content.toString('utf8'),
      table,
      Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Record<string, string>,
    );
  }
  return {
    command: parseTabular(tabular.document, tabular.lines),
    locate: (field) => locate(field, tabular.lines),
  };
}

function parseTabular(document: Record<string, unknown>, lines: LineMap): RecordPlanDocument {
  try {
    return parsePlanDocument(document);
  } catch (error) {
    if (!(error instanceof PlanDocumentInvalid)) throw error;
    throw new PlanDocumentInvalid(
      error.problems.map((problem) => ({ ...problem, field: locate(problem.field, lines) })),
    );
  }
}
