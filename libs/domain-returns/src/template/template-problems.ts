import { Quarter, QUARTERS } from '@bcl/kernel';

/** The problems found in a template file, each `<key>: <reason>`, in the order found. */
export class TemplateProblems {
  readonly found: string[] = [];

  /** Records one problem of the value at `key`. */
  add(key: string, reason: string): void {
    this.found.push(`${key}: ${reason}`);
  }

  /** Records a problem for each key of `value` not in `known` (a misspelt key is never silently ignored). */
  unknownKeys(key: string, value: Record<string, unknown>, known: readonly string[]): void {
    for (const name of Object.keys(value))
      if (!known.includes(name))
        this.add(`${key}.${name}`, `is not a key of the template (known: ${known.join(', ')})`);
  }

  /** The value as an object, or undefined with a problem recorded. */
  object(key: string, value: unknown): Record<string, unknown> | undefined {
    if (isObject(value)) return value;
    this.add(key, 'must be an object');
    return undefined;
  }

  /** The value as an array, or [] with a problem recorded. */
  array(key: string, value: unknown, nonEmpty = false): unknown[] {
    if (!Array.isArray(value)) {
      this.add(key, 'must be a list');
      return [];
    }
    if (nonEmpty && value.length === 0) this.add(key, 'must not be empty');
    return value;
  }

  /** True when the value is a non-blank string; records a problem otherwise. */
  text(key: string, value: unknown): value is string {
    if (typeof value === 'string' && value.trim() !== '') return true;
    this.add(key, 'must be a non-empty string');
    return false;
  }

  /** The value as a list of non-blank strings (problems recorded for the others). */
  texts(key: string, value: unknown, nonEmpty = true): string[] {
    return this.array(key, value, nonEmpty).filter((item, i): item is string =>
      this.text(`${key}[${i}]`, item),
    );
  }

  /** The value as a list of distinct quarters 1-4, or undefined with a problem recorded. */
  quarters(key: string, value: unknown): Quarter[] | undefined {
    if (!Array.isArray(value) || value.length === 0 || !value.every(isQuarter)) {
      this.add(key, 'must be a non-empty list of quarters 1 to 4');
      return undefined;
    }
    if (new Set(value).size !== value.length) this.add(key, 'names a quarter twice');
    return value;
  }
}

/** True for a plain object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for the number 1, 2, 3 or 4. */
export function isQuarter(value: unknown): value is Quarter {
  return (QUARTERS as readonly unknown[]).includes(value);
}
