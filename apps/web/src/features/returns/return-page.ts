import { FieldValue, ReturnTemplate, ReturnView, ValueSource } from '@bcl/domain-returns';
import { fieldsOfQuarter, sheetNameOf } from '@bcl/quarterly-returns';
import { pounds } from '../../views/nunjucks-environment';

/**
 * What the return page shows, built from the return as submitted and as restated (the same viewpoint) and its
 * template: one table per template sheet, each cell's two values side by side with the amendment that restated
 * it, and where each value came from.
 */

/** One later quarter's amendment of a cell, as the page words it. */
export interface RestatementRow {
  byReturnId: string;
  version: number;
  previous: string;
  amended: string;
  amendedBy: string;
  reason: string;
  /** The amendment, when an operator wrote it raw (`bcl append`): the page marks it. */
  operatorWrite: { reason: string } | null;
}

export interface CellRow {
  fieldId: string;
  label: string;
  submitted: string;
  restated: string;
  differs: boolean;
  source: SourceText;
  restatements: RestatementRow[];
}

export interface SectionTable {
  id: string;
  caption: string;
  rows: CellRow[];
  differences: number;
}

/** Where a value came from: a sentence, and the return it was carried from (linked) where it was one. */
export interface SourceText {
  text: string;
  returnId?: string;
}

const NOTHING = 'Not given';

/** A cell's value as the template shows it: money in pounds (from pence), anything else as written. */
export function displayValue(
  template: ReturnTemplate,
  fieldId: string,
  value: FieldValue | undefined,
): string {
  if (value === null || value === undefined || value === '') return NOTHING;
  const field = template.sections.flatMap((s) => s.fields).find((f) => f.id === fieldId);
  if (field?.type === 'money' && typeof value === 'number') return pounds(value);
  return String(value);
}

const where = (stream: string | null, revision: number | null, position: string | null): string =>
  stream === null
    ? ''
    : ` (stream ${stream}, revision ${revision ?? '?'}${position === null ? '' : `, position ${position}`})`;

/** The source of a value as a reader follows it: the event that filled it, or that nothing was recorded. */
export function sourceText(from: ValueSource | undefined): SourceText {
  if (!from) return { text: 'Not filled' };
  switch (from.kind) {
    case 'ledger':
      return from.stream === null
        ? { text: `Nothing was recorded by the issue date: ${from.description}` }
        : {
            text: `Filled from the ledger: ${from.description}${where(from.stream, from.revision, from.position)}`,
          };
    case 'previous-return':
      return {
        text: `Previously returned${where(from.stream, from.revision, from.position)}`,
        returnId: from.returnId,
      };
    case 'entered':
      return { text: `Entered${where(from.stream, from.revision, from.position)}` };
    case 'amended':
      return { text: `Amended${where(from.stream, from.revision, from.position)}` };
    case 'reference':
      return { text: `Reference data: ${from.file} ${from.key}` };
  }
}

/** The label a cell has on its sheet: its row, and its column where the sheet is a table. */
const labelOf = (row: string, column?: string) => (column ? `${row}: ${column}` : row);

/** Each sheet of the quarter's return as a table of its cells, as submitted and as restated. */
export function sectionTables(
  template: ReturnTemplate,
  submitted: ReturnView,
  restated: ReturnView,
): SectionTable[] {
  const quarter = submitted.quarter;
  const sections = template.quarters[`Q${quarter}`].sections;
  return sections.flatMap((sectionId, index) => {
    const section = template.sections.find((s) => s.id === sectionId);
    if (!section) return [];
    const rows = fieldsOfQuarter(section, quarter).map((field): CellRow => {
      const before = submitted.cells[field.id];
      const after = restated.cells[field.id];
      const restatements = restated.restatements
        .filter((r) => r.field === field.id)
        .map((r) => ({
          byReturnId: r.returnId,
          version: r.version,
          previous: displayValue(template, field.id, r.previousValue),
          amended: displayValue(template, field.id, r.amendedValue),
          amendedBy: r.amendedBy,
          reason: r.reason,
          operatorWrite: r.operatorWrite ?? null,
        }));
      const submittedText = displayValue(template, field.id, before?.value);
      const restatedText = displayValue(template, field.id, after?.value);
      return {
        fieldId: field.id,
        label: labelOf(field.row, field.column),
        submitted: submittedText,
        restated: restatedText,
        differs: submittedText !== restatedText || restatements.length > 0,
        source: sourceText(before?.from),
        restatements,
      };
    });
    return [
      {
        id: section.id,
        caption: sheetNameOf(index + 1, section.title),
        rows,
        differences: rows.filter((r) => r.differs).length,
      },
    ];
  });
}

/** Where an approval's authority leads on the decisions pages: the delegation, the meeting, or the body. */
export interface AuthorityLink {
  href: string;
  text: string;
}

interface ProvenanceAuthority {
  kind: 'delegation' | 'chair' | 'resolution';
  delegations?: {
    delegationId: string;
    granted?: { meeting?: { meetingId: string }; body?: { bodyId: string; name: string | null } };
  }[];
  bodyId?: string;
  body?: { bodyId: string; name: string | null } | null;
  resolutionId?: string;
  meeting?: { meetingId: string; date: string };
}

/** The links of an approval's authority chain: delegation(s) → meeting → body, or the chair's body. */
export function authorityLinks(authority: ProvenanceAuthority): AuthorityLink[] {
  const links: AuthorityLink[] = [];
  const body = (id: string, name: string | null | undefined) =>
    links.push({ href: `/decisions/bodies/${id}`, text: `Body: ${name ?? id}` });
  const meeting = (id: string) => links.push({ href: `/decisions/meetings/${id}`, text: `Meeting ${id}` });
  if (authority.kind === 'delegation')
    for (const delegation of authority.delegations ?? []) {
      links.push({
        href: `/decisions/delegations/${delegation.delegationId}`,
        text: `Delegation ${delegation.delegationId}`,
      });
      if (delegation.granted?.meeting) meeting(delegation.granted.meeting.meetingId);
      if (delegation.granted?.body) body(delegation.granted.body.bodyId, delegation.granted.body.name);
    }
  else if (authority.kind === 'resolution') {
    if (authority.meeting) meeting(authority.meeting.meetingId);
    if (authority.body) body(authority.body.bodyId, authority.body.name);
  } else if (authority.bodyId) body(authority.bodyId, authority.body?.name);
  return links;
}

/** How the authority is named in the sign-off table. */
export const authorityName = (authority: ProvenanceAuthority): string =>
  ({
    delegation: 'Under a delegation',
    resolution: `Under resolution ${authority.resolutionId ?? ''}`.trim(),
    chair: "The chair's standing authority",
  })[authority.kind];
