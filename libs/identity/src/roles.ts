/**
 * The ledger's roles. `auditor` reads everything and writes nothing; each capability maps its commands to
 * the roles that may send them, and anything not mapped is denied.
 */
export const ROLES = ['auditor', 'finance-officer', 'governance-officer', 'programme-lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/** Every role may read the registry. */
export const READERS: readonly Role[] = ROLES;
