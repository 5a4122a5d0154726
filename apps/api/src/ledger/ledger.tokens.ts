export const EVENT_STORE = Symbol('EVENT_STORE');
export const SERVICE_STORE = Symbol('SERVICE_STORE');
export const REGISTRY_PROJECTION = Symbol('REGISTRY_PROJECTION');
