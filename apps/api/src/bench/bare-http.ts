import { Server, createServer } from 'node:http';
import { open } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * The API bench's floor: a bare Node HTTP server with no framework, no validation and no read model. A POST
 * appends its body as one line to a file and answers only once an fdatasync covering it has returned; writes
 * that arrive while a sync is running share the next one (so one client gets one sync per request, and 32
 * clients share commits). A GET answers the JSON it is given, as the API answers GET /api/people/:id.
 */
export async function startBareServer(
  dir: string,
  getJson: string,
): Promise<{ base: string; close: () => Promise<void> }> {
  const file = await open(join(dir, 'bare-http.log'), 'a');
  let waiting: { line: string; done: (ok: boolean) => void }[] = [];
  let syncing = false;
  const flush = async (): Promise<void> => {
    syncing = true;
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      let ok = true;
      try {
        await file.write(batch.map((w) => w.line).join(''));
        await file.datasync();
      } catch {
        ok = false;
      }
      for (const w of batch) w.done(ok);
    }
    syncing = false;
  };
  const getBody = Buffer.from(getJson);
  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': getBody.length });
      res.end(getBody);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const line = `${Buffer.concat(chunks).toString()}\n`;
      waiting.push({
        line,
        done: (ok) => {
          res.writeHead(ok ? 201 : 500, { 'content-type': 'application/json' });
          res.end(`{"ok":${ok}}`);
        },
      });
      if (!syncing) void flush();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await file.close();
    },
  };
}
