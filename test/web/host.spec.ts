import { DemoServer, startDemoServer } from './support/browser';
import { adminToken } from '../faults/api-process';

/** A session cookie from the development sign-in form, as a browser gets it. */
async function sessionCookie(url: string, role: string): Promise<string> {
  const form = await fetch(`${url}/sign-in`);
  const csrfCookie = (form.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const signedIn = await fetch(`${url}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ _csrf: csrf, role, returnTo: '/' }).toString(),
  });
  return signedIn.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('bcl_session='))!
    .split(';')[0]!;
}

describe('the pages and the API in one server (apps/server)', () => {
  let server: DemoServer;
  let startedMs: number;

  beforeAll(async () => {
    startedMs = Date.now();
    server = await startDemoServer();
  }, 120_000);
  afterAll(() => server?.close());

  it("lets a signed-in browser follow a page's JSON link into /api for reads, with the route's roles, never for writes", async () => {
    const auditor = await sessionCookie(server.url, 'auditor');
    const read = await fetch(`${server.url}/api/areas/kent`, { headers: { cookie: auditor } });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { areaId: string }).areaId).toBe('kent');
    const withoutSession = await fetch(`${server.url}/api/areas/kent`);
    expect(withoutSession.status).toBe(401);

    const financeOfficer = await sessionCookie(server.url, 'finance-officer');
    const refused = await fetch(`${server.url}/api/access-log`, { headers: { cookie: financeOfficer } });
    expect(refused.status).toBe(403);

    const write = await fetch(`${server.url}/api/organisations`, {
      method: 'POST',
      headers: { cookie: await sessionCookie(server.url, 'admin'), 'content-type': 'application/json' },
      body: JSON.stringify({ organisationId: 'x', name: 'X', kind: 'local-authority', reason: 'test' }),
    });
    expect(write.status).toBe(401);

    // the read is in the access log under the session's subject, as any API read is
    const log = await fetch(`${server.url}/api/access-log?resource=/api/areas/kent`, {
      headers: { authorization: `Bearer ${await adminToken('host-spec-admin')}` },
    });
    const entries = ((await log.json()) as { items: { subject: string; status: number }[] }).items;
    expect(entries).toEqual([expect.objectContaining({ subject: 'development:auditor', status: 200 })]);
  });

  it('answers an unknown page with an HTML page saying so, and an unknown API path with problem+json', async () => {
    const page = await fetch(`${server.url}/no-such-page`);
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('Page not found');
    const api = await fetch(`${server.url}/api/no-such-route`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('refuses a viewpoint that is not a real date with a page naming the field, and reads an empty one as none', async () => {
    const auditor = await sessionCookie(server.url, 'auditor');
    for (const path of ['/fund/southend-bcf/2016-17', '/plans', '/areas/kent']) {
      const refused = await fetch(`${server.url}${path}?asAt=2016-13-40&knownAt=yesterday`, {
        headers: { cookie: auditor },
      });
      expect(refused.status).toBe(400);
      const html = await refused.text();
      expect(html).toContain('asAt: &#39;As at&#39; must be a real date between 1800-01-01 and 2200-12-31');
      expect(html).toContain(
        'knownAt: &#39;Known at&#39; must be a real date between 1800-01-01 and 2200-12-31',
      );
      const empty = await fetch(`${server.url}${path}?asAt=&knownAt=`, { headers: { cookie: auditor } });
      expect(empty.status).toBe(200);
      const instant = await fetch(
        `${server.url}${path}?asAt=2017-03-31&knownAt=${new Date().toISOString()}`,
        {
          headers: { cookie: auditor },
        },
      );
      expect(instant.status).toBe(200);
    }
  });

  it('reads a knownAt instant in any zone as the instant it names, and keeps it in the form', async () => {
    const auditor = await sessionCookie(server.url, 'auditor');
    // an hour before the demo data was recorded, written at +14:00: as text it sorts after every recordedAt today
    const beforeMs = startedMs - 3_600_000;
    const atPlus14 = `${new Date(beforeMs + 14 * 3_600_000).toISOString().slice(0, 16)}+14:00`;
    const page = (knownAt: string) =>
      fetch(`${server.url}/areas/kent?knownAt=${encodeURIComponent(knownAt)}`, {
        headers: { cookie: auditor },
      });
    const inUtc = await page(new Date(beforeMs).toISOString());
    const inPlus14 = await page(atPlus14);
    expect([inUtc.status, inPlus14.status]).toEqual([404, 404]);
    const now = await page(new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 19) + '+14:00');
    expect(now.status).toBe(200);
    const field = /<input[^>]*id="knownAt"[^>]*>/.exec(await now.text())![0];
    expect(field).toContain('type="text"');
    expect(field).toMatch(/value="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z"/);
  });

  it('reads a knownAt date as the end of that day, shows it as the date, and links to JSON the API answers', async () => {
    const auditor = await sessionCookie(server.url, 'auditor');
    const today = new Date().toISOString().slice(0, 10);
    const page = await fetch(`${server.url}/areas/kent?knownAt=${today}`, { headers: { cookie: auditor } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(/<input[^>]*id="knownAt"[^>]*>/.exec(html)![0]).toContain(`type="date" value="${today}"`);
    const link = /href="(\/api\/areas\/kent[^"]*)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    expect(link).toContain(`knownAt=${encodeURIComponent(`${today}T23:59:59.999Z`)}`);
    expect((await fetch(`${server.url}${link}`, { headers: { cookie: auditor } })).status).toBe(200);
  });

  it('refuses a malformed filter with a page naming it, instead of showing everything as if it were not asked', async () => {
    const auditor = await sessionCookie(server.url, 'auditor');
    const status = async (path: string) =>
      (await fetch(`${server.url}${path}`, { headers: { cookie: auditor } })).status;
    for (const [refused, accepted] of [
      ['/fund/southend-bcf/2016-17?axis=sideways', '/fund/southend-bcf/2016-17?axis=recorded'],
      ['/plans?areaId=Kent!', '/plans?areaId=kent'],
      ['/returns?year=2016-18', '/returns?year=2016-17'],
      ['/decisions?bodyId=Kent_HWB', '/decisions?bodyId=kent-hwb'],
      ['/decisions/delegations?on=2017-02-30', '/decisions/delegations?on=2017-09-11'],
    ]) {
      expect([refused, await status(refused!)]).toEqual([refused, 400]);
      expect([accepted, await status(accepted!)]).toEqual([accepted, 200]);
    }
    const page = await fetch(`${server.url}/returns?year=2016-18`, { headers: { cookie: auditor } });
    expect(await page.text()).toContain('year: must be a financial year such as 2016-17');
  });

  it('serves pages that cannot be framed by another site or cached, and leaves the API its own headers', async () => {
    const page = await fetch(`${server.url}/sign-in`);
    expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const api = await fetch(`${server.url}/api/openapi.json`);
    expect(api.status).toBe(200);
    expect(api.headers.get('x-frame-options')).toBeNull();
  });
});
