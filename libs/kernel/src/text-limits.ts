/** Bounds on the text every context accepts. The HTTP DTOs enforce the same numbers (docs/api.md lists them). */
export const TEXT_LIMITS = {
  idLengthMax: 64,
  nameLengthMax: 200,
  reasonLengthMax: 500,
} as const;
