import {
  KeyObject,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';

/**
 * Ed25519 keys of the ledger's writers (an API instance, the CLI's operator, the checkpoint writer). Keys live
 * outside the store: a writer's private key in a key file (or an environment setting holding its path), the public
 * keys in a keyring file the auditor receives. A key id names the public key itself (a fingerprint), so a keyring
 * cannot claim another key's id.
 */
export const SIGNING_KEY_FORMAT = 'bcl-signing-key/1';
export const KEYRING_FORMAT = 'bcl-keyring/1';

/** What a key is used for: the service's writes, an operator's raw writes, or the signed checkpoints. */
export type KeyRole = 'service' | 'operator' | 'checkpoint';
export const KEY_ROLES: readonly KeyRole[] = ['service', 'operator', 'checkpoint'];

/** Signs bytes; the signature is base64 (88 characters for Ed25519). */
export interface Signer {
  readonly keyId: string;
  readonly role: KeyRole;
  sign(bytes: string | Buffer): string;
}

export interface KeyringEntry {
  keyId: string;
  role: KeyRole;
  /** SPKI PEM. */
  publicKey: string;
  /** Who holds it, e.g. "api instance, Kent County Council" (free text, for the auditor). */
  holder: string;
  /** When the key was brought into use and retired (ISO 8601); retired keys stay in the keyring for old events. */
  from: string;
  until: string | null;
}

export interface Keyring {
  readonly entries: readonly KeyringEntry[];
  /** The public key of `keyId`, or undefined when the keyring does not hold it. */
  publicKey(keyId: string): KeyObject | undefined;
  entry(keyId: string): KeyringEntry | undefined;
}

/** `ed25519:` and the first 32 hex digits of the SHA-256 of the key's SPKI DER encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `ed25519:${createHash('sha256').update(der).digest('hex').slice(0, 32)}`;
}

export const KEY_ID_PATTERN = /^ed25519:[0-9a-f]{32}$/;

/** Checks an Ed25519 signature; false (never a throw) for an unknown key, a malformed signature or wrong bytes. */
export function verifySignature(
  keyring: Keyring,
  keyId: string,
  bytes: string | Buffer,
  signature: string,
): boolean {
  const key = keyring.publicKey(keyId);
  if (!key || !/^[A-Za-z0-9+/]{86}==$/.test(signature)) return false;
  try {
    return verify(
      null,
      typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes,
      key,
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}

function signerOf(privateKey: KeyObject, role: KeyRole): Signer {
  const keyId = keyIdOf(createPublicKey(privateKey));
  return {
    keyId,
    role,
    sign: (bytes) =>
      sign(null, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, privateKey).toString(
        'base64',
      ),
  };
}

/** A new key pair: the key file's JSON (private: keep it outside the store) and its keyring entry (public). */
export function generateSigningKey(
  role: KeyRole,
  holder: string,
  from: string,
): { keyFile: string; entry: KeyringEntry } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyId = keyIdOf(publicKey);
  const keyFile = JSON.stringify(
    {
      format: SIGNING_KEY_FORMAT,
      keyId,
      role,
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }),
    },
    null,
    2,
  );
  const entry: KeyringEntry = {
    keyId,
    role,
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    holder,
    from,
    until: null,
  };
  return { keyFile, entry };
}

/** Parses a key file's JSON; throws a one-line error naming what is wrong. */
export function signerFromKeyFile(text: string): Signer {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error('the signing key file is not JSON');
  }
  if (raw?.format !== SIGNING_KEY_FORMAT)
    throw new Error(`the signing key file's format is not ${SIGNING_KEY_FORMAT}`);
  if (!KEY_ROLES.includes(raw.role as KeyRole))
    throw new Error(`the signing key file's role is not one of ${KEY_ROLES.join(', ')}`);
  let key: KeyObject;
  try {
    key = createPrivateKey(String(raw.privateKey));
  } catch {
    throw new Error('the signing key file holds no valid private key');
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error('the signing key file does not hold an Ed25519 key');
  const signer = signerOf(key, raw.role as KeyRole);
  if (raw.keyId !== signer.keyId)
    throw new Error(`the signing key file's keyId is not its key's (${signer.keyId})`);
  return signer;
}

/** An ISO 8601 date-time with its offset (`Z` or `±hh:mm`), as a keyring's `from` and `until` are written. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * Builds a keyring from entries, checking that each is an object whose id is its key's fingerprint, whose `from`
 * and `until` (or null) are ISO 8601 date-times with an offset, and that no id appears twice; throws one line.
 */
export function keyringOf(entries: readonly KeyringEntry[]): Keyring {
  const keys = new Map<string, { entry: KeyringEntry; key: KeyObject }>();
  for (const [index, entry] of entries.entries()) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new Error(`keyring: key ${index + 1} is not an object`);
    }
    const name =
      typeof entry.keyId === 'string' && KEY_ID_PATTERN.test(entry.keyId) ? entry.keyId : `key ${index + 1}`;
    if (keys.has(entry.keyId)) throw new Error(`keyring: ${name} appears twice`);
    if (!isIsoInstant(entry.from)) {
      throw new Error(`keyring: ${name}'s from is not an ISO 8601 date-time with Z or an offset`);
    }
    if (entry.until !== null && !isIsoInstant(entry.until)) {
      throw new Error(
        `keyring: ${name}'s until is neither null nor an ISO 8601 date-time with Z or an offset`,
      );
    }
    let key: KeyObject;
    try {
      key = createPublicKey(entry.publicKey);
    } catch {
      throw new Error(`keyring: ${name} holds no valid public key`);
    }
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`keyring: ${name} is not an Ed25519 key`);
    if (keyIdOf(key) !== entry.keyId) throw new Error(`keyring: ${name} is not the id of its public key`);
    if (!KEY_ROLES.includes(entry.role)) throw new Error(`keyring: ${name} has no valid role`);
    keys.set(entry.keyId, { entry, key });
  }
  return {
    entries: [...entries],
    publicKey: (keyId) => keys.get(keyId)?.key,
    entry: (keyId) => keys.get(keyId)?.entry,
  };
}

export function keyringToJson(keyring: Keyring): string {
  return JSON.stringify({ format: KEYRING_FORMAT, keys: keyring.entries }, null, 2);
}

/** Parses a keyring file's JSON; throws a one-line error naming what is wrong. */
export function keyringFromJson(text: string): Keyring {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error('the keyring file is not JSON');
  }
  if (raw?.format !== KEYRING_FORMAT) throw new Error(`the keyring file's format is not ${KEYRING_FORMAT}`);
  if (!Array.isArray(raw.keys)) throw new Error('the keyring file has no keys list');
  return keyringOf(raw.keys as KeyringEntry[]);
}
