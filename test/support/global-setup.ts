import { execFileSync } from 'node:child_process';
import { getContainerRuntimeClient, GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { PostgreSqlContainer } from '@testcontainers/postgresql';

declare global {
  var __BCL_CONTAINERS__: StartedTestContainer[] | undefined;
}

/**
 * Builds dist/ (child-process tests run the compiled CLI and workers), then finds the real servers:
 * DATABASE_URL / ESDB_URL when set, else containers where a container engine answers, else a skip reason.
 */
export default async function globalSetup(): Promise<void> {
  process.stderr.write('\nbuilding dist/ for the child-process tests ...\n');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
  const needContainers = !process.env.DATABASE_URL || !process.env.ESDB_URL;
  const runtime = needContainers
    ? await getContainerRuntimeClient().then(
        () => true,
        () => false,
      )
    : false;
  const containers: StartedTestContainer[] = [];
  globalThis.__BCL_CONTAINERS__ = containers;
  if (!process.env.DATABASE_URL) {
    if (runtime) {
      const postgres = await new PostgreSqlContainer('postgres:15-alpine').start();
      containers.push(postgres);
      process.env.DATABASE_URL = postgres.getConnectionUri();
    } else {
      process.env.BCL_TEST_POSTGRES_SKIP = 'DATABASE_URL is not set and no container engine is reachable';
    }
  }
  if (!process.env.ESDB_URL) {
    if (runtime) {
      const esdb = await new GenericContainer('eventstore/eventstore:24.10')
        .withEnvironment({
          EVENTSTORE_INSECURE: 'true',
          EVENTSTORE_MEM_DB: 'true',
          EVENTSTORE_RUN_PROJECTIONS: 'None',
        })
        .withExposedPorts(2113)
        .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
        .start();
      containers.push(esdb);
      process.env.ESDB_URL = `esdb://${esdb.getHost()}:${esdb.getMappedPort(2113)}?tls=false`;
    } else {
      process.env.BCL_TEST_ESDB_SKIP = 'ESDB_URL is not set and no container engine is reachable';
    }
  }
  const describe = (label: string, url: string | undefined, skip: string | undefined, required: boolean) =>
    url
      ? `${label}: ${url.replace(/\/\/[^@/]*@/, '//…@')}${required ? ' (required)' : ''}`
      : `${label}: absent (${skip}); its suites are ${required ? 'REQUIRED and will fail' : 'skipped'}`;
  process.stderr.write(
    `servers for this run:\n  ${describe('PostgreSQL', process.env.DATABASE_URL, process.env.BCL_TEST_POSTGRES_SKIP, process.env.REQUIRE_POSTGRES === '1')}\n` +
      `  ${describe('EventStoreDB', process.env.ESDB_URL, process.env.BCL_TEST_ESDB_SKIP, process.env.REQUIRE_ESDB === '1')}\n`,
  );
}
