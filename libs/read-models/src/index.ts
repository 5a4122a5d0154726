import { registryProjection } from '@bcl/domain-registry';
import { plansProjection } from '@bcl/domain-plans';
import { governanceProjection } from '@bcl/domain-governance';
import { fundProjection } from '@bcl/domain-fund';
import { ProjectionDefinition } from '@bcl/service-store';

/** Every read model the service keeps, fed by the projection runner and rebuilt by `bcl projections rebuild`. */
export const PROJECTIONS: ProjectionDefinition[] = [
  registryProjection,
  plansProjection,
  governanceProjection,
  fundProjection,
];
export * from './replay-in-memory';
export * from './event-schemas';
