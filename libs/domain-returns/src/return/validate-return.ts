import { refuse } from '@bcl/kernel';
import { QuarterlyReturnState, ReturnEvent, SectionValidation } from './quarterly-return';
import { writableReturn } from './return-guards';

/** What validation read: each section's outcome (the checks' `sectionValidations`). */
export interface ValidateFacts {
  sections: SectionValidation[];
}

/**
 * Records the template's validation of the current version (Q3, Q4): each section's cell green or red, and
 * passed when every section passed. Refused before issue, once submitted, and with no section.
 */
export function validateReturn(state: QuarterlyReturnState | undefined, facts: ValidateFacts): ReturnEvent[] {
  const current = writableReturn(state);
  if (facts.sections.length === 0) refuse('invalid', 'sections', 'no section was validated');
  return [
    {
      type: 'ReturnValidated',
      data: {
        returnId: current.returnId,
        version: current.version,
        passed: facts.sections.every((s) => s.passed),
        sections: facts.sections,
      },
    },
  ];
}
