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
  /**
   * The most delegations one chain of authority may hold: the delegation acted under plus its parents. The
   * facts loader, the authority check and provenance all stop at this length, so what the check accepts is
   * always what provenance can show.
   */
  delegationChainLengthMax: 8,
} as const;
