import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  linkSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { checkpointToJson, signCheckpoint } from './checkpoint';
import { EventStore } from './event-store.port';
import { TreeDigest } from './log-digest';
import { Signer } from './signing/signing-keys';
import { takeDigest } from './verify-log';

export interface CheckpointWriterOptions {
  /** The checkpoint directory: outside the store (another disk, or a folder an off-site copy collects). */
  dir: string;
  /** A `checkpoint` key's signer. */
  signer: Signer;
  now?: () => Date;
}

export interface WrittenCheckpoint {
  path: string;
  treeSize: bigint;
  /** false when a checkpoint of that tree size was already there (it is kept, never overwritten). */
  written: boolean;
}

/**
 * Writes signed checkpoints into a directory, as `checkpoint-<treeSize>.json`, each atomically (a temporary
 * file, fsync, a hard link to its name (which never replaces a file), fsync of the directory), so that a crash leaves either the whole checkpoint or none.
 * It keeps no state in the store: each checkpoint is taken from a full verification of the log (`takeDigest`,
 * which refuses a log that does not verify), and writes run one at a time.
 */
export class CheckpointWriter {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: CheckpointWriterOptions) {
    if (options.signer.role !== 'checkpoint') {
      throw new Error(
        `key ${options.signer.keyId} is a ${options.signer.role} key: checkpoints need a checkpoint key`,
      );
    }
  }

  /** Takes a checkpoint of the log as it is now; null for an empty log. Calls queue behind each other. */
  checkpoint(store: EventStore): Promise<WrittenCheckpoint | null> {
    const next = this.queue.then(async () => {
      const digest = await takeDigest(store);
      return digest ? this.writeDigest(digest) : null;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Signs and writes a digest taken elsewhere (it must be the store's, verified). */
  writeDigest(digest: TreeDigest): WrittenCheckpoint {
    const { dir, signer } = this.options;
    const path = join(dir, `checkpoint-${digest.treeSize}.json`);
    if (existsSync(path)) return { path, treeSize: digest.treeSize, written: false };
    const takenAt = (this.options.now ?? (() => new Date()))().toISOString();
    const text = `${JSON.stringify(checkpointToJson(signCheckpoint(digest, signer, takenAt)), null, 2)}\n`;
    mkdirSync(dir, { recursive: true });
    const temporary = join(dir, `.checkpoint-${digest.treeSize}.${randomBytes(6).toString('hex')}.tmp`);
    const fd = openSync(temporary, 'wx');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // a link never replaces a file: another writer's checkpoint of this size, made since the check above, stays
    let written = true;
    try {
      linkSync(temporary, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        unlinkSync(temporary);
        throw error;
      }
      written = false;
    }
    unlinkSync(temporary);
    syncDirectory(dir);
    return { path, treeSize: digest.treeSize, written };
  }

  /**
   * Takes a checkpoint every `seconds` (from now) and whenever `request()` is called (after a significant act);
   * requests that arrive while one waits share it; failures go to `onError` and never stop the schedule.
   */
  schedule(
    store: EventStore,
    seconds: number,
    onError: (error: Error) => void,
  ): { request: () => Promise<void>; stop: () => void } {
    // Requests that arrive while one waits to start share it: a burst of acts gives one checkpoint after them.
    let waiting: Promise<void> | null = null;
    const request = (): Promise<void> => {
      waiting ??= this.queue
        .then(() => {
          waiting = null;
        })
        .then(() => this.checkpoint(store))
        .then(
          () => undefined,
          (error: Error) => onError(error),
        );
      return waiting;
    };
    const timer = seconds > 0 ? setInterval(() => void request(), seconds * 1000) : null;
    timer?.unref();
    return { request, stop: () => timer && clearInterval(timer) };
  }
}

/** Makes a rename durable; some platforms cannot open a directory, where the rename is as durable as they allow. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // not supported here (Windows)
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
