import { postgresBinaries } from './own-postgres';

/**
 * Which real servers the tests can reach. test/support/global-setup.ts decides once per run and leaves the
 * answer in the environment: a URL, or the reason there is none. A suite that needs an absent server is
 * reported as skipped with that reason in its title; where CI sets REQUIRE_<SERVER>=1 it fails instead.
 */
export type ServerName = 'postgres' | 'esdb';

const SETTINGS: Record<ServerName, { url: string; reason: string; require: string; label: string }> = {
  postgres: {
    url: 'DATABASE_URL',
    reason: 'BCL_TEST_POSTGRES_SKIP',
    require: 'REQUIRE_POSTGRES',
    label: 'PostgreSQL',
  },
  esdb: { url: 'ESDB_URL', reason: 'BCL_TEST_ESDB_SKIP', require: 'REQUIRE_ESDB', label: 'EventStoreDB' },
};

export function serverUrl(name: ServerName): string | undefined {
  return process.env[SETTINGS[name].url] || undefined;
}

/**
 * describe() for a suite that needs something the machine may lack: runs with it where found; else, where the
 * environment flag `requiredBy` is set, fails saying what is missing; else is reported skipped with the reason.
 */
export function describeNeeding<T>(
  title: string,
  found: { value: T } | { reason: string },
  required: { flag: string; set: boolean; what: string },
  body: (value: T) => void,
): void {
  if ('value' in found) {
    describe(title, () => body(found.value));
    return;
  }
  if (required.set) {
    describe(title, () => {
      it(`needs ${required.what}`, () => {
        throw new Error(`${required.flag} but ${required.what} is unavailable: ${found.reason}`);
      });
    });
    return;
  }
  describe.skip(`${title} [skipped: ${found.reason}]`, () => body(undefined as T));
}

/** describe() for a suite that needs a server: runs, skips with the reason, or fails when required. */
export function describeWithServer(name: ServerName, title: string, body: (url: string) => void): void {
  const settings = SETTINGS[name];
  const url = serverUrl(name);
  const found = url
    ? { value: url }
    : { reason: process.env[settings.reason] ?? `${settings.url} is not set` };
  const required = {
    flag: `${settings.require}=1`,
    set: process.env[settings.require] === '1',
    what: settings.label,
  };
  describeNeeding(title, found, required, body);
}

/**
 * describe() for a suite that starts its own PostgreSQL cluster (test/support/own-postgres.ts): runs when
 * Debian's binaries are present, else skips with the reason, or fails where REQUIRE_POSTGRES=1.
 */
export function describeWithPostgresBinaries(title: string, body: (bin: string) => void): void {
  const found = postgresBinaries();
  const required = {
    flag: 'REQUIRE_POSTGRES=1',
    set: process.env.REQUIRE_POSTGRES === '1',
    what: 'a PostgreSQL cluster of its own',
  };
  describeNeeding(title, 'bin' in found ? { value: found.bin } : found, required, body);
}
