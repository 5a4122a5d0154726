import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '@bcl/identity';
import { RunningApi, startApi } from '../support/api-app';
import { freshSqliteStore } from '../support/durable-stores';
import { PUBLIC_ROUTES, ROUTES } from './routes';
import { OPERATION_SUMMARIES } from '../../apps/api/src/http/openapi-summaries';
import { describeOperations } from '../../apps/api/src/http/openapi-operations';
import type { OpenAPIObject } from '@nestjs/swagger';

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
      'LogProofsController',
      'OrganisationsController',
      'PeopleController',
      'PlansController',
      'PostsController',
      'ReturnsController',
      'ViewVerificationController',
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

interface DocumentedOperation {
  route: string;
  method: string;
  operationId: string;
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  'x-roles'?: string[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

const operationsOf = (document: { paths: Record<string, Record<string, DocumentedOperation>> }) =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      ...operation,
      method,
      route: `${method} ${path}`,
    })),
  );

/** The document tells a newcomer what each route does, who may call it, how it fails, and how to get a token. */
describe('the OpenAPI document describes every operation', () => {
  const store = freshSqliteStore();
  let api: RunningApi;
  let document: OpenAPIObject & { paths: Record<string, Record<string, DocumentedOperation>> };
  beforeAll(async () => {
    api = await startApi(store.setting);
    document = (await api.http().get('/api/openapi.json').expect(200)).body;
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await store.cleanup();
  });

  it('offers Idempotency-Key on writes only, and says readiness may answer 503', () => {
    const reads = Object.entries(document.paths).flatMap(([path, item]) =>
      item.get
        ? [{ path, parameters: (item.get as { parameters?: { name?: string }[] }).parameters ?? [] }]
        : [],
    );
    expect(reads.length).toBeGreaterThan(30);
    expect(
      reads.filter(({ parameters }) => parameters.some(({ name }) => name === 'Idempotency-Key')),
    ).toEqual([]);
    const writes = Object.values(document.paths).flatMap((item) => (item.post ? [item.post] : []));
    expect(
      writes.some((operation) =>
        ((operation as { parameters?: { name?: string }[] }).parameters ?? []).some(
          ({ name }) => name === 'Idempotency-Key',
        ),
      ),
    ).toBe(true);
    expect(Object.keys(document.paths['/health/ready']!.get!.responses)).toContain('503');
  });

  it('every operation has its summary from the table, and the table names no other', () => {
    const operations = operationsOf(document);
    const lacking = operations
      .filter((operation) => !(operation.operationId in OPERATION_SUMMARIES))
      .map((operation) => `${operation.operationId} (${operation.route})`);
    expect(lacking).toEqual([]); // add a line for each to apps/api/src/http/openapi-summaries.ts
    const ids = new Set(operations.map((operation) => operation.operationId));
    expect(Object.keys(OPERATION_SUMMARIES).filter((id) => !ids.has(id))).toEqual([]);
    for (const operation of operations)
      expect([operation.operationId, operation.summary]).toEqual([
        operation.operationId,
        OPERATION_SUMMARIES[operation.operationId],
      ]);
  });

  it('an operation the table lacks still gets a readable summary (its method and path)', () => {
    const bare = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: { '/api/things/{id}': { get: { operationId: 'ThingsController_get', responses: {} } } },
    } as OpenAPIObject;
    const described = describeOperations(bare, new Map(), {});
    expect(described.paths['/api/things/{id}']!.get!.summary).toBe('Read /api/things/{id}');
  });

  it('x-roles are the roles each route allows (as the authorisation matrix proves), and its description says them', () => {
    const byRoute = new Map(operationsOf(document).map((operation) => [operation.route, operation]));
    const proven = ROUTES.map(
      (route) => [`${route.method} ${route.template}`, [...route.roles].sort()] as const,
    );
    expect(proven.map(([route]) => [route, [...(byRoute.get(route)?.['x-roles'] ?? [])].sort()])).toEqual(
      proven,
    );
    const described = proven.map(([route]) => {
      const line = /^Roles: (.+)\.$/m.exec(byRoute.get(route)?.description ?? '')?.[1] ?? '';
      return [route, line.split(', ').sort()];
    });
    expect(described).toEqual(proven);
  });

  it('routes that need a token say so (bearer security); public routes have none, and no x-roles', () => {
    for (const operation of operationsOf(document)) {
      const isPublic = PUBLIC_ROUTES.includes(operation.route);
      expect({
        route: operation.route,
        security: operation.security,
        roles: operation['x-roles'] !== undefined,
      }).toEqual({
        route: operation.route,
        security: isPublic ? undefined : [{ bearer: [] }],
        roles: !isPublic,
      });
    }
    expect(document.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('every route that needs a token lists its error responses as application/problem+json', () => {
    const problem = { $ref: '#/components/schemas/Problem' };
    for (const operation of operationsOf(document).filter((o) => !PUBLIC_ROUTES.includes(o.route))) {
      const expected = ['400', '401', '403', '404', '500'];
      if (operation.method !== 'get') expected.push('409', '412', '422', '507');
      const answered = expected.map((status) => [
        operation.route,
        status,
        operation.responses[status]?.content?.['application/problem+json']?.schema,
      ]);
      expect(answered).toEqual(expected.map((status) => [operation.route, status, problem]));
    }
    expect(document.components?.schemas?.Problem).toMatchObject({
      required: ['type', 'title', 'status'],
      properties: {
        type: { type: 'string' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string' },
        instance: { type: 'string' },
        correlationId: { type: 'string' },
        errors: {
          type: 'array',
          items: { properties: { field: { type: 'string' }, reason: { type: 'string' } } },
        },
      },
    });
  });

  it('a problem the API answers has the shape the schema documents', async () => {
    const response = await api
      .http()
      .get('/api/posts?limit=0')
      .set('Authorization', `Bearer ${await api.token('auditor')}`);
    expect(response.status).toBe(400);
    const schema = document.components!.schemas!.Problem as { properties: Record<string, unknown> };
    const documented = Object.keys(schema.properties);
    expect(Object.keys(response.body).filter((key) => !documented.includes(key))).toEqual([]);
    expect(response.body.errors[0]).toEqual({ field: 'limit', reason: expect.any(String) });
  });

  it('/api/docs says how to get a token: bcl token in development, the identity provider in production, Authorize', async () => {
    const description = document.info.description ?? '';
    for (const phrase of [
      'npx bcl token --role auditor',
      'AUTH_ISSUER',
      'AUTH_JWKS_URL',
      'Authorize',
      ...ROLES,
    ])
      expect([phrase, description.includes(phrase)]).toEqual([phrase, true]);
    // Swagger UI shows the same description: it is in the document the page loads
    const init = await api.http().get('/api/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toContain('npx bcl token --role auditor');
  });
});
