import { RunningApi, startApi } from '../support/api-app';
import { freshSqliteStore } from '../support/durable-stores';

/**
 * A query parameter that is wrong is named with the reason that applies to it: a missing `to` is missing, not
 * too large. Validation runs before any plan is looked up, so an empty store serves.
 */
describe('plan query parameters: refusals name the field and the reason', () => {
  const store = freshSqliteStore();
  let api: RunningApi;
  let auditor: string;
  beforeAll(async () => {
    api = await startApi(store.setting);
    auditor = await api.token('auditor');
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await store.cleanup();
  });

  const refused = async (path: string) => {
    const response = await api.http().get(path).set('Authorization', `Bearer ${auditor}`).expect(400);
    return response.body.errors as { field: string; reason: string }[];
  };

  it.each([
    ['diff?from=1', [{ field: 'to', reason: 'is required' }]],
    ['diff?to=2', [{ field: 'from', reason: 'is required' }]],
    [
      'diff',
      [
        { field: 'from', reason: 'is required' },
        { field: 'to', reason: 'is required' },
      ],
    ],
    ['diff?from=1&to=two', [{ field: 'to', reason: 'must be an integer number' }]],
    ['diff?from=1.5&to=2', [{ field: 'from', reason: 'must be an integer number' }]],
    ['diff?from=0&to=2', [{ field: 'from', reason: 'must not be less than 1' }]],
    ['diff?from=1&to=10001', [{ field: 'to', reason: 'must not be greater than 10000' }]],
    ['checks?version=abc', [{ field: 'version', reason: 'must be an integer number' }]],
    ['checks?version=10001', [{ field: 'version', reason: 'must not be greater than 10000' }]],
  ])('GET /api/plans/{id}/%s', async (query, errors) => {
    expect(await refused(`/api/plans/kent-2017-19/${query}`)).toEqual(errors);
  });

  it('still accepts the versions it accepted (the range is unchanged)', async () => {
    const statuses = await Promise.all(
      ['diff?from=1&to=10000', 'diff?from=10000&to=1', 'checks?version=1'].map(
        async (query) =>
          (await api.http().get(`/api/plans/no-such-plan/${query}`).set('Authorization', `Bearer ${auditor}`))
            .status,
      ),
    );
    expect(statuses).toEqual([404, 404, 404]);
  });
});
