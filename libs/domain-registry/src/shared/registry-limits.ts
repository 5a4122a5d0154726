import { TEXT_LIMITS } from '@bcl/kernel';

/** Bounds on registry input. The HTTP DTOs enforce the same numbers (docs/api.md lists them). */
export const REGISTRY_LIMITS = {
  ...TEXT_LIMITS,
  codesPerOrganisationMax: 8,
  codeValueLengthMax: 32,
} as const;
