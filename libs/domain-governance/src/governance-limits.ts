/** Bounds on governance input. The HTTP DTOs enforce the same numbers (docs/api.md lists them). */
export const GOVERNANCE_LIMITS = {
  titleLengthMax: 300,
  textLengthMax: 4000,
  labelLengthMax: 16,
  agendaItemsMax: 100,
  attendeesMax: 200,
  declarationsMax: 100,
  partsMax: 40,
  referencesMax: 20,
  postsMax: 10,
} as const;
