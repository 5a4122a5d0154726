import { hrefWith } from '../../apps/web/src/features/decisions/decisions-support';

/** The decisions pages' data links keep the page's whole viewpoint, so the JSON is the data the page shows. */
describe('the decisions pages’ data links', () => {
  it('carry both dates of the viewpoint, as known when and as at when', () => {
    expect(
      hrefWith('/api/governance/meetings/kent-hwb-2017-09-20', { asAt: '2017-12-31', knownAt: '2018-01-02' }),
    ).toBe('/api/governance/meetings/kent-hwb-2017-09-20?asAt=2017-12-31&knownAt=2018-01-02');
    expect(hrefWith('/api/governance/meetings', { bodyId: 'kent-hwb', knownAt: '2018-01-02' })).toBe(
      '/api/governance/meetings?bodyId=kent-hwb&knownAt=2018-01-02',
    );
  });

  it('leave out what is not set, and encode what is', () => {
    expect(hrefWith('/api/governance/delegations/x', {})).toBe('/api/governance/delegations/x');
    expect(hrefWith('/api/governance/delegations/x', { asAt: undefined })).toBe(
      '/api/governance/delegations/x',
    );
    expect(hrefWith('', { on: '2017-09-20', q: 'a&b' })).toBe('?on=2017-09-20&q=a%26b');
  });
});
