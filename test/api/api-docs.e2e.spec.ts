import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '@bcl/identity';
import { RunningApi, startApi } from '../support/api-app';
import { freshSqliteStore } from '../support/durable-stores';
import { PUBLIC_ROUTES, ROUTES } from './routes';

const API_MD = readFileSync(join(__dirname, '..', '..', 'docs', 'api.md'), 'utf8');

/** docs/api.md's roles table: `METHOD /path` → the roles it lists ("all five roles" is every role). */
function documentedRoles(markdown: string): Map<string, string[]> {
  const section = markdown.slice(
    markdown.indexOf('## Authentication and roles'),
    markdown.indexOf('\n## ', markdown.indexOf('## Authentication and roles') + 1),
  );
  const rows = new Map<string, string[]>();
  for (const [, method = '', path = '', roles = ''] of section.matchAll(
    /^\| `(GET|POST|PATCH) (\/\S+)` +\| ([^|]+)\|$/gm,
  )) {
    const key = `${method.toLowerCase()} ${path}`;
    if (rows.has(key)) throw new Error(`docs/api.md lists ${key} twice`);
    const listed = roles.trim().startsWith('all five roles')
      ? [...ROLES]
      : roles
          .split(',')
          .map((role) => role.trim())
          .filter((role) => (ROLES as readonly string[]).includes(role));
    rows.set(key, listed.sort());
  }
  return rows;
}

/** The roles table is the newcomer's map of who may do what: it must list every route, with its roles. */
describe('docs/api.md agrees with the API', () => {
  const store = freshSqliteStore();
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi(store.setting);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await store.cleanup();
  });

  it('the roles table lists every route of the OpenAPI document, and no other', async () => {
    const document = await api.http().get('/api/openapi.json').expect(200);
    const routes = Object.entries(document.body.paths as Record<string, object>)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`))
      .filter((route) => !PUBLIC_ROUTES.includes(route));
    expect([...documentedRoles(API_MD).keys()].sort()).toEqual(routes.sort());
  });

  it('keeps the operationIds clients were generated from: one controller per context, unique', async () => {
    const document = await api.http().get('/api/openapi.json').expect(200);
    const ids = Object.values(
      document.body.paths as Record<string, Record<string, { operationId: string }>>,
    ).flatMap((methods) => Object.values(methods).map((operation) => operation.operationId));
    const controllers = new Set(ids.map((id) => id.split('_')[0]));
    expect([...controllers].sort()).toEqual([
      'AccessLogController',
      'AreasController',
      'FundController',
      'GovernanceController',
      'HealthController',
      'OrganisationsController',
      'PeopleController',
      'PlansController',
      'PostsController',
      'ReturnsController',
    ]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('each route has the roles the authorisation matrix proves', () => {
    const documented = documentedRoles(API_MD);
    const proven = ROUTES.map((route) => [`${route.method} ${route.template}`, [...route.roles].sort()]);
    expect(proven.map(([route]) => [route, documented.get(route as string)])).toEqual(proven);
  });

  it('what it says needs no token needs none', async () => {
    for (const path of ['/health/live', '/health/ready', '/api/docs', '/api/openapi.json'])
      expect({ path, status: (await api.http().get(path)).status }).toEqual({ path, status: 200 });
    expect(API_MD).toContain(
      'Every route except `/health/live`, `/health/ready`, `/api/docs` (Swagger UI) and `/api/openapi.json` needs',
    );
  });
});
