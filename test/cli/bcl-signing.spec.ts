import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/child-process';

describe('bcl keys, signed appends and verify --keyring', () => {
  let dir: string;
  const bcl = (...args: string[]) =>
    runCli(args, { cwd: dir, env: { LEDGER_STORE: '', BCL_SIGNING_KEY_FILE: '', BCL_KEYRING_FILE: '' } });
  const note = (stream: string, ...more: string[]) =>
    bcl('append', '--stream', stream, '--type', 'OperatorNoted', '--data', '{"note":"x"}', ...more);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bcl-signing-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('appends unsigned without a key, before any key exists; verify says no event is signed', async () => {
    expect((await note('operator-notes')).code).toBe(0);
    const verify = await bcl('verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('signatures: no event is signed');
  });

  it('generates an operator key file (0600) and a keyring holding its public key only', async () => {
    const made = await bcl(
      'keys',
      'generate',
      '--role',
      'operator',
      '--holder',
      'ledger operator, Kent',
      '--out',
      'operator.key',
      '--keyring',
      'keyring.json',
      '--json',
    );
    expect(made).toMatchObject({ code: 0, stderr: '' });
    const { keyId } = JSON.parse(made.stdout);
    expect(statSync(join(dir, 'operator.key')).mode & 0o777).toBe(0o600);
    const keyring = JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8'));
    expect(keyring).toMatchObject({
      format: 'bcl-keyring/1',
      keys: [{ keyId, role: 'operator', until: null }],
    });
    expect(JSON.stringify(keyring)).not.toContain('PRIVATE KEY');
    const service = await bcl(
      'keys',
      'generate',
      '--role',
      'service',
      '--holder',
      'api',
      '--out',
      'service.key',
      '--keyring',
      'keyring.json',
    );
    expect(service.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8')).keys).toHaveLength(2);
    const again = await bcl(
      'keys',
      'generate',
      '--role',
      'service',
      '--holder',
      'api',
      '--out',
      'service.key',
    );
    expect(again).toMatchObject({
      code: 2,
      stderr: 'bcl: service.key exists: a key file is never overwritten\n',
    });
    const serviceKeyId = JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8')).keys[1].keyId;
    const noOffset = await bcl(
      'keys',
      'retire',
      '--key-id',
      serviceKeyId,
      '--keyring',
      'keyring.json',
      '--at',
      '2026-11-30T10:00',
    );
    expect(noOffset).toMatchObject({
      code: 2,
      stderr: 'bcl: --at must be an ISO 8601 date-time with Z or an offset, not "2026-11-30T10:00"\n',
    });
  });

  it('with the keyring, accepts unsigned events recorded before its keys came into use, and no later one', async () => {
    const verify = await bcl('verify', '--keyring', 'keyring.json');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain(
      'signatures: none of the 1 events is signed, and none was recorded after a service or operator key in the keyring came into use',
    );
    // another ledger written unsigned after the keys came into use: its signatures were removed, or never made
    const late = (...args: string[]) => bcl('--store', 'sqlite:late.db', ...args);
    expect(
      (await late('append', '--stream', 'notes', '--type', 'OperatorNoted', '--data', '{"note":"x"}')).code,
    ).toBe(0);
    const verifyLate = await late('verify', '--keyring', 'keyring.json');
    expect(verifyLate.code).toBe(1);
    expect(verifyLate.stdout).toMatch(
      /^BROKEN: position 1: the event is not signed, but was recorded after .*\[unsigned\]/,
    );
  });

  it('signs an operator append with the operator key and marks it as an operator write', async () => {
    const appended = await note(
      'operator-notes',
      '--signing-key',
      'operator.key',
      '--reason',
      'a note',
      '--json',
    );
    expect(appended).toMatchObject({ code: 0, stderr: '' });
    const keyId = JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8')).keys[0].keyId;
    expect(JSON.parse(appended.stdout).signedBy).toBe(keyId);
    const exported = await bcl('export', '--out', 'log.ndjson');
    expect(exported.code).toBe(0);
    const last = JSON.parse(readFileSync(join(dir, 'log.ndjson'), 'utf8').trim().split('\n').pop()!);
    expect(last.signer).toBe(keyId);
    expect(JSON.parse(last.record).metadata.operatorWrite).toEqual({
      reason: 'a note',
      intoContextStream: false,
    });
    const verify = await bcl('verify', '--keyring', 'keyring.json');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain(
      'signatures: 1 events signed by keys in the keyring, all verified; 1 unsigned events before signing began',
    );
    const unchecked = await bcl('verify');
    expect(unchecked.stdout).toContain('signatures: 1 events signed, NOT checked (no --keyring); 1 unsigned');
    const offline = await bcl('verify', '--file', 'log.ndjson', '--keyring', 'keyring.json');
    expect(offline.code).toBe(0);
  });

  it('refuses a service key for bcl append, an operator key for the other writers, and an unsigned append onto a signed log', async () => {
    const service = await note('operator-notes', '--signing-key', 'service.key');
    expect(service.code).toBe(2);
    expect(service.stderr).toMatch(
      /^bcl: service\.key holds a service key; this writer signs only with a key of role operator\n$/,
    );
    for (const write of [['migrate', 'claim-resolutions'], ['demo']]) {
      const operator = await bcl(...write, '--signing-key', 'operator.key');
      expect(operator).toMatchObject({
        code: 2,
        stderr:
          'bcl: operator.key holds an operator key; this writer signs only with a key of role service\n',
      });
    }
    const unsigned = await note('operator-notes');
    expect(unsigned.code).toBe(2);
    expect(unsigned.stderr).toMatch(/^bcl: the log is signed and no operator key is configured/);
  });

  it("refuses a write into a bounded context's stream unless the operator insists with a reason", async () => {
    const stream = 'pooled-fund-kent-bcf-2017-18';
    const key = ['--signing-key', 'operator.key'];
    const refused = await note(stream, ...key);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `bcl: '${stream}' is a fund stream, written by that context's rules: nothing was written (pass --into-context-stream and a --reason to write it anyway)\n`,
    );
    const noReason = await note(stream, ...key, '--into-context-stream');
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toMatch(/needs a --reason saying why: nothing was written/);
    const verify = await bcl('verify', '--json');
    expect(JSON.parse(verify.stdout).eventsChecked).toBe(2); // nothing was written
    const insisted = await note(
      stream,
      ...key,
      '--into-context-stream',
      '--reason',
      'correcting a test entry',
    );
    expect(insisted.code).toBe(0);
  });

  it('reports an event signed by a key the keyring does not hold as a break at that event', async () => {
    const other = await bcl(
      'keys',
      'generate',
      '--role',
      'operator',
      '--holder',
      'x',
      '--out',
      'other.key',
      '--keyring',
      'other-keyring.json',
    );
    expect(other.code).toBe(0);
    expect((await note('operator-notes', '--signing-key', 'other.key')).code).toBe(0);
    const verify = await bcl('verify', '--keyring', 'keyring.json');
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(
      /^BROKEN: position 4: signed with key ed25519:[0-9a-f]{32}, which the keyring does not hold \[unknown-key\]/,
    );
  });
});
