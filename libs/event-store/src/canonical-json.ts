import { JsonValue } from './event-envelope';

/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, numbers as JSON.stringify writes them.
 * Rejects anything JSON cannot hold exactly (undefined, functions, NaN, Infinity, bigint, cycles),
 * naming the path of the offending value.
 *
 * One pass writes and checks at once, keeping no path; only when it meets something it cannot write does the
 * path-keeping writer run again over the value to say where (docs/operations.md, "Canonical JSON in one pass").
 */
export function canonicalJson(value: unknown, path = '$'): string {
  const parts: string[] = [];
  try {
    write(value, 0, parts);
  } catch (error) {
    if (error !== UNWRITABLE) throw error;
    return writeNamingPath(value, new CanonicalPath(path), 0);
  }
  return parts.join('');
}

const MAX_DEPTH = 64;

/** Thrown by the fast writer for anything it refuses; the path-keeping writer then says what and where. */
const UNWRITABLE = new Error('unwritable');

/**
 * Keys quoted and followed by a colon, as they repeat from event to event: short keys only, and all dropped at once
 * when it is full.
 */
const quotedKeys = new Map<string, string>();
const QUOTED_KEYS_MAX = 4096;
const QUOTED_KEY_MAX_LENGTH = 64;

/**
 * Whether JSON.stringify would escape something in the text: the quote, the backslash, control characters and lone
 * surrogates are what it escapes (any surrogate says yes here, paired or not); otherwise it writes `"${text}"`.
 */
function needsEscape(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) return true;
  }
  return false;
}

/** The key quoted and followed by its colon. */
function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${needsEscape(key) ? JSON.stringify(key) : `"${key}"`}:`;
    if (key.length <= QUOTED_KEY_MAX_LENGTH) {
      if (quotedKeys.size >= QUOTED_KEYS_MAX) quotedKeys.clear();
      quotedKeys.set(key, quoted);
    }
  }
  return quoted;
}

/**
 * Pushes the value's text onto `parts`, in order, for one join at the end: a string grown by `+=` is a rope of
 * small strings, which the planner keeps for the whole group commit, and scavenges then copied and promoted every
 * piece (the group-append planner measured slower than with the old writer, nearly all of it garbage collection).
 */
function write(value: unknown, depth: number, parts: string[]): void {
  if (depth > MAX_DEPTH) throw UNWRITABLE;
  switch (typeof value) {
    case 'string':
      if (needsEscape(value)) parts.push(JSON.stringify(value));
      else parts.push('"', value, '"');
      return;
    case 'number':
      // a finite number's String is its JSON.stringify (-0 included, written 0)
      if (!Number.isFinite(value)) throw UNWRITABLE;
      parts.push(String(value));
      return;
    case 'boolean':
      parts.push(value ? 'true' : 'false');
      return;
    case 'object':
      if (value === null) parts.push('null');
      else if (Array.isArray(value)) writeArray(value, depth, parts);
      else writeObject(value, depth, parts);
      return;
    default:
      throw UNWRITABLE;
  }
}

function writeArray(items: unknown[], depth: number, parts: string[]): void {
  parts.push('[');
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i];
    if (item === undefined) throw UNWRITABLE; // a hole too
    if (i > 0) parts.push(',');
    write(item, depth + 1, parts);
  }
  parts.push(']');
}

function writeObject(value: object, depth: number, parts: string[]): void {
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw UNWRITABLE;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  // most objects are written with their keys in order or nearly: sort only those that are not
  for (let i = 1; i < keys.length; i += 1) {
    if (!(keys[i - 1]! < keys[i]!)) {
      keys.sort();
      break;
    }
  }
  let first = true;
  parts.push('{');
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (first) first = false;
    else parts.push(',');
    parts.push(quoteKey(key));
    write(item, depth + 1, parts);
  }
  parts.push('}');
}

/**
 * Where the writer is, kept as the keys and indexes on the way down and spelt out (`$.a[0].b`) only for an
 * error: building the path of every value cost more than writing most of them (group-append profile).
 */
class CanonicalPath {
  private readonly steps: Array<string | number> = [];
  constructor(private readonly root: string) {}
  push(step: string | number): void {
    this.steps.push(step);
  }
  pop(): void {
    this.steps.pop();
  }
  toString(): string {
    return this.steps.reduce<string>(
      (text, step) => (typeof step === 'number' ? `${text}[${step}]` : `${text}.${step}`),
      this.root,
    );
  }
}

/** The writer that keeps the path, run only to name what the fast writer refused (it throws for it). */
function writeNamingPath(value: unknown, path: CanonicalPath, depth: number): string {
  if (depth > MAX_DEPTH) throw new TypeError(`${path}: nested deeper than ${MAX_DEPTH} levels`);
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} is not a finite number`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        const items: string[] = [];
        for (let i = 0; i < value.length; i += 1) {
          path.push(i);
          items.push(writeNamingPath(value[i], path, depth + 1));
          path.pop();
        }
        return `[${items.join(',')}]`;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`${path}: only plain objects can be stored`);
      }
      const record = value as Record<string, unknown>;
      const parts: string[] = [];
      for (const key of Object.keys(record).sort()) {
        const item = record[key];
        if (item === undefined) continue;
        path.push(key);
        parts.push(`${JSON.stringify(key)}:${writeNamingPath(item, path, depth + 1)}`);
        path.pop();
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw new TypeError(`${path}: a ${typeof value} cannot be stored as JSON`);
  }
}

export function isJsonObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
