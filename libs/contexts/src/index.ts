/**
 * The bounded contexts as the service wires them: every context's projection (fed by the runner, rebuilt by
 * `bcl projections rebuild`), their event schemas in one catalogue, and an in-memory replay for read-only tools.
 * A new context is added here once, and the API, the CLI and the web pages pick it up.
 */
import { registryProjection } from '@bcl/domain-registry';
import { plansProjection } from '@bcl/domain-plans';
import { governanceProjection } from '@bcl/domain-governance';
import { fundProjection, fundTotalsProjection } from '@bcl/domain-fund';
import { ProjectionDefinition } from '@bcl/service-store';

/** Every read model the service keeps. */
export const PROJECTIONS: ProjectionDefinition[] = [
  registryProjection,
  plansProjection,
  governanceProjection,
  fundProjection,
  fundTotalsProjection,
];

/**
 * The projections a query replays to answer from another viewpoint (as at a date, as known at an instant): all
 * but the fund totals, which are read only as known now (a pool-year as known at an instant is folded instead).
 */
export const PROJECTIONS_AT_A_VIEWPOINT: ProjectionDefinition[] = PROJECTIONS.filter(
  (p) => p !== fundTotalsProjection,
);
export * from './replay-in-memory';
export * from './event-schemas';
export * from './assumed-facts';
export * from './context-streams';
