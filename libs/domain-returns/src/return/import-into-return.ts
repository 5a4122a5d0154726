import { ReturnTemplate } from '../template/return-template';
import { amendPriorQuarter } from './amend-prior-quarter';
import { enterFields } from './enter-fields';
import { evolveReturn } from './evolve-return';
import { FieldValue, QuarterlyReturnState, ReturnEvent } from './quarterly-return';

export interface ImportIntoReturn {
  values: Record<string, FieldValue>;
  /** Changes of figures previously returned, each with its reason. */
  amendments: { field: string; value: FieldValue; reason: string }[];
  /** The person id from authentication. */
  by: string;
}

/**
 * A whole return document or workbook recorded at once: one `ReturnFieldsEntered` of the values that change
 * (none when nothing does), then one `PriorQuarterAmended` per amendment, each version after the one before.
 * Refused as a whole (nothing recorded) when any part is refused.
 */
export function importIntoReturn(
  state: QuarterlyReturnState | undefined,
  input: ImportIntoReturn,
  template: ReturnTemplate,
): ReturnEvent[] {
  const events: ReturnEvent[] = [];
  let current = state;
  const record = (decided: ReturnEvent[]) => {
    for (const event of decided) {
      events.push(event);
      current = evolveReturn(current, event);
    }
  };
  if (Object.keys(input.values).length > 0)
    record(enterFields(current, { values: input.values, enteredBy: input.by }, template));
  for (const amendment of input.amendments)
    record(amendPriorQuarter(current, { ...amendment, amendedBy: input.by }, template));
  return events;
}
