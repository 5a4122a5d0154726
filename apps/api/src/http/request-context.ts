import { Identity } from '@bcl/identity';

declare module 'express-serve-static-core' {
  interface Request {
    /** Taken from X-Correlation-Id, or generated; carried into every event the request records. */
    correlationId: string;
    /** Set by the authentication guard. */
    identity?: Identity;
    /** Set by the idempotency interceptor: the hash of the request an Idempotency-Key was sent with. */
    idempotencyRequestHash?: string;
  }
}

export {};
