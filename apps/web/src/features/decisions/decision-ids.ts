import { randomBytes } from 'node:crypto';
import { TEXT_LIMITS } from '@bcl/kernel';

/**
 * The id of a record a form creates, made on the server from what the record is (so nobody has to invent or
 * guess one): its parts as lower-case letters, digits and hyphens, at most the ledger's id length. Where that id
 * is taken already, a short random suffix keeps it unique (the domain still refuses a clash, as for the API).
 */
export function generatedId(parts: (string | number)[], taken: ReadonlySet<string>): string {
  const base = trimmed(slug(parts.join('-')), TEXT_LIMITS.idLengthMax) || 'record';
  if (!taken.has(base)) return base;
  for (;;) {
    const suffixed = `${trimmed(base, TEXT_LIMITS.idLengthMax - 7)}-${randomBytes(3).toString('hex')}`;
    if (!taken.has(suffixed)) return suffixed;
  }
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** At most `max` characters, never ending in a hyphen (an id ends in a letter or digit). */
const trimmed = (text: string, max: number): string => text.slice(0, max).replace(/-+$/, '');
