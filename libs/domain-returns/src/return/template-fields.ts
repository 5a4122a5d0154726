import { Quarter } from '@bcl/kernel';
import { FieldTemplate, ReturnTemplate } from '../template/return-template';

/** A field of the template with the section it sits in. */
export interface PlacedField {
  field: FieldTemplate;
  section: string;
}

/** Every field of the template by id, with its section (whatever the quarter). */
export function templateFields(template: ReturnTemplate): Map<string, PlacedField> {
  const fields = new Map<string, PlacedField>();
  for (const section of template.sections)
    for (const field of section.fields) fields.set(field.id, { field, section: section.id });
  return fields;
}

/**
 * Whether a quarter's return has the field: its section is in the quarter's list and the field's own
 * `quarters` (where given) include the quarter.
 */
export function fieldInQuarter(template: ReturnTemplate, quarter: Quarter, placed: PlacedField): boolean {
  const sections = template.quarters[`Q${quarter}`]?.sections ?? [];
  return sections.includes(placed.section) && (placed.field.quarters?.includes(quarter) ?? true);
}

/** The fields of one quarter's return, in template order. */
export function quarterFields(template: ReturnTemplate, quarter: Quarter): FieldTemplate[] {
  return [...templateFields(template).values()]
    .filter((placed) => fieldInQuarter(template, quarter, placed))
    .map((placed) => placed.field);
}

const TEXT_TYPES: readonly FieldTemplate['type'][] = ['text', 'email', 'phone'];

/**
 * The values as they are stored: text fields' strings trimmed and in Unicode NFC, so `" Nick "` and `"Nick"`
 * are one answer; every other value (and any unknown field, which `valueProblems` refuses) as given.
 */
export function normaliseValues<V>(template: ReturnTemplate, values: Record<string, V>): Record<string, V> {
  const fields = templateFields(template);
  return Object.fromEntries(
    Object.entries(values).map(([id, value]) => {
      const type = fields.get(id)?.field.type;
      return [
        id,
        typeof value === 'string' && type !== undefined && TEXT_TYPES.includes(type)
          ? (value.trim().normalize('NFC') as V)
          : value,
      ];
    }),
  );
}
