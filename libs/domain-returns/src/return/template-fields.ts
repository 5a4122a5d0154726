import { Quarter } from '@bcl/kernel';
import { FieldTemplate, ReturnTemplate } from '../template/return-template';

/** A field of the template with the section it sits in. */
export interface PlacedField {
  field: FieldTemplate;
  section: string;
}

/** Every field id the template has, in any quarter. */
export function templateFieldIds(template: ReturnTemplate): Set<string> {
  return new Set(template.sections.flatMap((section) => section.fields.map((field) => field.id)));
}

/**
 * The fields a quarter's return has, by id, with their sections: those of the quarter's sections, less those
 * whose `quarters` leave it out. An id may have one entry per set of quarters where the template prints it
 * differently (Q4's Yes/No condition answer): this picks the quarter's.
 */
export function fieldsOfQuarter(template: ReturnTemplate, quarter: Quarter): Map<string, PlacedField> {
  const sections = template.quarters[`Q${quarter}`]?.sections ?? [];
  const fields = new Map<string, PlacedField>();
  for (const section of template.sections) {
    if (!sections.includes(section.id)) continue;
    for (const field of section.fields)
      if (!field.quarters || field.quarters.includes(quarter))
        fields.set(field.id, { field, section: section.id });
  }
  return fields;
}

/** The fields of one quarter's return, in template order. */
export function quarterFields(template: ReturnTemplate, quarter: Quarter): FieldTemplate[] {
  return [...fieldsOfQuarter(template, quarter).values()].map((placed) => placed.field);
}

const TEXT_TYPES: readonly FieldTemplate['type'][] = ['text', 'email', 'phone'];

/**
 * The values as they are stored: text fields' strings trimmed and in Unicode NFC, so `" Nick "` and `"Nick"`
 * are one answer; every other value (and any unknown field, which `valueProblems` refuses) as given.
 */
export function normaliseValues<V>(template: ReturnTemplate, values: Record<string, V>): Record<string, V> {
  const types = new Map(
    template.sections.flatMap((section) => section.fields.map((field) => [field.id, field.type] as const)),
  );
  return Object.fromEntries(
    Object.entries(values).map(([id, value]) => {
      const type = types.get(id);
      return [
        id,
        typeof value === 'string' && type !== undefined && TEXT_TYPES.includes(type)
          ? (value.trim().normalize('NFC') as V)
          : value,
      ];
    }),
  );
}
