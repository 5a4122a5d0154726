import { registryProjection } from '@bcl/domain-registry';
import { plansProjection } from '@bcl/domain-plans';
import { ProjectionDefinition } from '@bcl/service-store';

/** Every read model the service keeps, fed by the projection runner and rebuilt by `bcl projections rebuild`. */
export const PROJECTIONS: ProjectionDefinition[] = [
  registryProjection,
  plansProjection,
] as unknown as ProjectionDefinition[];
