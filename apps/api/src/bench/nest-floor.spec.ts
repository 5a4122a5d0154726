import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role, signDevelopmentToken } from '@bcl/identity';
import { apiConfigFromEnv } from '../config/api-config';
import { startNestFloor } from './nest-floor';

describe("the API bench's Nest floor (the API's pipeline with no store)", () => {
  it('authenticates, validates and refuses as the API does, and answers a POST only once its body is in the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nest-floor-'));
    const config = apiConfigFromEnv({
      LEDGER_STORE: `sqlite:${join(dir, 'unused.db')}`,
      LOG_LEVEL: 'silent',
    });
    const floor = await startNestFloor(dir, config, { personId: 'bench-0', displayName: 'Bench Person 0' });
    const post = (body: unknown, roles: Role[] | null) =>
      Promise.all([roles && signDevelopmentToken({ roles, subject: 'floor' })]).then(([token]) =>
        fetch(`${floor.base}/api/people`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(body),
        }),
      );
    try {
      const person = { personId: 'bench-1', displayName: 'Bench Person 1', reason: 'benchmark' };
      expect((await post(person, ['admin'])).status).toBe(201);
      expect((await post(person, null)).status).toBe(401);
      expect((await post(person, ['auditor'])).status).toBe(403);
      const invalid = await post({ ...person, displayName: '', extra: 1 }, ['admin']);
      expect(invalid.status).toBe(400);
      expect(invalid.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const lines = readFileSync(join(dir, 'nest-floor.log'), 'utf8').trim().split('\n');
      expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([person]);

      const token = await signDevelopmentToken({ roles: ['auditor'], subject: 'floor' });
      const get = await fetch(`${floor.base}/api/people/bench-0`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(get.status).toBe(200);
      expect(get.headers.get('etag')).toBe('"0"');
      expect(await get.json()).toEqual({ personId: 'bench-0', displayName: 'Bench Person 0' });
      const badId = await fetch(`${floor.base}/api/people/no%20such`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(badId.status).toBe(400);
    } finally {
      await floor.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
