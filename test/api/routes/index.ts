import { RouteCase } from './route-case';
import { REGISTRY_AND_PLAN_ROUTES } from './registry-and-plan-routes';
import { GOVERNANCE_ROUTES } from './governance-routes';
import { FUND_ROUTES } from './fund-routes';
import { RETURN_ROUTES } from '../returns-routes';

export type { RouteCase } from './route-case';

/**
 * Every route of the API with a well-formed request and the roles meant to call it, in the order the samples
 * run (each finds what the earlier ones recorded). The authorisation matrix checks the app's OpenAPI document
 * lists exactly these, so a new route without an entry fails the test.
 */
export const ROUTES: RouteCase[] = [
  ...REGISTRY_AND_PLAN_ROUTES,
  ...GOVERNANCE_ROUTES,
  ...FUND_ROUTES,
  ...RETURN_ROUTES,
];

/** Routes anyone may call. */
export const PUBLIC_ROUTES = ['get /health/live', 'get /health/ready'];
