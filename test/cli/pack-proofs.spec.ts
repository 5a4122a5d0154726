import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyringFromJson, checkpointFromObject, verifyCheckpoint } from '@bcl/event-store';
import { runCli } from '../support/child-process';
import { writeCheckpointAndServiceKeys } from '../support/test-keys';
import { startApi } from '../support/api-app';
import { describeInBrowser } from '../web/support/browser';
import { unpack } from './pack-contents';

/** The pack's checkpoint, keyring and proofs: one decision checked offline, without the log. */
describeInBrowser('bcl pack: the checkpoint, the keyring and a proof of each decision', () => {
  let dir: string;
  let store: string;
  const bcl = (...args: string[]) =>
    runCli(['--store', store, ...args], { cwd: dir, env: { LEDGER_STORE: '' } });
  const period = ['--area', 'kent', '--from', '2017-04-01', '--to', '2018-03-31'];
  /** `bcl verify` run where no store can be reached: the check is offline. */
  const offline = (cwd: string, ...args: string[]) =>
    runCli(['--store', 'postgres://nowhere.invalid/x', 'verify', ...args], { cwd });
  const read = (path: string) => readFileSync(path, 'utf8');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-pack-proofs-'));
    store = `sqlite:${join(dir, 'ledger.db')}`;
    await (await startApi(store, { demoData: true })).close();
    writeCheckpointAndServiceKeys(dir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('an unsigned pack: a proof of an approval verifies offline against its digest, and fails for an altered event', async () => {
    const made = await bcl('pack', ...period, '--out', 'unsigned.zip');
    expect(made).toMatchObject({ code: 0, stderr: '' });
    expect(made.stdout).toContain('its digest is unsigned (digest.json)');
    const out = join(dir, 'unsigned');
    const { names, manifest, sha256 } = await unpack(readFileSync(join(dir, 'unsigned.zip')), out);
    expect(names).not.toContain('checkpoint.json');
    expect(names).not.toContain('keyring.json');
    // every file, proofs included, is in the manifest with its SHA-256
    for (const file of manifest.files) expect(sha256[file.name]).toBe(file.sha256);
    expect(manifest.files.map((f) => f.name).sort()).toEqual(
      names.filter((n) => n !== 'manifest.json').sort(),
    );
    const events = names.filter((name) => name.endsWith('.event.json'));
    const approval = events.find((name) =>
      read(join(out, name)).includes('\\"type\\":\\"ApprovalRecorded\\"'),
    );
    expect(approval).toBeDefined();
    const position = /^proofs\/(-?\d+)\.event\.json$/.exec(approval!)![1]!;
    expect(names).toContain(`proofs/${position}.json`);
    const readme = read(join(out, 'README.txt'));
    expect(readme).toContain('The digest is UNSIGNED');
    expect(readme).toMatch(
      /bcl verify --event proofs\/-?\d+\.event\.json --proof proofs\/-?\d+\.json --digest digest\.json\n/,
    );

    const args = [
      '--event',
      `proofs/${position}.event.json`,
      '--proof',
      `proofs/${position}.json`,
      '--digest',
      'digest.json',
    ];
    const ok = await offline(out, ...args);
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(ok.stdout).toMatch(new RegExp(`^OK: the event at position ${position} `));

    const event = JSON.parse(read(join(out, `proofs/${position}.event.json`))) as { record: string };
    writeFileSync(
      join(out, `proofs/${position}.event.json`),
      JSON.stringify({
        ...event,
        record: event.record.replace('"type":"ApprovalRecorded"', '"type":"ApprovalRecorded","x":1'),
      }),
    );
    const altered = await offline(out, ...args);
    expect(altered.code).toBe(1);
    expect(altered.stdout + altered.stderr).toContain('the event was altered');
  }, 120_000);

  it('a pack made with a checkpoint key and a keyring: its checkpoint verifies with its keyring, and so do its proofs', async () => {
    const made = await bcl(
      'pack',
      ...period,
      '--out',
      'signed.zip',
      '--sign-with',
      'checkpoint.key',
      '--keyring',
      'keyring.json',
    );
    expect(made).toMatchObject({ code: 0, stderr: '' });
    const out = join(dir, 'signed');
    const { names, manifest } = await unpack(readFileSync(join(dir, 'signed.zip')), out);
    expect(names).toEqual(expect.arrayContaining(['checkpoint.json', 'keyring.json', 'digest.json']));
    expect(read(join(out, 'keyring.json'))).toBe(read(join(dir, 'keyring.json')));
    const checkpoint = JSON.parse(read(join(out, 'checkpoint.json'))) as Record<string, unknown>;
    expect(checkpoint).toMatchObject({
      format: 'bcl-checkpoint/1',
      position: manifest.head.position,
      hash: manifest.head.hash,
    });
    // the checkpoint is signed by a key the pack's own keyring holds
    expect(
      verifyCheckpoint(checkpointFromObject(checkpoint), keyringFromJson(read(join(out, 'keyring.json'))))
        .root,
    ).toBe(checkpoint.root);
    const withKeyring = ['--digest', 'checkpoint.json', '--keyring', 'keyring.json'];
    expect(await offline(out, '--file', 'events.ndjson', ...withKeyring)).toMatchObject({
      code: 0,
      stderr: '',
    });
    const proofs = names.filter((name) => /^proofs\/-?\d+\.json$/.test(name));
    expect(proofs.length).toBeGreaterThan(0);
    const position = /(-?\d+)\.json$/.exec(proofs[0]!)![1]!;
    const one = await offline(
      out,
      '--event',
      `proofs/${position}.event.json`,
      '--proof',
      `proofs/${position}.json`,
      ...withKeyring,
    );
    expect(one).toMatchObject({ code: 0, stderr: '' });
    expect(read(join(out, 'README.txt'))).toContain('--digest checkpoint.json --keyring keyring.json\n');
    // a checkpoint edited after signing is refused
    writeFileSync(
      join(out, 'checkpoint.json'),
      JSON.stringify({ ...checkpoint, takenAt: '2026-02-01T00:00:00.000Z' }),
    );
    const edited = await offline(out, '--file', 'events.ndjson', ...withKeyring);
    expect(edited.code).not.toBe(0);
    expect(edited.stderr).toContain("the checkpoint's signature does not hold");
  }, 120_000);

  it('refuses a key of another role than checkpoint, in one line, and writes nothing', async () => {
    const refused = await bcl('pack', ...period, '--out', 'refused.zip', '--sign-with', 'service.key');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^bcl: service\.key holds a service key; .*checkpoint\n$/);
  }, 60_000);
});
