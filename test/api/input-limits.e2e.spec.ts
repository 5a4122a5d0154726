import { openEventStore } from '@bcl/event-store-open';
import { RunningApi, startApi } from '../support/api-app';
import { freshSqliteStore } from '../support/durable-stores';

/** Nested `depth` levels deep: `[[[…]]]` or `{"a":{"a":…}}`, as raw JSON text (the parser takes any depth). */
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);
/** Wide: an object with `keys` members (`{"k0":0,…}`, for the 2 MiB plan import), or an array of `items` zeros in an object (within 64 KiB). */
const wideObject = (keys: number) =>
  JSON.stringify(Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, 0])));
const wideArray = (items: number) => `{"codes":[${Array(items).fill('0').join(',')}]}`;

describe('input limits: JSON depth and width, and year and date bounds', () => {
  const store = freshSqliteStore();
  let api: RunningApi;
  let admin: string;
  const head = async () => {
    const events = await openEventStore(store.setting);
    try {
      return await events.headPosition();
    } finally {
      await events.close();
    }
  };

  beforeAll(async () => {
    api = await startApi(store.setting, { demoData: true });
    admin = await api.token('admin');
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await store.cleanup();
  });

  const postRaw = (path: string, text: string, key?: string, token = admin) => {
    const request = api
      .http()
      .post(path)
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json');
    return (key ? request.set('Idempotency-Key', key) : request).send(text);
  };
  const bodyProblem = (response: { status: number; headers: Record<string, string>; body: unknown }) => [
    response.status,
    response.headers['content-type']?.split(';')[0],
    (response.body as { errors: Array<{ field: string }> }).errors.map((error) => error.field),
  ];

  it.each([
    ['/api/organisations', undefined],
    ['/api/organisations', 'deep-key-1'],
    ['/api/plans/import', undefined],
    ['/api/plans/import', 'deep-key-2'],
    ['/api/fund/pools/kent-bcf/years', 'deep-key-3'],
    ['/api/governance/meetings', undefined],
  ])(
    'POST %s (Idempotency-Key %s): 10,000-deep arrays and objects and a wide object are refused, naming the body',
    async (path, key) => {
      const before = await head();
      for (const text of [deepArray(10_000), deepObject(10_000), `{"reason":${deepArray(10_000)}}`]) {
        const response = await postRaw(path, text, key);
        expect(bodyProblem(response)).toEqual([400, 'application/problem+json', ['body']]);
        expect(response.body.errors[0].reason).toMatch(/levels deep/);
      }
      const wide = await postRaw(
        path,
        path === '/api/plans/import' ? wideObject(100_001) : wideArray(10_001),
        key,
      );
      expect(bodyProblem(wide)).toEqual([
        wide.status === 413 ? 413 : 400,
        'application/problem+json',
        ['body'],
      ]);
      if (path !== '/api/plans/import') expect(wide.body.errors[0].reason).toMatch(/at most 10000 keys/);
      expect(await head()).toBe(before); // nothing recorded
    },
  );

  it('lets a plan document hold more keys than other bodies (its own limit, not the general one)', async () => {
    const lead = await api.token('programme-lead');
    const response = await postRaw('/api/plans/import', wideObject(20_000), undefined, lead);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).not.toContain('body');
  });

  it('still takes a body at the depth limit to validation (33 levels refused, 32 reach the DTO)', async () => {
    const at = await postRaw('/api/organisations', `{"codes":${deepArray(31)}}`);
    expect(at.status).toBe(400);
    expect(at.body.errors.map((error: { field: string }) => error.field)).not.toContain('body');
    const over = await postRaw('/api/organisations', `{"codes":${deepArray(32)}}`);
    expect(bodyProblem(over)).toEqual([400, 'application/problem+json', ['body']]);
  });

  it('bounds financial years and dates: 9999-00 and 0000-01 are refused with 400, 2016-17 is read', async () => {
    const before = await head();
    const get = (path: string) => api.http().get(path).set('Authorization', `Bearer ${admin}`);
    for (const year of ['9999-00', '0000-01', '1899-00']) {
      const position = await get(`/api/fund/pools/rutland-bcf/years/${year}/position`);
      expect([position.status, position.body.errors?.[0]?.field]).toEqual([400, 'year']);
      const opened = await postRaw(
        '/api/fund/pools/kent-bcf/years',
        JSON.stringify({ year, agreementId: 'x', reason: 'r' }),
        undefined,
        await api.token('finance-officer'),
      );
      expect([opened.status, opened.body.errors?.[0]?.field]).toEqual([400, 'year']);
    }
    expect((await get('/api/fund/pools/rutland-bcf/years/2016-17/position')).status).toBe(200);
    for (const asAt of ['9999-12-31', '0000-01-01', '1799-12-31'])
      for (const path of [
        `/api/areas/kent/organisations?asAt=${asAt}`,
        `/api/fund/pools/rutland-bcf/years/2016-17/position?asAt=${asAt}`,
      ]) {
        const response = await get(path);
        expect([response.status, response.body.errors?.[0]?.field]).toEqual([400, 'asAt']);
      }
    const organisation = await postRaw(
      '/api/organisations',
      JSON.stringify({
        organisationId: 'far-future',
        kind: 'nhs-trust',
        name: 'Far Future',
        codes: [],
        establishedOn: '9999-04-01',
        reason: 'limits',
      }),
    );
    expect([organisation.status, organisation.body.errors?.[0]?.field]).toEqual([400, 'establishedOn']);
    expect(await head()).toBe(before);
  });
});

describe('input limits: names, reasons and free text', () => {
  const store = freshSqliteStore();
  let api: RunningApi;
  let admin: string;

  beforeAll(async () => {
    api = await startApi(store.setting, { demoData: 'registry' });
    admin = await api.token('admin');
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await store.cleanup();
  });

  /** Sent as raw JSON text, so `\ud800` reaches the server as a lone surrogate. */
  const post = (path: string, text: string) =>
    api
      .http()
      .post(path)
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'application/json')
      .send(text);
  const organisation = (name: string, reason = '"text hygiene"') =>
    `{"organisationId":"hygiene-trust","kind":"nhs-trust","name":${name},"codes":[],"establishedOn":"2001-04-01","reason":${reason}}`;

  it.each([
    ['a NUL', '"Hygiene\\u0000Trust"'],
    ['a line feed', '"Hygiene\\nTrust"'],
    ['a carriage return', '"Hygiene\\rTrust"'],
    ['a C1 control', '"Hygiene\\u0085Trust"'],
    ['a lone surrogate', '"Hygiene\\ud800Trust"'],
    ['a right-to-left override', '"Hygiene\\u202eTsurT"'],
    ['a directional isolate', '"Hygiene\\u2067Trust"'],
    ['only spaces', '"   "'],
    ['only a zero-width space', '"\\u200b"'],
  ])('refuses a name with %s, naming the field', async (_kind, name) => {
    const response = await post('/api/organisations', organisation(name));
    expect([response.status, response.body.errors]).toEqual([
      400,
      [{ field: 'name', reason: expect.any(String) }],
    ]);
  });

  it.each([['" "'], ['"\\t"'], ['"ok\\u202e"'], ['"\\ud800"']])(
    'refuses the reason %s, naming the field',
    async (reason) => {
      const response = await post('/api/organisations', organisation('"Hygiene Trust"', reason));
      expect([response.status, response.body.errors]).toEqual([
        400,
        [{ field: 'reason', reason: expect.any(String) }],
      ]);
    },
  );

  it('refuses the same in nested and listed text (a stated-by reference, the papers a resolution considered)', async () => {
    const finance = await api.token('finance-officer');
    const figure = await api
      .http()
      .post('/api/fund/pools/kent-bcf/years/2016-17/figures')
      .set('Authorization', `Bearer ${finance}`)
      .set('Content-Type', 'application/json')
      .send('{"statedBy":{"kind":"return","reference":"=1+2\\r=cmd"},"amountPence":1,"reason":"r"}');
    expect(figure.status).toBe(400);
    expect(figure.body.errors.map((error: { field: string }) => error.field)).toContain('statedBy.reference');
  });

  it('stores names in NFC: Cafe + combining acute is recorded as Café', async () => {
    const created = await post('/api/organisations', organisation('"Cafe\\u0301 Trust"', '"Cafe\\u0301"'));
    expect(created.status).toBe(201);
    const read = await api
      .http()
      .get('/api/organisations/hygiene-trust')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(JSON.stringify(read.body)).toContain('Caf\u00e9 Trust');
    expect(JSON.stringify(read.body)).not.toContain('Cafe\u0301');
  });

  it('keeps line feeds in multi-line text (a consultation note) but refuses CR there', async () => {
    const person = await api.token('governance-officer');
    const response = await api
      .http()
      .post('/api/governance/instruments/bcf-plan/no-such-plan/consultations')
      .set('Authorization', `Bearer ${person}`)
      .set('Content-Type', 'application/json')
      .send('{"on":"2017-06-01","note":"line one\\r\\nline two","reason":"r"}');
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain('note');
  });
});
