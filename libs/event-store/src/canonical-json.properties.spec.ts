import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

/**
 * The writer canonicalJson was before it wrote in one pass (kept here verbatim as the reference): every value
 * must give the same bytes, and every refused value the same error, from the one-pass writer.
 */
function referenceCanonicalJson(value: unknown, path = '$'): string {
  const steps: Array<string | number> = [];
  const where = (): string =>
    steps.reduce<string>(
      (text, step) => (typeof step === 'number' ? `${text}[${step}]` : `${text}.${step}`),
      path,
    );
  const write = (item: unknown, depth: number): string => {
    if (depth > 64) throw new TypeError(`${where()}: nested deeper than 64 levels`);
    if (item === null) return 'null';
    switch (typeof item) {
      case 'string':
        return JSON.stringify(item);
      case 'boolean':
        return item ? 'true' : 'false';
      case 'number':
        if (!Number.isFinite(item)) throw new TypeError(`${where()}: ${item} is not a finite number`);
        return JSON.stringify(item);
      case 'object': {
        if (Array.isArray(item)) {
          const items: string[] = [];
          for (let i = 0; i < item.length; i += 1) {
            steps.push(i);
            items.push(write(item[i], depth + 1));
            steps.pop();
          }
          return `[${items.join(',')}]`;
        }
        const proto = Object.getPrototypeOf(item) as unknown;
        if (proto !== Object.prototype && proto !== null) {
          throw new TypeError(`${where()}: only plain objects can be stored`);
        }
        const record = item as Record<string, unknown>;
        const parts: string[] = [];
        for (const key of Object.keys(record).sort()) {
          if (record[key] === undefined) continue;
          steps.push(key);
          parts.push(`${JSON.stringify(key)}:${write(record[key], depth + 1)}`);
          steps.pop();
        }
        return `{${parts.join(',')}}`;
      }
      default:
        throw new TypeError(`${where()}: a ${typeof item} cannot be stored as JSON`);
    }
  };
  return write(value, 0);
}

type Outcome = { text: string } | { error: string; message: string };

function outcome(writer: (value: unknown, path?: string) => string, value: unknown, path?: string): Outcome {
  try {
    return { text: writer(value, path) };
  } catch (error) {
    return { error: (error as Error).constructor.name, message: (error as Error).message };
  }
}

/** Characters the writer treats specially (quotes, backslash, controls, surrogates alone or paired) and any other. */
const char = fc.oneof(
  fc.constantFrom(
    '"',
    '\\',
    '\u0000',
    '\n',
    '\u001f',
    '\u007f',
    '\u2028',
    '\ud800',
    '\udfff',
    '\ud83d\ude00',
    '£',
  ),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.constantFrom('a', 'b', 'z', 'A', '_', '0', '1', '9'),
);
const text = fc.string({ unit: char, maxLength: 12 });
const key = fc.oneof(
  fc.constantFrom(
    'a',
    'b',
    'ab',
    'B',
    '',
    '0',
    '1',
    '9',
    '10',
    '-1',
    '01',
    '__proto__',
    'toJSON',
    'constructor',
  ),
  text,
);
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(-0, 0, 1e21, 1e-7, 5e-324, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER + 2, 0.1 + 0.2),
);
const validLeaf = fc.oneof(fc.constant(null), fc.boolean(), number, text);

class Instance {
  readonly x = 1;
}
class ArraySubclass extends Array<number> {}

/** What canonical JSON refuses, or might be written differently by a writer that leaned on JSON.stringify. */
const oddLeaf = fc.constantFrom<() => unknown>(
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => Number.NEGATIVE_INFINITY,
  () => undefined,
  () => () => 1,
  () => 1n,
  () => Symbol('s'),
  () => new Date(0),
  () => new Map([[1, 2]]),
  () => new Instance(),
  () => Object.create({ inherited: 1 }) as unknown,
  () => new String('boxed'),
  // eslint-disable-next-line no-sparse-arrays
  () => [1, , 3],
  () => [undefined],
  () => ArraySubclass.from([1, 2]),
  () => ({ toJSON: () => 'replaced' }),
  () => ({ toJSON: 'kept' }),
);

function tree(leaf: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 5 }),
      // sometimes with a null prototype; undefined members are dropped, as JSON.stringify drops them
      fc.dictionary(key, fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 6 }),
    ),
  })).value;
}

const validValue = tree(validLeaf);
const anyValue = tree(
  fc.oneof({ weight: 4, arbitrary: validLeaf }, { weight: 1, arbitrary: oddLeaf.map((make) => make()) }),
);

describe('canonical JSON in one pass, against the writer it replaced', () => {
  it('writes the same bytes for any JSON value, keys in any order', () => {
    fc.assert(
      fc.property(validValue, (value) => {
        expect(canonicalJson(value)).toBe(referenceCanonicalJson(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the same bytes or throws the same error, naming the same path, for anything at all', () => {
    fc.assert(
      fc.property(
        anyValue,
        fc.constantFrom(undefined, '$', '$.data', 'events[3].metadata'),
        (value, path) => {
          expect(outcome(canonicalJson, value, path)).toEqual(outcome(referenceCanonicalJson, value, path));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses a cycle as the writer it replaced does', () => {
    fc.assert(
      fc.property(fc.dictionary(key, validValue, { maxKeys: 4 }), key, (members, at) => {
        const value: Record<string, unknown> = { ...members, nested: [{ ...members }] };
        Object.defineProperty(value, at, { value, enumerable: true, configurable: true, writable: true });
        (value.nested as Array<Record<string, unknown>>)[0]![at] = value;
        const reference = outcome(referenceCanonicalJson, value);
        expect(reference).toHaveProperty('error', 'TypeError');
        expect(outcome(canonicalJson, value)).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses nesting deeper than 64 levels at the same place, and allows an undefined member past it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant<number | string>(0), key), { minLength: 60, maxLength: 70 }),
        fc.oneof(validLeaf, fc.constant(undefined)),
        (steps, innermost) => {
          let value: unknown = innermost;
          for (const step of [...steps].reverse()) {
            value =
              typeof step === 'number'
                ? [value]
                : Object.defineProperty({}, step, { value, enumerable: true });
          }
          expect(outcome(canonicalJson, value)).toEqual(outcome(referenceCanonicalJson, value));
        },
      ),
      { numRuns: 300 },
    );
  });
});
