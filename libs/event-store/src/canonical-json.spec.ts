import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

describe('canonical JSON', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same bytes for the same value whatever the key order, and parses back to it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('refuses what JSON cannot hold exactly, naming where', () => {
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow('$.a[1]: NaN is not a finite number');
    expect(() => canonicalJson({ a: 1n })).toThrow('$.a: a bigint cannot be stored as JSON');
    expect(() => canonicalJson({ when: new Date(0) })).toThrow('$.when: only plain objects can be stored');
    expect(() => canonicalJson({ a: [{ b: [0, { c: () => 1 }] }] })).toThrow(
      '$.a[0].b[1].c: a function cannot be stored as JSON',
    );
    expect(() => canonicalJson([1, 2, 3], '$.data')).not.toThrow();
    expect(() => canonicalJson({ x: [undefined] }, '$.data')).toThrow(
      '$.data.x[0]: a undefined cannot be stored as JSON',
    );
    // an array with a hole would have been written as "[1,,3]", which is not JSON: refused like undefined
    // eslint-disable-next-line no-sparse-arrays
    expect(() => canonicalJson({ a: [1, , 3] })).toThrow('$.a[1]: a undefined cannot be stored as JSON');
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let i = 0; i < 70; i += 1) cursor = (cursor.x = {}) as Record<string, unknown>;
    expect(() => canonicalJson(deep)).toThrow(/nested deeper than 64/);
  });

  it('drops undefined object members, as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });
});
