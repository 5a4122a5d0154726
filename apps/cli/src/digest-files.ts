import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Keyring, LogDigest, digestFromJson, digestOrCheckpointFromJson } from '@bcl/event-store';
import { UsageError } from './cli-context';
import { cannotRead, readInputText } from './files';

/**
 * A digest file (bcl-digest/1 or /2) or a signed checkpoint (bcl-checkpoint/1, checked against the keyring);
 * a checkpoint that does not verify is refused in one line, before anything is compared with it.
 */
export function readDigest(path: string, keyring: Keyring | undefined): LogDigest {
  const text = readInputText(path, 'digest file');
  try {
    return digestOrCheckpointFromJson(text, keyring, digestFromJson).digest;
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
}

/** Digest files, and directories of checkpoints (every `checkpoint-*.json` in them), in the order given. */
export function readDigests(paths: readonly string[], keyring: Keyring | undefined): LogDigest[] {
  const digests: LogDigest[] = [];
  for (const path of paths) {
    let directory = false;
    try {
      directory = statSync(path).isDirectory();
    } catch (error) {
      throw cannotRead(path, error, 'digest file');
    }
    if (!directory) {
      digests.push(readDigest(path, keyring));
      continue;
    }
    const names = readdirSync(path).filter((name) => /^checkpoint-\d+\.json$/.test(name));
    if (names.length === 0) throw new UsageError(`${path}: the folder holds no checkpoint-<size>.json files`);
    for (const name of names) digests.push(readDigest(join(path, name), keyring));
  }
  return digests;
}
