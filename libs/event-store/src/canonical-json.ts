import { JsonValue } from './event-envelope';

/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, numbers as JSON.stringify writes them.
 * Rejects anything JSON cannot hold exactly (undefined, functions, NaN, Infinity, bigint, cycles),
 * naming the path of the offending value.
 */
export function canonicalJson(value: unknown, path = '$'): string {
  return write(value, new CanonicalPath(path), 0);
}

const MAX_DEPTH = 64;

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

function write(value: unknown, path: CanonicalPath, depth: number): string {
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
          items.push(write(value[i], path, depth + 1));
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
        parts.push(`${JSON.stringify(key)}:${write(item, path, depth + 1)}`);
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
