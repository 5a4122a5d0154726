import { readFileSync } from 'node:fs';
import { KeyRole, Keyring, Signer, keyringFromJson, signerFromKeyFile } from '@bcl/event-store';

/** A key file or keyring file that cannot be used: the message is one line naming the file and the reason. */
export class SigningFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningFileError';
  }
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code;
    throw new SigningFileError(`cannot read ${what} ${path}: ${reason ?? (error as Error).message}`);
  }
}

/**
 * The signer a writer's key file holds (`bcl-signing-key/1`), refused unless its role is one of `roles`: a
 * checkpoint key never signs events, `bcl append` signs only with an operator key, every other writer only with a
 * service key.
 */
export function loadSigner(path: string, roles: readonly KeyRole[] = ['service']): Signer {
  let signer: Signer;
  try {
    signer = signerFromKeyFile(readText(path, 'the signing key file'));
  } catch (error) {
    if (error instanceof SigningFileError) throw error;
    throw new SigningFileError(`${path}: ${(error as Error).message}`);
  }
  if (!roles.includes(signer.role)) {
    throw new SigningFileError(
      `${path} holds ${signer.role === 'operator' ? 'an' : 'a'} ${signer.role} key; this writer signs only with a key of role ${roles.join(' or ')}`,
    );
  }
  return signer;
}

/** The keyring a keyring file holds (`bcl-keyring/1`), the writers' public keys an auditor checks against. */
export function loadKeyring(path: string): Keyring {
  const text = readText(path, 'the keyring file');
  try {
    return keyringFromJson(text);
  } catch (error) {
    throw new SigningFileError(`${path}: ${(error as Error).message}`);
  }
}
