import fc from 'fast-check';
import { openEventStore } from '@bcl/event-store-open';
import { ServiceStore, defaultServiceStoreFor } from '@bcl/service-store';
import { RunningApi, startApi } from '../support/api-app';
import { freshSqliteStore } from '../support/durable-stores';
import { ROUTES, RouteCase } from './routes';

const RUNS_PER_ROUTE = 200;
const WRITE_ROUTES = ROUTES.filter((route) => route.method === 'post');
const KNOWN_FIELDS = new Set(
  WRITE_ROUTES.flatMap((route) => Object.keys(route.body!)).concat([
    'parentOrganisationId',
    'personId',
    'until',
  ]),
);

/** Fields the sample bodies fill in but the routes do not require. */
const OPTIONAL_FIELDS: Record<string, string[]> = {
  '/api/posts/{id}/holders': ['until'],
  '/api/plans/import': ['contributions'],
  '/api/governance/bodies': ['areaId'],
  '/api/governance/meetings': ['venue'],
  '/api/governance/meetings/{id}/resolutions': [
    'minuteNo',
    'itemNo',
    'reportsConsidered',
    'concerns',
    'authorises',
    'approvesMinutesOf',
  ],
  '/api/governance/delegations': ['validUntil', 'parentDelegationId', 'reportBack'],
  '/api/governance/delegations/{id}/report-back': ['resolutionId'],
  '/api/governance/delegations/{id}/revocation': ['resolutionId'],
  '/api/governance/instruments/{kind}/{id}/consultations': ['version', 'note'],
  '/api/governance/instruments/{kind}/{id}/approvals': ['version', 'amountPence', 'provisionalConditions'],
  '/api/fund/pools/{poolId}/years/{year}/transactions': ['partnerId', 'source', 'amountPence'],
  '/api/fund/pools/{poolId}/years/{year}/figures': ['quarter', 'composedOf'],
  '/api/returns': ['effectiveOn'],
  '/api/returns/{returnId}/validation': ['effectiveOn'],
};

/** JSON values only: what a client can send (fc.anything() includes undefined, which JSON drops). */
const jsonValue = fc.jsonValue({ maxDepth: 2 });
const jsonObject = fc.dictionary(fc.string({ maxLength: 10 }), jsonValue, { maxKeys: 4 });
/** Longer than any string field allows (the longest, verbatim resolution text, is 4,000 characters). */
const oversizedString = fc.string({ minLength: 4001, maxLength: 6000 });
const notAString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(jsonValue, { maxLength: 5 }),
  jsonObject,
);
const notABoolean = fc.oneof(
  fc.integer(),
  fc.string(),
  fc.constant(null),
  fc.array(fc.boolean(), { maxLength: 3 }),
  jsonObject,
);
/** Not a whole, non-negative number: counts, versions and pence. */
const notACount = fc.oneof(
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.double({ min: 0.01, max: 0.99, noNaN: true }),
  fc.integer({ min: -1_000_000, max: -1 }),
  fc.array(jsonValue, { maxLength: 3 }),
  jsonObject,
);
const notAnArray = fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), jsonObject);

/** A value of the wrong type or size for a field whose valid sample is `sample` (null means "absent" if optional). */
function wrongValueFor(sample: unknown, optional: boolean): fc.Arbitrary<unknown> {
  const wrong =
    typeof sample === 'boolean'
      ? notABoolean
      : typeof sample === 'number'
        ? notACount
        : Array.isArray(sample)
          ? notAnArray
          : fc.oneof(notAString, oversizedString);
  return optional ? wrong.filter((value) => value !== null) : wrong;
}

type Malformed = { body: unknown; field: string };

/** Bodies that are wrong in one known way, and the field the problem must name. */
function malformedBodies(route: RouteCase): fc.Arbitrary<Malformed> {
  const valid = route.body as Record<string, unknown>;
  const fields = Object.keys(valid);
  const required = fields.filter((field) => !(OPTIONAL_FIELDS[route.template] ?? []).includes(field));
  const wrongField = fc.constantFrom(...fields).chain((field) =>
    wrongValueFor(valid[field], !required.includes(field)).map((value) => ({
      body: { ...valid, [field]: value },
      field,
    })),
  );
  const unknownField = fc
    .tuple(fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,20}$/), jsonValue)
    .filter(([key]) => !KNOWN_FIELDS.has(key))
    .map(([key, value]) => ({ body: { ...valid, [key]: value }, field: key }));
  const missingField = fc.constantFrom(...required).map((field) => {
    const rest = { ...valid };
    delete rest[field];
    return { body: rest, field };
  });
  const notAnObject = fc
    .oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.array(jsonValue, { maxLength: 5 }))
    .map((body) => ({ body, field: 'body' }));
  return fc.oneof(wrongField, unknownField, missingField, notAnObject);
}

describe('malformed, oversized and wrongly typed bodies on every write route', () => {
  const store = freshSqliteStore();
  let api: RunningApi;
  let admin: string;
  const snapshot = async () => {
    const events = await openEventStore(store.setting);
    const service = await ServiceStore.open(defaultServiceStoreFor(store.setting));
    try {
      return { head: await events.headPosition(), views: await service.listViews('registry', '', 100_000) };
    } finally {
      await events.close();
      await service.close();
    }
  };
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    api = await startApi(store.setting, { demoData: true });
    admin = await api.token('admin');
    before = await snapshot();
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await store.cleanup();
  });

  it.each(WRITE_ROUTES.map((route) => [route.template, route] as const))(
    'POST %s: every malformed body gets a 400 problem+json naming the field',
    async (_template, route) => {
      const bodiesOfWrongKinds = malformedBodies(route);
      const token = await api.token(route.roles[0]!, undefined, route.personId); // a role the route allows, so validation is what answers
      await fc.assert(
        fc.asyncProperty(bodiesOfWrongKinds, async ({ body, field }) => {
          const response = await api
            .http()
            .post(route.path)
            .set('Authorization', `Bearer ${token}`)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
          expect(response.status).toBe(400);
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
          // the field itself, or (for a nested object sent incomplete) fields within it
          const named = response.body.errors.map((error: { field: string }) => error.field);
          const within = (f: string) => f === field || f.startsWith(`${field}.`) || f.startsWith(`${field}[`);
          expect(named.filter(within)).not.toEqual([]);
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    },
  );

  it('refuses a body over the size limit, broken JSON, a non-JSON body and malformed headers, naming each', async () => {
    const route = WRITE_ROUTES[0]!;
    const post = () => api.http().post(route.path).set('Authorization', `Bearer ${admin}`);
    const huge = await post().send({ ...route.body, reason: 'x'.repeat(70 * 1024) });
    expect([huge.status, huge.body.errors]).toEqual([413, [{ field: 'body', reason: expect.any(String) }]]);
    const broken = await post().set('Content-Type', 'application/json').send('{"organisationId": ');
    expect([broken.status, broken.body.errors]).toEqual([
      400,
      [{ field: 'body', reason: 'must be a JSON object (valid JSON)' }],
    ]);
    const text = await post().set('Content-Type', 'text/plain').send('hello');
    expect([text.status, text.body.errors]).toEqual([
      400,
      [{ field: 'body', reason: 'must be a JSON object' }],
    ]);
    const ifMatch = await post().set('If-Match', 'yesterday').send(route.body);
    expect([ifMatch.status, ifMatch.body.errors[0].field]).toEqual([400, 'If-Match']);
    const key = await post().set('Idempotency-Key', 'has spaces').send(route.body);
    expect([key.status, key.body.errors[0].field]).toEqual([400, 'Idempotency-Key']);
    const query = await api
      .http()
      .get('/api/areas/kent/organisations?asAt=2022-02-30&extra=1')
      .set('Authorization', `Bearer ${admin}`);
    expect(query.status).toBe(400);
    expect(query.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'asAt',
      'extra',
    ]);
  });

  it('changed nothing: the log and the read model are as they were', async () => {
    expect(await snapshot()).toEqual(before);
  });
});
