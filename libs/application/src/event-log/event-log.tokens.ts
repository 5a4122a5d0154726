export const EVENT_STORE = Symbol('EVENT_STORE');
export const SERVICE_STORE = Symbol('SERVICE_STORE');
/** The running projections (ProjectionRunner[]), one per read model. */
export const PROJECTIONS = Symbol('PROJECTIONS');
