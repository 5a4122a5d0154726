import { Identity } from '@bcl/identity';

declare module 'express-serve-static-core' {
  interface Request {
    /** Taken from X-Correlation-Id, or generated; carried into every event the request records. */
    correlationId: string;
    /** Set by the authentication guard. */
    identity?: Identity;
  }
}

export {};
