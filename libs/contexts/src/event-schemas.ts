import { combineCatalogues } from '@bcl/kernel';
import { REGISTRY_EVENT_SCHEMAS } from '@bcl/domain-registry';
import { PLAN_EVENT_SCHEMAS } from '@bcl/domain-plans';
import { GOVERNANCE_EVENT_SCHEMAS } from '@bcl/domain-governance';
import { FUND_EVENT_SCHEMAS } from '@bcl/domain-fund';
import { RETURN_EVENT_SCHEMAS } from '@bcl/domain-returns';

/**
 * Every context's event types and their current schema versions, as one catalogue: what the API and the CLI
 * wrap their event store with (`withUpcasting`), so that every reader sees every event in its current shape.
 * A type declared by two contexts is refused here, when the module loads.
 */
export const EVENT_SCHEMAS = combineCatalogues(
  REGISTRY_EVENT_SCHEMAS,
  PLAN_EVENT_SCHEMAS,
  GOVERNANCE_EVENT_SCHEMAS,
  FUND_EVENT_SCHEMAS,
  RETURN_EVENT_SCHEMAS,
);
