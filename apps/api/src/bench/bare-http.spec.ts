import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBareServer } from './bare-http';

describe('the bench’s bare HTTP server', () => {
  it('answers a POST only once its body is in the file, and a GET with the JSON it was given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bare-http-'));
    const server = await startBareServer(dir, '{"personId":"bench-0"}');
    try {
      const posts = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          fetch(`${server.base}/api/people`, { method: 'POST', body: JSON.stringify({ i }) }),
        ),
      );
      expect(posts.map((r) => r.status)).toEqual(Array(20).fill(201));
      const lines = readFileSync(join(dir, 'bare-http.log'), 'utf8').trim().split('\n');
      expect(lines.map((line) => (JSON.parse(line) as { i: number }).i).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, i) => i),
      );
      const get = await fetch(`${server.base}/api/people/bench-0`);
      expect(await get.json()).toEqual({ personId: 'bench-0' });
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
