import { Server, createServer } from 'node:http';
import { FileHandle, open } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * Lines appended to one file, each answered only once an fdatasync covering it has returned; lines that arrive
 * while a sync is running share the next one (so one writer gets one sync per line, and many share commits).
 * The durable work of the API bench's floors: the bare server's, and the bare Nest app's (nest-floor.ts).
 */
export class GroupSyncedLog {
  private waiting: { line: string; done: (ok: boolean) => void }[] = [];
  private syncing = false;

  private constructor(private readonly file: FileHandle) {}

  static async open(path: string): Promise<GroupSyncedLog> {
    return new GroupSyncedLog(await open(path, 'a'));
  }

  /** True once the line is on the disk; false if the write or the sync failed. */
  append(line: string): Promise<boolean> {
    return new Promise((done) => {
      this.waiting.push({ line, done });
      if (!this.syncing) void this.flush();
    });
  }

  close(): Promise<void> {
    return this.file.close();
  }

  private async flush(): Promise<void> {
    this.syncing = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      let ok = true;
      try {
        await this.file.write(batch.map((w) => w.line).join(''));
        await this.file.datasync();
      } catch {
        ok = false;
      }
      for (const w of batch) w.done(ok);
    }
    this.syncing = false;
  }
}

/**
 * The API bench's floor: a bare Node HTTP server with no framework, no validation and no read model. A POST
 * appends its body as one line to a GroupSyncedLog and answers once it is on the disk. A GET answers the JSON
 * it is given, as the API answers GET /api/people/:id.
 */
export async function startBareServer(
  dir: string,
  getJson: string,
): Promise<{ base: string; close: () => Promise<void> }> {
  const log = await GroupSyncedLog.open(join(dir, 'bare-http.log'));
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
      void log.append(`${Buffer.concat(chunks).toString()}\n`).then((ok) => {
        res.writeHead(ok ? 201 : 500, { 'content-type': 'application/json' });
        res.end(`{"ok":${ok}}`);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await log.close();
    },
  };
}
