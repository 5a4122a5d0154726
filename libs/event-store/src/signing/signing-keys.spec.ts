import {
  generateSigningKey,
  keyringFromJson,
  keyringOf,
  keyringToJson,
  signerFromKeyFile,
  verifySignature,
} from './signing-keys';

describe('signing keys', () => {
  const service = generateSigningKey('service', 'api instance', '2026-11-30T00:00:00Z');
  const other = generateSigningKey('operator', 'operator', '2026-11-30T00:00:00Z');
  const signer = signerFromKeyFile(service.keyFile);
  const keyring = keyringFromJson(keyringToJson(keyringOf([service.entry, other.entry])));

  it('signs bytes that verify with the keyring, and only those bytes', () => {
    const signature = signer.sign('{"eventId":"a"}');
    expect(signer.keyId).toMatch(/^ed25519:[0-9a-f]{32}$/);
    expect(verifySignature(keyring, signer.keyId, '{"eventId":"a"}', signature)).toBe(true);
    expect(verifySignature(keyring, signer.keyId, '{"eventId":"b"}', signature)).toBe(false);
    expect(verifySignature(keyring, other.entry.keyId, '{"eventId":"a"}', signature)).toBe(false);
  });

  it('answers false for an unknown key or a malformed signature, never throws', () => {
    const signature = signer.sign('x');
    expect(verifySignature(keyringOf([other.entry]), signer.keyId, 'x', signature)).toBe(false);
    expect(verifySignature(keyring, signer.keyId, 'x', 'not base64')).toBe(false);
    expect(verifySignature(keyring, signer.keyId, 'x', signature.slice(0, 80))).toBe(false);
  });

  it('refuses a keyring entry whose id is not its key', () => {
    expect(() => keyringOf([{ ...service.entry, keyId: other.entry.keyId }])).toThrow(
      /not the id of its public key/,
    );
  });

  it('refuses a keyring entry that is not an object, with bad dates, or twice, in one line', () => {
    const entry = service.entry;
    const refused = (entries: unknown[]) => () => keyringOf(entries as (typeof entry)[]);
    expect(refused([null])).toThrow('keyring: key 1 is not an object');
    expect(refused([entry, 'x'])).toThrow('keyring: key 2 is not an object');
    expect(refused([entry, entry])).toThrow(`keyring: ${entry.keyId} appears twice`);
    for (const from of ['2026-11-30', '2026-11-30T00:00:00', 'soon', 17, null]) {
      expect(refused([{ ...entry, from }])).toThrow(
        `keyring: ${entry.keyId}'s from is not an ISO 8601 date-time with Z or an offset`,
      );
    }
    for (const until of ['2026-11-30T00:00:00', '2026-13-01T00:00:00Z', '']) {
      expect(refused([{ ...entry, until }])).toThrow(/'s until is neither null nor an ISO 8601 date-time/);
    }
    expect(refused([{ ...entry, keyId: 'a\nb' }])).toThrow('keyring: key 1 is not the id of its public key');
    const offsets = keyringOf([
      { ...entry, from: '2026-11-30T10:00:00+01:00', until: '2027-01-01T00:00:00.5Z' },
    ]);
    expect(offsets.entry(entry.keyId)?.from).toBe('2026-11-30T10:00:00+01:00');
    expect(() => keyringFromJson(JSON.stringify({ format: 'bcl-keyring/1', keys: [7] }))).toThrow(
      'keyring: key 1 is not an object',
    );
  });

  it('refuses a key file whose id, role or format is wrong, in one line', () => {
    const file = JSON.parse(service.keyFile) as Record<string, unknown>;
    expect(() => signerFromKeyFile('nope')).toThrow('the signing key file is not JSON');
    expect(() => signerFromKeyFile(JSON.stringify({ ...file, format: 'x' }))).toThrow(/format/);
    expect(() => signerFromKeyFile(JSON.stringify({ ...file, role: 'root' }))).toThrow(/role/);
    expect(() => signerFromKeyFile(JSON.stringify({ ...file, keyId: other.entry.keyId }))).toThrow(/keyId/);
  });
});
