/**
 * The bounded contexts as the service wires them: every context's projection (fed by the runner, rebuilt by
 * `bcl projections rebuild`), their event schemas in one catalogue, and an in-memory replay for read-only tools.
 * A new context is added here once, and the API, the CLI and the web pages pick it up.
 */
import { registryProjection } from '@bcl/domain-registry';
import { plansProjection } from '@bcl/domain-plans';
import { governanceProjection } from '@bcl/domain-governance';
import { fundProjection } from '@bcl/domain-fund';
import { ProjectionDefinition } from '@bcl/service-store';

/** Every read model the service keeps. */
export const PROJECTIONS: ProjectionDefinition[] = [
  registryProjection,
  plansProjection,
  governanceProjection,
  fundProjection,
];
export * from './replay-in-memory';
export * from './event-schemas';
export * from './assumed-facts';
export * from './context-streams';
