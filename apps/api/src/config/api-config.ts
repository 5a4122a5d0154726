import { DEFAULT_STORE } from '@bcl/event-store-open';
import { defaultServiceStoreFor } from '@bcl/service-store';
import { TokenVerifierConfig } from '@bcl/identity';
import { LedgerSettings } from '@bcl/application';

/** Everything the API reads from the environment (README "Configuration" lists it). */
export interface ApiConfig extends LedgerSettings {
  port: number;
  /** Interface to listen on; 127.0.0.1 unless HOST says otherwise (e.g. 0.0.0.0 behind a proxy). */
  host: string;
  auth: TokenVerifierConfig;
  /** True when neither a secret nor a JWKS is configured: the built-in development secret is in use. */
  developmentAuth: boolean;
  logLevel: string;
  /** Largest JSON body accepted, in bytes. */
  bodyBytesMax: number;
  /**
   * LEDGER_DEMO_DATA: `load` (the default, except when NODE_ENV=production) loads the demo data (demo/) at start,
   * once, and only into an empty log: a store holding any event starts as it is, with a line saying so. `off`
   * (or `false`) never loads it.
   */
  demoData: DemoDataSetting;
  /**
   * Signed checkpoints (docs/event-store.md): CHECKPOINT_DIR and CHECKPOINT_KEY_FILE (a `checkpoint` key file), both
   * or neither; CHECKPOINT_INTERVAL_SECONDS (default 3600; 0: only after sign-offs and submissions).
   */
  checkpoints: CheckpointSettings | null;
}

export interface CheckpointSettings {
  dir: string;
  keyFile: string;
  intervalSeconds: number;
}

export type DemoDataSetting = 'load' | 'off';

export const API_CONFIG = Symbol('API_CONFIG');
export const BODY_BYTES_MAX_DEFAULT = 64 * 1024;

export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const ledgerStore = env.LEDGER_STORE || DEFAULT_STORE;
  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be 0-65535, not '${env.PORT}'`);
  const developmentAuth = !env.AUTH_JWT_SECRET && !env.AUTH_JWKS_URL;
  if (developmentAuth && env.NODE_ENV === 'production')
    throw new Error(
      'set AUTH_JWKS_URL and AUTH_ISSUER (or AUTH_JWT_SECRET): the development secret is refused in production',
    );
  return {
    port,
    host: env.HOST || '127.0.0.1',
    ledgerStore,
    serviceStore: env.LEDGER_SERVICE_STORE || defaultServiceStoreFor(ledgerStore),
    auth: {
      secret: env.AUTH_JWT_SECRET || undefined,
      issuer: env.AUTH_ISSUER || undefined,
      jwksUrl: env.AUTH_JWKS_URL || undefined,
      audience: env.AUTH_AUDIENCE || undefined,
    },
    developmentAuth,
    logLevel: env.LOG_LEVEL || 'info',
    bodyBytesMax: BODY_BYTES_MAX_DEFAULT,
    demoData: demoDataSetting(env),
    referenceDir: env.LEDGER_REFERENCE_DIR || undefined,
    returnTemplateDir: env.LEDGER_RETURN_TEMPLATE_DIR || undefined,
    returnDeadlines: env.LEDGER_RETURN_DEADLINES || undefined,
    signingKeyFile: env.SIGNING_KEY_FILE || undefined,
    keyringFile: env.KEYRING_FILE?.trim() || undefined,
    checkpointKeyFile: env.CHECKPOINT_KEY_FILE?.trim() || undefined,
    checkpoints: checkpointSettings(env),
  };
}

function checkpointSettings(env: NodeJS.ProcessEnv): CheckpointSettings | null {
  const dir = env.CHECKPOINT_DIR?.trim();
  const keyFile = env.CHECKPOINT_KEY_FILE?.trim();
  if (!dir && !keyFile) return null;
  if (!dir || !keyFile) throw new Error('set both CHECKPOINT_DIR and CHECKPOINT_KEY_FILE, or neither');
  const interval = env.CHECKPOINT_INTERVAL_SECONDS?.trim() || '3600';
  if (!/^\d{1,9}$/.test(interval)) {
    throw new Error(`CHECKPOINT_INTERVAL_SECONDS must be a whole number of seconds, not '${interval}'`);
  }
  return { dir, keyFile, intervalSeconds: Number(interval) };
}

function demoDataSetting(env: NodeJS.ProcessEnv): DemoDataSetting {
  const value = env.LEDGER_DEMO_DATA?.trim().toLowerCase();
  if (!value) return env.NODE_ENV === 'production' ? 'off' : 'load';
  if (value === 'load') return 'load';
  if (value === 'off' || value === 'false') return 'off';
  throw new Error(`LEDGER_DEMO_DATA must be 'load' or 'off', not '${env.LEDGER_DEMO_DATA}'`);
}
