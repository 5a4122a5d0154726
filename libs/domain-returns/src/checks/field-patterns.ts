/**
 * Field patterns in a rule's data: a field id, or a dotted path with `*` segments (`conditions.*.status`) that
 * stands for every field of the return it matches, one row per match. A pattern of the same rule that names
 * the same `*` (`conditions.*.date`) is read for that row: `bind` puts the row's segments in its place.
 */

/** Ids and patterns are few and checked often (every rule against every field): each is split once. */
const SEGMENTS_KEPT_MAX = 20_000;
const segmentsKept = new Map<string, readonly string[]>();
function segmentsOf(dotted: string): readonly string[] {
  let segments = segmentsKept.get(dotted);
  if (segments === undefined) {
    if (segmentsKept.size >= SEGMENTS_KEPT_MAX) segmentsKept.clear();
    segments = dotted.split('.');
    segmentsKept.set(dotted, segments);
  }
  return segments;
}

/** The segments a field id gives the pattern's `*`s, in order, or null when it does not match. */
export function matchPattern(pattern: string, fieldId: string): string[] | null {
  const wanted = segmentsOf(pattern);
  const actual = segmentsOf(fieldId);
  if (wanted.length !== actual.length) return null;
  const bound: string[] = [];
  for (let i = 0; i < wanted.length; i += 1) {
    if (wanted[i] === '*') bound.push(actual[i]!);
    else if (wanted[i] !== actual[i]) return null;
  }
  return bound;
}

/** The pattern with its `*`s replaced by a row's segments (a pattern without `*` is itself). */
export function bindPattern(pattern: string, bound: string[]): string {
  let next = 0;
  return pattern
    .split('.')
    .map((segment) => (segment === '*' && next < bound.length ? bound[next++]! : segment))
    .join('.');
}

/** Every row of `pattern` among the field ids, in the ids' order: the field and its segments. */
export function rowsOf(pattern: string, fieldIds: Iterable<string>): { field: string; bound: string[] }[] {
  const rows: { field: string; bound: string[] }[] = [];
  for (const field of fieldIds) {
    const bound = matchPattern(pattern, field);
    if (bound) rows.push({ field, bound });
  }
  return rows;
}
