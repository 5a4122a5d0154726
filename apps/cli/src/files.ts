import { openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { UsageError } from './cli-context';

/** What went wrong with a file, in plain words (the operating system's code is not shown). */
const PLAIN: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a folder on its path is a file',
  ENAMETOOLONG: 'the name is too long',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files',
};

/** A file system error as plain words, or null when it is not one. */
export function plainFileProblem(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code in PLAIN ? PLAIN[code]! : null;
}

/** The error for a file the CLI cannot read: `cannot read [label ]PATH: reason`, one line. */
export function cannotRead(path: string, error: unknown, label = ''): UsageError {
  const reason = plainFileProblem(error) ?? (error as Error).message?.split('\n')[0] ?? String(error);
  return new UsageError(`cannot read ${label ? `${label} ` : ''}${path}: ${reason}`);
}

/** The size of a file that must be there and not be a folder; else one plain line. */
export function inputFileSize(path: string, label = ''): number {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    throw cannotRead(path, error, label);
  }
  if (stats.isDirectory())
    throw new UsageError(`cannot read ${label ? `${label} ` : ''}${path}: ${PLAIN.EISDIR}`);
  return stats.size;
}

/** A file's bytes, or one plain line saying why it cannot be read. */
export function readInputBytes(path: string, label = ''): Buffer {
  inputFileSize(path, label);
  try {
    return readFileSync(path);
  } catch (error) {
    throw cannotRead(path, error, label);
  }
}

/** A text file's contents (UTF-8), or one plain line saying why it cannot be read. */
export function readInputText(path: string, label = ''): string {
  return readInputBytes(path, label).toString('utf8');
}

/** `cannot write PATH: reason`, one line. */
function cannotWrite(path: string, error: unknown): UsageError {
  const reason = plainFileProblem(error) ?? (error as Error).message?.split('\n')[0] ?? String(error);
  return new UsageError(`cannot write ${path}: ${reason === PLAIN.ENOENT ? 'no such folder' : reason}`);
}

/** Writes an output file, or refuses in one plain line. */
export function writeOutputFile(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (error) {
    throw cannotWrite(path, error);
  }
}

/** Opens (creates or truncates) an output file for a stream, or refuses in one plain line. */
export function openOutputFile(path: string): number {
  try {
    return openSync(path, 'w');
  } catch (error) {
    throw cannotWrite(path, error);
  }
}
