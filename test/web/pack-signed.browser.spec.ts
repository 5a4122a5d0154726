import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import {
  generateSigningKey,
  keyringFromJson,
  keyringOf,
  keyringToJson,
  checkpointFromObject,
  verifyCheckpoint,
} from '@bcl/event-store';
import { runCli } from '../support/child-process';
import { unpack } from '../cli/pack-contents';
import { DemoServer, describeInBrowser, launchChromium, signedIn, startDemoServer } from './support/browser';

/** A server with a checkpoint key (CHECKPOINT_KEY_FILE) and a keyring (KEYRING_FILE): its packs carry both. */
describeInBrowser('the auditor pack page with a checkpoint key and a keyring', () => {
  let server: DemoServer;
  let browser: Browser;
  let scratch: string;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'bcl-pack-signed-'));
    const key = generateSigningKey('checkpoint', 'checkpoint writer (test)', '2026-01-01T00:00:00.000Z');
    writeFileSync(join(scratch, 'checkpoint.key'), key.keyFile, { mode: 0o600 });
    writeFileSync(join(scratch, 'keyring.json'), keyringToJson(keyringOf([key.entry])));
    [server, browser] = await Promise.all([
      startDemoServer({
        CHECKPOINT_DIR: join(scratch, 'checkpoints'),
        CHECKPOINT_KEY_FILE: join(scratch, 'checkpoint.key'),
        KEYRING_FILE: join(scratch, 'keyring.json'),
      }),
      launchChromium(),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("the pack's checkpoint is signed with the server's key and verifies with the pack's own keyring, as its proofs do", async () => {
    const context = await signedIn(browser, server.url, 'auditor');
    const answer = await context.request.get('/pack/download?area=kent&from=2017-04-01&to=2018-03-31', {
      timeout: 90_000,
    });
    expect(answer.status()).toBe(200);
    const out = join(scratch, 'unpacked');
    const { names, manifest } = await unpack(await answer.body(), out);
    await context.close();
    expect(names).toEqual(expect.arrayContaining(['checkpoint.json', 'keyring.json', 'digest.json']));
    const read = (name: string) => readFileSync(join(out, name), 'utf8');
    expect(read('keyring.json')).toBe(readFileSync(join(scratch, 'keyring.json'), 'utf8'));
    const checkpoint = JSON.parse(read('checkpoint.json')) as Record<string, unknown>;
    expect(checkpoint).toMatchObject({ format: 'bcl-checkpoint/1', position: manifest.head.position });
    expect(
      verifyCheckpoint(checkpointFromObject(checkpoint), keyringFromJson(read('keyring.json'))).hash,
    ).toBe(manifest.head.hash);
    const proof = names.find((name) => /^proofs\/-?\d+\.json$/.test(name))!;
    const verified = await runCli(
      [
        'verify',
        '--event',
        proof.replace('.json', '.event.json'),
        '--proof',
        proof,
        '--digest',
        'checkpoint.json',
        '--keyring',
        'keyring.json',
      ],
      { cwd: out },
    );
    expect(verified).toMatchObject({ code: 0, stderr: '' });
    expect(read('README.txt')).toContain('checkpoint key');
  }, 120_000);
});
