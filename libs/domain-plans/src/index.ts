export * from './reference/planning-reference';
export * from './plan/plan';
export * from './plan/record-plan-document';
export * from './plan/record-lifecycle-step';
export * from './plan/accept-warning';
export * from './plan/plan-history';
export * from './checks/plan-checks';
export * from './read-model/plans-projection';
