/** Bounds on registry input. The HTTP DTOs enforce the same numbers (docs/api.md lists them). */
export const REGISTRY_LIMITS = {
  idLengthMax: 64,
  nameLengthMax: 200,
  codesPerOrganisationMax: 8,
  codeValueLengthMax: 32,
  reasonLengthMax: 500,
} as const;

/** Ids are chosen by the caller so that a retry names the same thing: lower-case words joined by hyphens. */
export const ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
