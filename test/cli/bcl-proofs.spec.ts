import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GENESIS_HASH,
  MerkleTree,
  PREV_HASH_KEY,
  consistencyProofToJson,
  hashRecord,
} from '@bcl/event-store';
import { runCli } from '../support/child-process';
import { writeCheckpointAndServiceKeys } from '../support/test-keys';
import { startApi } from '../support/api-app';

/**
 * Edits the record at `position` and re-hashes it and every later record, as someone with database access
 * could: the chain holds again. Returns the log's hashes afterwards.
 */
function rewriteFrom(db: string, position: number): string[] {
  const sqlite = new Database(db);
  try {
    const before = sqlite
      .prepare('SELECT hash FROM bcl_events WHERE position < ? ORDER BY position DESC LIMIT 1')
      .get(position) as { hash: string } | undefined;
    let prevHash = before?.hash ?? GENESIS_HASH;
    const rows = sqlite
      .prepare('SELECT position, record FROM bcl_events WHERE position >= ? ORDER BY position')
      .all(position) as { position: number; record: string }[];
    for (const [index, row] of rows.entries()) {
      let record = index === 0 ? row.record.replace(/"reason":"/, '"reason":"rewritten ') : row.record;
      const at = record.indexOf(PREV_HASH_KEY) + PREV_HASH_KEY.length;
      record = record.slice(0, at) + prevHash + record.slice(at + 64);
      prevHash = hashRecord(record);
      sqlite
        .prepare('UPDATE bcl_events SET record = ?, hash = ? WHERE position = ?')
        .run(record, prevHash, row.position);
    }
    return (sqlite.prepare('SELECT hash FROM bcl_events ORDER BY position').all() as { hash: string }[]).map(
      (row) => row.hash,
    );
  } finally {
    sqlite.close();
  }
}

/** Proofs on the demo data: one approval proved in the log a signed checkpoint covers, checked offline. */
describe('bcl proof and the offline proof checks', () => {
  let dir: string;
  let db: string;
  let approval: { position: string; hash: string; record: string };
  const bcl = (...args: string[]) =>
    runCli(['--store', `sqlite:${db}`, ...args], { cwd: dir, env: { LEDGER_STORE: '' } });
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const write = (name: string, value: unknown) => writeFileSync(join(dir, name), JSON.stringify(value));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-proofs-'));
    db = join(dir, 'ledger.db');
    await (await startApi(`sqlite:${db}`, { demoData: true })).close();
    writeCheckpointAndServiceKeys(dir);
    expect((await bcl('digest', '--sign-with', 'checkpoint.key', '--out', 'c1.json')).code).toBe(0);
    expect((await bcl('export', '--out', 'log.ndjson')).code).toBe(0);
    approval = read('log.ndjson')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => JSON.parse(line) as typeof approval)
      .find((line) => line.record.includes('"type":"ApprovalRecorded"'))!;
    expect(approval).toBeDefined();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('proves one approval in the checkpoint’s log; the proof verifies offline, with no store', async () => {
    const made = await bcl(
      'proof',
      'inclusion',
      '--position',
      approval.position,
      '--digest',
      'c1.json',
      '--keyring',
      'keyring.json',
      '--out',
      'proof.json',
      '--event-out',
      'event.json',
    );
    expect(made.code).toBe(0);
    expect(JSON.parse(read('proof.json'))).toMatchObject({
      format: 'bcl-inclusion-proof/1',
      position: approval.position,
      eventHash: approval.hash,
      treeSize: JSON.parse(read('c1.json')).treeSize,
    });
    expect(JSON.parse(read('event.json'))).toEqual(approval);
    const offline = await runCli(
      [
        '--store',
        'postgres://nowhere.invalid/x',
        'verify',
        '--event',
        'event.json',
        '--proof',
        'proof.json',
        '--digest',
        'c1.json',
        '--keyring',
        'keyring.json',
      ],
      { cwd: dir },
    );
    expect(offline).toMatchObject({ code: 0, stderr: '' });
    expect(offline.stdout).toMatch(
      new RegExp(
        `^OK: the event at position ${approval.position} \\(hash ${approval.hash}\\) is event \\d+ of the \\d+ the digest covers`,
      ),
    );
  });

  it('the checkpoint verifies an export offline, with the keyring', async () => {
    const offline = await runCli(
      ['verify', '--file', 'log.ndjson', '--digest', 'c1.json', '--keyring', 'keyring.json'],
      { cwd: dir, env: { LEDGER_STORE: 'postgres://nowhere.invalid/x' } },
    );
    expect(offline).toMatchObject({ code: 0, stderr: '' });
    expect(offline.stdout).toMatch(
      /^OK: \d+ events in log\.ndjson verified.*; digest at position \d+ matched\nsignatures: none of the \d+ events is signed, and none was recorded after a service or operator key in the keyring came into use\n$/,
    );
  });

  it('fails for an altered event, an event swapped for another, a different digest, and refuses an edited checkpoint', async () => {
    const verify = (event: string, digest: string) =>
      bcl(
        'verify',
        '--event',
        event,
        '--proof',
        'proof.json',
        '--digest',
        digest,
        '--keyring',
        'keyring.json',
      );
    write('altered.json', {
      ...approval,
      record: approval.record.replace('"type":"ApprovalRecorded"', '"type":"ApprovalRecorded" '),
    });
    expect(await verify('altered.json', 'c1.json')).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/^FAILED: .*the event was altered\n$/),
    });
    const forged = approval.record.replace(/"reason":"/, '"reason":"forged ');
    write('rehashed.json', { ...approval, record: forged, hash: hashRecord(forged) });
    expect(await verify('rehashed.json', 'c1.json')).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/^FAILED: the proof is for event/),
    });
    const proof = JSON.parse(read('proof.json'));
    write('proof.json', { ...proof, eventHash: hashRecord(forged) });
    expect(await verify('rehashed.json', 'c1.json')).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/does not lead to the root/),
    });
    write('proof.json', proof);
    // a different digest: the same log with one more event
    expect((await bcl('demo', '--events', '3', '--streams', '1')).code).toBe(0);
    expect((await bcl('digest', '--out', 'd2.json')).code).toBe(0);
    expect(await verify('event.json', 'd2.json')).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/^FAILED: the proof is for a tree of/),
    });
    const c1 = JSON.parse(read('c1.json'));
    write('c1-edited.json', { ...c1, root: JSON.parse(read('d2.json')).root });
    expect(await verify('event.json', 'c1-edited.json')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^bcl: c1-edited\.json: the checkpoint's signature does not hold/),
    });
    expect(
      await bcl('verify', '--event', 'event.json', '--proof', 'proof.json', '--digest', 'c1.json'),
    ).toMatchObject({
      code: 2,
      stderr: 'bcl: c1.json: it is a signed checkpoint: give the keyring to check it with (--keyring)\n',
    });
    expect(await bcl('digest', '--sign-with', 'service.key')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/holds a service key/),
    });
    expect(await bcl('proof', 'inclusion', '--position', 'x', '--digest', 'c1.json')).toMatchObject({
      code: 2,
      stderr: 'bcl: --position must be a whole number\n',
    });
  });

  it('a consistency proof between two checkpoints verifies, and fails after a rewrite between them', async () => {
    expect((await bcl('digest', '--sign-with', 'checkpoint.key', '--out', 'c2.json')).code).toBe(0);
    const made = await bcl(
      'proof',
      'consistency',
      '--from',
      'c1.json',
      '--to',
      'c2.json',
      '--keyring',
      'keyring.json',
      '--out',
      'consistency.json',
    );
    expect(made.code).toBe(0);
    const check = (proof: string, to: string) =>
      bcl('verify', '--consistency', proof, '--from', 'c1.json', '--to', to, '--keyring', 'keyring.json');
    expect(await check('consistency.json', 'c2.json')).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^OK: the log of \d+ events .* extends, unchanged, the log of/),
    });

    // Rewrite the approval (inside what c1 covers) and re-hash every later record: the chain is self-consistent.
    const hashes = rewriteFrom(db, Number(approval.position));
    expect((await bcl('verify')).code).toBe(0); // self-consistent without a checkpoint
    expect((await bcl('digest', '--sign-with', 'checkpoint.key', '--out', 'c3.json')).code).toBe(0);

    const refused = await bcl(
      'proof',
      'consistency',
      '--from',
      'c1.json',
      '--to',
      'c3.json',
      '--keyring',
      'keyring.json',
    );
    expect(refused).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^bcl: c1\.json: the log's root at \d+ events is not the digest's/),
    });
    const [first, second] = [
      Number(JSON.parse(read('c1.json')).treeSize),
      Number(JSON.parse(read('c3.json')).treeSize),
    ];
    write(
      'forged.json',
      consistencyProofToJson({
        fromTreeSize: first,
        toTreeSize: second,
        path: MerkleTree.of(hashes).consistencyPath(first, second),
      }),
    );
    expect(await check('forged.json', 'c3.json')).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(
        /^FAILED: the proof does not hold: the path does not lead to the first root/,
      ),
    });
    expect(await check('consistency.json', 'c3.json')).toMatchObject({ code: 1 });

    // Against the checkpoints, verify names where the rewrite lies: after c1's head, no; in c1's events, yes.
    const verified = await bcl('verify', '--digest', 'c1.json', '--keyring', 'keyring.json');
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(
      /^BROKEN: position \d+: this is not the event the digest covers: the log was rewritten; the first altered event is at or before position \d+ \[digest-mismatch\]/,
    );
  });

  it('a folder of checkpoints places a rewrite between the last that holds and the first that does not', async () => {
    const other = join(dir, 'other.db');
    const run = (...args: string[]) =>
      runCli(['--store', `sqlite:${other}`, ...args], { cwd: dir, env: { LEDGER_STORE: '' } });
    mkdirSync(join(dir, 'checkpoints'));
    for (const size of [10, 20, 30]) {
      expect((await run('demo', '--events', '10', '--streams', '2')).code).toBe(0);
      const out = join('checkpoints', `checkpoint-${size}.json`);
      expect((await run('digest', '--sign-with', 'checkpoint.key', '--out', out)).code).toBe(0);
    }
    const folder = ['verify', '--digest', 'checkpoints', '--keyring', 'keyring.json'];
    expect(await run(...folder)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/; 3 digests matched, the latest at position 30\n/),
    });
    rewriteFrom(other, 15);
    expect((await run('verify')).code).toBe(0); // self-consistent
    const broken = await run(...folder);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(
      /^BROKEN: position 20: this is not the event the digest covers: the log was rewritten; the digest at position 10 still holds, so the first altered event is among positions 11 to 20 \[digest-mismatch\]/,
    );
    const json = JSON.parse((await run('--json', ...folder)).stdout);
    expect(json).toMatchObject({ ok: false, alteredRange: { from: '11', to: '20', since: '10' } });
  });
});
