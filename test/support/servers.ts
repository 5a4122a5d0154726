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

/** describe() for a suite that needs a server: runs, skips with the reason, or fails when required. */
export function describeWithServer(name: ServerName, title: string, body: (url: string) => void): void {
  const settings = SETTINGS[name];
  const url = serverUrl(name);
  if (url) {
    describe(title, () => body(url));
    return;
  }
  const reason = process.env[settings.reason] ?? `${settings.url} is not set`;
  if (process.env[settings.require] === '1') {
    describe(title, () => {
      it(`needs ${settings.label}`, () => {
        throw new Error(`${settings.require}=1 but ${settings.label} is unavailable: ${reason}`);
      });
    });
    return;
  }
  describe.skip(`${title} [skipped: ${reason}]`, () => body(''));
}

/**
 * describe() for a suite that starts its own PostgreSQL cluster (test/support/own-postgres.ts): runs when
 * Debian's binaries are present, else skips with the reason, or fails where REQUIRE_POSTGRES=1.
 */
export function describeWithPostgresBinaries(title: string, body: (bin: string) => void): void {
  const found = postgresBinaries();
  if ('bin' in found) {
    describe(title, () => body(found.bin));
    return;
  }
  if (process.env.REQUIRE_POSTGRES === '1') {
    describe(title, () => {
      it('needs the PostgreSQL server binaries', () => {
        throw new Error(`REQUIRE_POSTGRES=1 but a PostgreSQL cluster cannot be started: ${found.reason}`);
      });
    });
    return;
  }
  describe.skip(`${title} [skipped: ${found.reason}]`, () => body(''));
}
