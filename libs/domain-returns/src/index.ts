/**
 * Quarterly returns (BRIEF §3.3, §4.5): the template versions as reference data (template/), a return's
 * stream, lifecycle and views (return/), the template's validation rules and a reviewer's consistency checks
 * (checks/), and the read model (read-model/).
 */
export * from './template/return-template';
export * from './template/parse-template';
export * from './return/quarterly-return';
export * from './return/cells-refused';
export * from './return/value-rules';
// the lifecycle (return/, read-model/)
export * from './return/template-fields';
export * from './return/return-guards';
export * from './return/evolve-return';
export * from './return/issue-return';
export * from './return/enter-fields';
export * from './return/amend-prior-quarter';
export * from './return/import-into-return';
export * from './return/validate-return';
export * from './return/submit-return';
export * from './return/sign-off-obstacles';
export * from './return/return-views';
export * from './read-model/returns-projection';
export * from './checks/return-check';
export * from './checks/check-return';
export { shareFeasibility } from './checks/consistency/share-of-count';
export type { FeasibleShare } from './checks/consistency/share-of-count';
export { rateAgrees, rateOf } from './checks/consistency/rate-agrees';
export type { Rational } from './checks/decimal';
export * from './events';
