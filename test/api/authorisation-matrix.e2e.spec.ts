import { ROLES, signDevelopmentToken } from '@bcl/identity';
import { RunningApi, startApi } from '../support/api-app';
import { freshSqliteStore } from '../support/durable-stores';
import { PUBLIC_ROUTES, ROUTES, RouteCase } from './routes';
import { useTestReturnTemplates } from './returns-routes';

/** The store does not change who may do what, so the matrix runs on SQLite only. */
describe('authorisation matrix: every route, every role, and bad tokens', () => {
  const store = freshSqliteStore();
  const templates = useTestReturnTemplates();
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi(store.setting, { demoData: true });
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await store.cleanup();
    templates.restore();
  });

  const send = (route: RouteCase, token?: string) => {
    const http = api.http();
    const call =
      route.method === 'get' ? http.get(route.path) : http[route.method](route.path).send(route.body ?? {});
    return token === undefined ? call : call.set('Authorization', `Bearer ${token}`);
  };

  it('covers exactly the routes the OpenAPI document lists', async () => {
    const document = await api.http().get('/api/openapi.json').expect(200);
    const listed = Object.entries(document.body.paths as Record<string, object>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method} ${path}`),
    );
    const covered = [...ROUTES.map((route) => `${route.method} ${route.template}`), ...PUBLIC_ROUTES];
    expect([...listed].sort()).toEqual([...covered].sort());
  });

  it.each(ROUTES.map((route) => [`${route.method.toUpperCase()} ${route.template}`, route] as const))(
    '%s: 401 without a valid token; only its roles pass',
    async (_name, route) => {
      const now = Math.floor(Date.now() / 1000);
      const badTokens = {
        none: undefined,
        garbage: 'not-a-jwt',
        badSignature: await signDevelopmentToken({
          roles: ['admin'],
          subject: 'mallory',
          secret: 'another-secret',
        }),
        expired: await signDevelopmentToken({
          roles: ['admin'],
          subject: 'late',
          issuedAt: now - 7200,
          ttlSeconds: 60,
        }),
        noRoles: null,
      };
      for (const [kind, token] of Object.entries(badTokens)) {
        if (kind === 'noRoles') continue;
        const response = await send(route, token ?? undefined);
        expect({ kind, status: response.status, type: response.headers['content-type'] }).toEqual({
          kind,
          status: 401,
          type: expect.stringMatching(/^application\/problem\+json/),
        });
      }
      const unknownRole = await send(route, await signDevelopmentToken({ roles: [], subject: 'nobody' }));
      expect(unknownRole.status).toBe(403);

      await route.prepare?.(api);
      let firstAllowed = true;
      for (const role of ROLES) {
        const response = await send(route, await api.token(role, undefined, route.personId));
        const allowed = route.roles.includes(role);
        if (allowed && firstAllowed) expect(response.status).toBeLessThan(300); // the sample request is valid
        firstAllowed &&= !allowed;
        const outcome = response.status === 401 || response.status === 403 ? 'denied' : 'let through';
        expect({ role, outcome }).toEqual({ role, outcome: allowed ? 'let through' : 'denied' });
        expect(response.status).toBeLessThan(500);
      }
    },
  );

  it.each(PUBLIC_ROUTES)('%s needs no token', async (route) => {
    await api.http().get(route.split(' ')[1]!).expect(200);
  });

  it('serves the API documentation without a token', async () => {
    const ui = await api.http().get('/api/docs/').expect(200);
    expect(ui.headers['content-type']).toMatch(/^text\/html/);
    const document = await api.http().get('/api/openapi.json').expect(200);
    expect(document.body.components.schemas.RegisterOrganisationDto.required).toEqual(
      expect.arrayContaining(['organisationId', 'kind', 'name', 'codes', 'establishedOn', 'reason']),
    );
  });
});
