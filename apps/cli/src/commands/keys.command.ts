import { existsSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import {
  KEY_ROLES,
  KeyRole,
  Keyring,
  KeyringEntry,
  generateSigningKey,
  isIsoInstant,
  keyringOf,
  keyringToJson,
} from '@bcl/event-store';
import { loadKeyring } from '@bcl/event-store-open';
import { GlobalOptions, UsageError, report } from '../cli-context';
import { plainFileProblem, writeOutputFile } from '../files';

interface GenerateOptions {
  role: string;
  holder: string;
  out: string;
}

interface RetireOptions {
  keyId: string;
  at?: string;
}

export function keysCommand(): Command {
  const keys = new Command('keys').description(
    "the writers' signing keys and the keyring an auditor receives",
  );
  keys
    .command('generate')
    .description(
      'write a new Ed25519 key file (mode 0600) and add its public key to the keyring (created if absent)',
    )
    .requiredOption('--role <role>', `what the key signs: ${KEY_ROLES.join(', ')}`)
    .requiredOption(
      '--holder <text>',
      'who holds it, for the auditor (e.g. "api instance, Kent County Council")',
    )
    .requiredOption(
      '--out <keyfile>',
      'the key file to write (refused if it exists): keep it outside the store',
    )
    .option('--keyring <file>', 'the keyring file to add the public key to')
    .action((options: GenerateOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      if (!KEY_ROLES.includes(options.role as KeyRole)) {
        throw new UsageError(`--role must be one of ${KEY_ROLES.join(', ')}, not '${options.role}'`);
      }
      if (options.holder.trim() === '') throw new UsageError('--holder must name who holds the key');
      if (existsSync(options.out))
        throw new UsageError(`${options.out} exists: a key file is never overwritten`);
      const keyringPath = globals.keyring;
      const existing = keyringPath && existsSync(keyringPath) ? readKeyring(keyringPath) : undefined;
      const { keyFile, entry } = generateSigningKey(
        options.role as KeyRole,
        options.holder.trim(),
        new Date().toISOString(),
      );
      try {
        writeFileSync(options.out, `${keyFile}\n`, { mode: 0o600, flag: 'wx' });
      } catch (error) {
        throw new UsageError(
          `cannot write ${options.out}: ${plainFileProblem(error) ?? (error as Error).message}`,
        );
      }
      if (keyringPath) writeKeyring(keyringPath, [...(existing?.entries ?? []), entry]);
      report(
        globals,
        {
          keyId: entry.keyId,
          role: entry.role,
          holder: entry.holder,
          keyFile: options.out,
          keyring: keyringPath ?? null,
        },
        `wrote ${entry.role} key ${entry.keyId} to ${options.out} (mode 0600)` +
          (keyringPath
            ? `; its public key is in ${keyringPath}`
            : '; no --keyring: add its public key to one'),
      );
    });
  keys
    .command('retire')
    .description('retire a key in the keyring: events it signed stay verifiable, later ones are refused')
    .requiredOption('--key-id <id>', 'the key to retire')
    .option('--keyring <file>', 'the keyring file')
    .option('--at <iso>', 'when it was retired (default: now)')
    .action((options: RetireOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      if (!globals.keyring) throw new UsageError('name the keyring file with --keyring');
      const keyring = readKeyring(globals.keyring);
      const at = options.at ?? new Date().toISOString();
      if (!isIsoInstant(at)) {
        throw new UsageError(
          `--at must be an ISO 8601 date-time with Z or an offset, not ${JSON.stringify(at)}`,
        );
      }
      if (!keyring.entry(options.keyId))
        throw new UsageError(`${globals.keyring} holds no key ${options.keyId}`);
      const entries = keyring.entries.map((entry) =>
        entry.keyId === options.keyId ? { ...entry, until: at } : entry,
      );
      writeKeyring(globals.keyring, entries);
      report(
        globals,
        { keyId: options.keyId, until: at },
        `retired ${options.keyId} from ${at} in ${globals.keyring}`,
      );
    });
  return keys;
}

function readKeyring(path: string): Keyring {
  try {
    return loadKeyring(path);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function writeKeyring(path: string, entries: KeyringEntry[]): void {
  writeOutputFile(path, `${keyringToJson(keyringOf(entries))}\n`);
}
