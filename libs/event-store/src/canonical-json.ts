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
  try {
    return write(value, 0);
  } catch (error) {
    if (error !== UNWRITABLE) throw error;
    return writeNamingPath(value, new CanonicalPath(path), 0);
  }
}

const MAX_DEPTH = 64;

/** Thrown by the fast writer for anything it refuses; the path-keeping writer then says what and where. */
const UNWRITABLE = new Error('unwritable');

/** Quoted keys, which repeat from event to event; short keys only, dropped all at once when it is full. */
const quotedKeys = new Map<string, string>();
const QUOTED_KEYS_MAX = 4096;
const QUOTED_KEY_MAX_LENGTH = 64;

/**
 * `JSON.stringify(text)`, without calling it where nothing needs escaping: the quote, the backslash, control
 * characters and lone surrogates are what it escapes (any surrogate sends the text to it, paired or not).
 */
function quote(text: string): string {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) {
      return JSON.stringify(text);
    }
  }
  return `"${text}"`;
}

function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = quote(key);
    if (key.length <= QUOTED_KEY_MAX_LENGTH) {
      if (quotedKeys.size >= QUOTED_KEYS_MAX) quotedKeys.clear();
      quotedKeys.set(key, quoted);
    }
  }
  return quoted;
}

function write(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH) throw UNWRITABLE;
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      // a finite number's String is its JSON.stringify (-0 included, written 0)
      if (!Number.isFinite(value)) throw UNWRITABLE;
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? writeArray(value, depth) : writeObject(value, depth);
    default:
      throw UNWRITABLE;
  }
}

function writeArray(items: unknown[], depth: number): string {
  let text = '[';
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i];
    if (item === undefined) throw UNWRITABLE; // a hole too
    text += i === 0 ? write(item, depth + 1) : `,${write(item, depth + 1)}`;
  }
  return `${text}]`;
}

function writeObject(value: object, depth: number): string {
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
  let text = '';
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    text += `${text === '' ? '{' : ','}${quoteKey(key)}:${write(item, depth + 1)}`;
  }
  return text === '' ? '{}' : `${text}}`;
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
