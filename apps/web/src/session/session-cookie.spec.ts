import { Request, Response } from 'express';
import { SESSION_COOKIE, SessionCookies } from './session-cookie';

/** A response that keeps the cookies set on it, and a request carrying them back. */
function cookieJar() {
  const jar = new Map<string, string>();
  const response = {
    cookie: (name: string, value: string) => jar.set(name, value),
  } as unknown as Response;
  const request = () =>
    ({
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ') },
    }) as Request;
  return { jar, response, request };
}

const identity = {
  subject: 's-1',
  displayName: null,
  organisationId: null,
  personId: null,
  roles: ['auditor' as const],
};

describe('page sessions in a signed cookie (SessionCookies)', () => {
  const cookies = new SessionCookies('a-secret-of-at-least-32-characters!!', 3600, true);

  it('reads back the session it issued, with a CSRF token only that session matches', async () => {
    const { response, request } = cookieJar();
    const issued = await cookies.issue(response, identity, 'development');
    const read = await cookies.read(request());
    expect(read).toEqual(issued);
    expect(cookies.csrfMatches(read!, cookies.csrfToken(issued))).toBe(true);
    const other = await cookies.issue(cookieJar().response, identity, 'development');
    expect(cookies.csrfMatches(read!, cookies.csrfToken(other))).toBe(false);
    expect(cookies.csrfMatches(read!, undefined)).toBe(false);
  });

  it('reads no session from an altered cookie, or one signed with another secret', async () => {
    const { jar, response, request } = cookieJar();
    await cookies.issue(response, identity, 'development');
    const token = jar.get(SESSION_COOKIE)!;
    const [header, payload, signature] = token.split('.');
    const altered = Buffer.from(payload!, 'base64url').toString().replace('auditor', 'admin');
    jar.set(SESSION_COOKIE, [header, Buffer.from(altered).toString('base64url'), signature].join('.'));
    await expect(cookies.read(request())).resolves.toBeUndefined();
    const elsewhere = new SessionCookies('another-secret-of-at-least-32-chars!', 3600, true);
    const other = cookieJar();
    await elsewhere.issue(other.response, identity, 'development');
    await expect(cookies.read(other.request())).resolves.toBeUndefined();
  });

  it('keeps a sealed value only for the name it was sealed under', async () => {
    const { jar, response, request } = cookieJar();
    await cookies.seal(response, 'pending', { state: 'abc' }, 60);
    await expect(cookies.unseal(request(), 'pending')).resolves.toEqual({ state: 'abc' });
    jar.set('other', jar.get('pending')!);
    await expect(cookies.unseal(request(), 'other')).resolves.toBeUndefined();
  });
});
