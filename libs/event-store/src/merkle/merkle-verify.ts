import { hashBytes, isHash, isPowerOfTwo, leafHash, nodeHash, splitPoint } from './merkle-tree';

/**
 * Proof checking exactly as RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency) specify, with the input
 * checked first: a proof whose path is not exactly as long as the tree sizes require, a leaf index outside the
 * tree, a size of 0, a first size above the second, or a path element that is not a 32-byte hex hash is
 * refused, never accepted because a shortened or padded path happens to reach the root (the class of bug
 * immudb fixed in GHSA-672p-m5jq-mrh8). Each check returns a reason, or null when the proof holds.
 */
export type ProofProblem = string | null;

/** How many hashes PATH(index, D[size]) holds (RFC 9162 §2.1.3.1). */
export function inclusionPathLength(index: number, size: number): number {
  let length = 0;
  for (let m = index, n = size; n > 1; length += 1) {
    const k = splitPoint(n);
    if (m < k) n = k;
    else [m, n] = [m - k, n - k];
  }
  return length;
}

/** How many hashes PROOF(first, D[second]) holds (RFC 9162 §2.1.4.1, 0 < first < second). */
export function consistencyPathLength(first: number, second: number): number {
  let length = 0;
  let whole = true;
  for (let m = first, n = second; ; length += 1) {
    if (m === n) return whole ? length : length + 1;
    const k = splitPoint(n);
    if (m <= k) n = k;
    else [m, n, whole] = [m - k, n - k, false];
  }
}

function checkPath(path: unknown): ProofProblem {
  if (!Array.isArray(path)) return 'the proof has no path list';
  const bad = path.findIndex((element) => !isHash(element));
  return bad < 0 ? null : `path element ${bad} is not 64 lower-case hex digits`;
}

function checkSize(size: number, what: string): ProofProblem {
  return Number.isSafeInteger(size) && size >= 1 ? null : `the ${what} must be a whole number of 1 or more`;
}

/** RFC 9162 §2.1.3.2: is the event hash the leaf at `index` of the tree of `size` leaves whose root is `root`? */
export function verifyInclusion(
  eventHash: string,
  index: number,
  size: number,
  path: readonly string[],
  root: string,
): ProofProblem {
  const problem =
    checkSize(size, 'tree size') ??
    (Number.isSafeInteger(index) && index >= 0
      ? null
      : 'the leaf index must be a whole number of 0 or more') ??
    (index < size ? null : `leaf index ${index} is not below tree size ${size}`) ??
    (isHash(eventHash) ? null : 'the event hash is not 64 lower-case hex digits') ??
    (isHash(root) ? null : 'the root is not 64 lower-case hex digits') ??
    checkPath(path);
  if (problem) return problem;
  const expected = inclusionPathLength(index, size);
  if (path.length !== expected) {
    return `the path holds ${path.length} hashes; leaf ${index} of a tree of ${size} needs exactly ${expected}`;
  }
  let fn = index;
  let sn = size - 1;
  let r = leafHash(eventHash);
  for (const element of path) {
    const p = hashBytes(element);
    if (sn === 0) return 'the path is longer than the tree is deep';
    if ((fn & 1) === 1 || fn === sn) {
      r = nodeHash(p, r);
      while ((fn & 1) === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return 'the path is shorter than the tree is deep';
  return r.toString('hex') === root
    ? null
    : 'the path does not lead to the root: the event is not in that tree';
}

/** RFC 9162 §2.1.4.2: is the tree of `first` leaves with root `firstRoot` a prefix of the tree of `second`? */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: string,
  secondRoot: string,
  path: readonly string[],
): ProofProblem {
  const problem =
    checkSize(first, 'first tree size') ??
    checkSize(second, 'second tree size') ??
    (first <= second ? null : `the first tree size ${first} is larger than the second ${second}`) ??
    (isHash(firstRoot) && isHash(secondRoot) ? null : 'a root is not 64 lower-case hex digits') ??
    checkPath(path);
  if (problem) return problem;
  if (first === second) {
    if (path.length !== 0) return 'trees of the same size need an empty path';
    return firstRoot === secondRoot
      ? null
      : 'two trees of the same size have different roots: the log was rewritten';
  }
  const expected = consistencyPathLength(first, second);
  if (path.length !== expected) {
    return `the path holds ${path.length} hashes; from ${first} to ${second} events needs exactly ${expected}`;
  }
  // 1. an empty path fails (0 < first < second always needs one)
  if (path.length === 0) return 'the path is empty';
  // 2. a first tree that is a complete subtree is its own root
  const hashes = path.map((element) => hashBytes(element));
  if (isPowerOfTwo(first)) hashes.unshift(hashBytes(firstRoot));
  // 3, 4
  let fn = first - 1;
  let sn = second - 1;
  while ((fn & 1) === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  // 5, 6
  let fr = hashes[0]!;
  let sr = hashes[0]!;
  for (const c of hashes.slice(1)) {
    if (sn === 0) return 'the path is longer than the trees are deep';
    if ((fn & 1) === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while ((fn & 1) === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  // 7
  if (sn !== 0) return 'the path is shorter than the trees are deep';
  if (fr.toString('hex') !== firstRoot)
    return `the path does not lead to the first root: the first ${first} events were changed`;
  if (sr.toString('hex') !== secondRoot)
    return 'the path does not lead to the second root: the later log does not extend the earlier one';
  return null;
}
