import { recordChain } from './record-chain.fixtures';
import { ChainVerifier, VerifiableRow } from './chain-verifier';
import { EventStore } from './event-store.port';
import { takeDigest } from './verify-log';
import { KeyRole, Signer, generateSigningKey, keyringOf, signerFromKeyFile } from './signing/signing-keys';

function newKey(role: KeyRole = 'service', until: string | null = null, from = '2025-01-01T00:00:00Z') {
  const { keyFile, entry } = generateSigningKey(role, 'test', from);
  return { signer: signerFromKeyFile(keyFile), entry: { ...entry, until } };
}

const MARK = '"operatorWrite":{"intoContextStream":false,"reason":"fix"},';

/**
 * `count` chained rows, recorded a day apart from 2026-01-01; `signerAt(i)` signs row i (or not). A row carries
 * the operator-write mark when `marked(i)`, by default when an operator key signs it (as `bcl append` writes).
 */
function chain(
  count: number,
  signerAt: (i: number) => Signer | undefined,
  marked: (i: number) => boolean = (i) => signerAt(i)?.role === 'operator',
  day: (i: number) => number = (i) => i,
): VerifiableRow[] {
  return recordChain(count, {
    recordedAt: (i) => new Date(Date.UTC(2026, 0, 1 + day(i))).toISOString(),
    metadata: (i) => `{"actor":{"id":"a"},"correlationId":"c",${marked(i) ? MARK : ''}"x":1}`,
    beside: (i, record) => {
      const signer = signerAt(i);
      return { signer: signer?.keyId ?? null, signature: signer?.sign(record) ?? null };
    },
  });
}

function verify(rows: VerifiableRow[], keyring?: ReturnType<typeof keyringOf>) {
  const verifier = new ChainVerifier({ contiguousPositions: true, firstPosition: 1n, keyring });
  for (const row of rows) if (!verifier.check(row)) break;
  return verifier.finish();
}

describe('chain verifier with signatures', () => {
  const service = newKey();
  const operator = newKey('operator');
  const keyring = keyringOf([service.entry, operator.entry]);

  // keys that came into use at noon on the first day: row 0 was recorded before, row 1 after
  const lateService = newKey('service', null, '2026-01-01T12:00:00Z');
  const lateOperator = newKey('operator', null, '2026-01-01T12:00:00Z');
  const lateKeyring = keyringOf([lateService.entry, lateOperator.entry]);

  it('accepts a log signed by keys in the keyring, counting the unsigned events before signing began', () => {
    const rows = chain(6, (i) => (i < 1 ? undefined : i === 4 ? lateOperator.signer : lateService.signer));
    expect(verify(rows, lateKeyring)).toMatchObject({
      ok: true,
      eventsChecked: 6,
      signedEvents: 5,
      unsignedEvents: 1,
      signaturesChecked: true,
    });
  });

  it("refuses an operator key's write without the operator-write mark, and the mark under a service key", () => {
    const unmarked = chain(
      4,
      (i) => (i === 2 ? operator.signer : service.signer),
      () => false,
    );
    expect(verify(unmarked, keyring).firstBreak).toMatchObject({
      kind: 'unmarked-operator-write',
      position: 3n,
      message: expect.stringContaining('operator key') as unknown,
    });
    const serviceMarked = chain(
      4,
      () => service.signer,
      (i) => i === 1,
    );
    expect(verify(serviceMarked, keyring).firstBreak).toMatchObject({
      kind: 'misattributed-operator-write',
      position: 2n,
    });
  });

  it('without a keyring counts signed events but checks no signature', () => {
    const rows = chain(4, (i) => (i < 1 ? undefined : service.signer));
    rows[2] = { ...rows[2]!, signature: rows[1]!.signature };
    expect(verify(rows)).toMatchObject({
      ok: true,
      signedEvents: 3,
      unsignedEvents: 1,
      signaturesChecked: false,
    });
  });

  it('without a keyring still breaks at an unsigned event after signed ones, and at half a signature', () => {
    const unsigned = chain(4, (i) => (i === 2 ? undefined : service.signer));
    expect(verify(unsigned).firstBreak).toMatchObject({ kind: 'unsigned', position: 3n });
    const rows = chain(3, () => service.signer);
    const noSignature = [rows[0]!, { ...rows[1]!, signature: null }];
    expect(verify(noSignature).firstBreak).toMatchObject({ kind: 'bad-signature', position: 2n });
    const noKeyId = [{ ...rows[0]!, signer: null }];
    expect(verify(noKeyId).firstBreak).toMatchObject({ kind: 'bad-signature', position: 1n });
  });

  it('takes no digest of a log with an unsigned event after signed ones', async () => {
    const rows = chain(3, (i) => (i === 1 ? undefined : service.signer));
    const store = {
      description: { kind: 'memory', location: 't', contiguousPositions: true, firstPosition: 1n },
      readRaw: async (after: bigint | undefined) => {
        const page = rows.filter((row) => after === undefined || row.position > after);
        return { rows: page, lastPosition: page.at(-1)?.position ?? after, isEnd: true };
      },
    } as unknown as EventStore;
    await expect(takeDigest(store)).rejects.toThrow(/does not verify, so no digest was taken: position 2/);
  });

  it('reports a signature that is not over this record as a bad signature at that event', () => {
    const rows = chain(4, () => service.signer);
    rows[2] = { ...rows[2]!, signature: rows[1]!.signature };
    expect(verify(rows, keyring).firstBreak).toMatchObject({ kind: 'bad-signature', position: 3n });
    rows[2] = { ...rows[2]!, signature: 'not base64' };
    expect(verify(rows, keyring).firstBreak).toMatchObject({ kind: 'bad-signature', position: 3n });
    rows[2] = { ...rows[2]!, signature: null };
    expect(verify(rows, keyring).firstBreak).toMatchObject({ kind: 'bad-signature', position: 3n });
  });

  it('reports a key the keyring does not hold as an unknown key', () => {
    const stranger = newKey().signer;
    const rows = chain(4, (i) => (i === 3 ? stranger : service.signer));
    expect(verify(rows, keyring).firstBreak).toMatchObject({ kind: 'unknown-key', position: 4n });
  });

  it('reports an unsigned event once signing began', () => {
    const rows = chain(5, (i) => (i === 3 ? undefined : i >= 1 ? lateService.signer : undefined));
    const report = verify(rows, lateKeyring);
    expect(report.firstBreak).toMatchObject({ kind: 'unsigned', position: 4n });
    expect(report).toMatchObject({ eventsChecked: 3, unsignedEvents: 1, signedEvents: 2 });
  });

  it('with a keyring, breaks at an unsigned event recorded after its first event-signing key came into use', () => {
    const stripped = chain(3, () => undefined);
    expect(verify(stripped, lateKeyring).firstBreak).toMatchObject({
      kind: 'unsigned',
      position: 2n,
      message: expect.stringContaining('after 2026-01-01T12:00:00.000Z') as unknown,
    });
    expect(verify(stripped, keyring).firstBreak).toMatchObject({ kind: 'unsigned', position: 1n });
    expect(verify(stripped)).toMatchObject({ ok: true, unsignedEvents: 3 }); // without one, nothing says when
    // a checkpoint key signs no events: it says nothing of when event signing began
    const checkpointOnly = keyringOf([newKey('checkpoint').entry]);
    expect(verify(stripped, checkpointOnly)).toMatchObject({ ok: true, unsignedEvents: 3 });
  });

  it("judges a key's retirement by the latest recordedAt along the chain, and refuses a key used before its from", () => {
    const retired = newKey('service', '2026-01-02T12:00:00Z');
    const rotated = keyringOf([retired.entry, service.entry]);
    // row 3 is signed with the retired key and claims the first day, after rows recorded on the third
    const backdated = chain(
      4,
      (i) => (i === 3 ? retired.signer : service.signer),
      () => false,
      (i) => (i === 3 ? 0 : i),
    );
    expect(verify(backdated, rotated).firstBreak).toMatchObject({ kind: 'retired-key', position: 4n });

    const early = newKey('service', null, '2026-01-03T00:00:00Z');
    const rows = chain(3, (i) => (i === 0 ? service.signer : early.signer));
    expect(verify(rows, keyringOf([service.entry, early.entry])).firstBreak).toMatchObject({
      kind: 'key-not-yet-in-use',
      position: 2n,
      message: expect.stringContaining('before key') as unknown,
    });
  });

  it('refuses events signed with a checkpoint key, or recorded after their key was retired', () => {
    const checkpoint = newKey('checkpoint');
    const withCheckpoint = keyringOf([service.entry, checkpoint.entry]);
    expect(
      verify(
        chain(2, (i) => (i === 1 ? checkpoint.signer : service.signer)),
        withCheckpoint,
      ).firstBreak,
    ).toMatchObject({ kind: 'bad-signature', position: 2n });

    const retired = newKey('service', '2026-01-02T12:00:00Z');
    const rotated = keyringOf([retired.entry, service.entry]);
    // rows 0 and 1 are recorded before the retirement, row 2 after it
    const rows = chain(4, (i) => (i <= 2 ? retired.signer : service.signer));
    expect(verify(rows, rotated).firstBreak).toMatchObject({ kind: 'retired-key', position: 3n });
    const proper = chain(4, (i) => (i < 2 ? retired.signer : service.signer));
    expect(verify(proper, rotated)).toMatchObject({ ok: true, signedEvents: 4 });
  });
});
