// Raising one register of a sparse HLL in place, byte for byte as Redis edits it: split the
// opcode covering the register, merge equal neighbouring VALs, and promote to dense when the
// value exceeds 32 or the string would pass hll-sparse-max-bytes. Also PFADD's per-element add.

import {
  denseSet, HLL_DENSE, HLL_HDR_SIZE, HLL_SPARSE, HLL_SPARSE_VAL_MAX_LEN, HLL_SPARSE_VAL_MAX_VALUE,
  HLL_SPARSE_ZERO_MAX_LEN, type HllBytes, sparseToDense,
} from './hll.js';
import { hllPattern } from './hll-hash.js';

const isZero = (op: number): boolean => (op & 0xc0) === 0;
const isXZero = (op: number): boolean => (op & 0xc0) === 0x40;
const valOp = (value: number, run: number): number => 0x80 | ((value - 1) << 2) | (run - 1);
const valValue = (op: number): number => ((op >> 2) & 0x1f) + 1;
const valRun = (op: number): number => (op & 3) + 1;

/** Append the zero run `len` to seq as ZERO or XZERO. */
function pushZeros(seq: number[], len: number): void {
  if (len > HLL_SPARSE_ZERO_MAX_LEN) seq.push(((len - 1) >> 8) | 0x40, (len - 1) & 0xff);
  else seq.push(len - 1);
}

/** Promote to dense and set the register there: 1, or -1 when the sparse form is corrupt. */
function promote(h: HllBytes, index: number, count: number): 1 | -1 {
  if (!sparseToDense(h)) return -1;
  denseSet(h, index, count);
  return 1;
}

/**
 * Raise register `index` of a sparse HLL to `count`. 1 when it changed (cache invalidated),
 * 0 when it already held as much, -1 when the opcodes are corrupt.
 */
export function sparseSet(h: HllBytes, index: number, count: number, maxBytes: number): 0 | 1 | -1 {
  if (count > HLL_SPARSE_VAL_MAX_VALUE) return promote(h, index, count);
  h.reserve(3);
  const b = h.b;
  let end = h.len;

  // 1. Find the opcode covering `index`, remembering the one before it.
  let p = HLL_HDR_SIZE;
  let prev = -1;
  let first = 0;
  let span = 0;
  while (p < end) {
    const op = b[p] as number;
    let oplen = 1;
    if (isZero(op)) span = (op & 0x3f) + 1;
    else if (!isXZero(op)) span = valRun(op);
    else {
      span = (((op & 0x3f) << 8) | (b[p + 1] as number)) + 1;
      oplen = 2;
    }
    if (index <= first + span - 1) break;
    prev = p;
    p += oplen;
    first += span;
  }
  if (span === 0 || p >= end) return -1;
  const op = b[p] as number;
  const xzero = isXZero(op);
  const next = p + (xzero ? 2 : 1) >= end ? -1 : p + (xzero ? 2 : 1);

  // 2. Trivial cases: a VAL already high enough, a one-register VAL or ZERO rewritten.
  if (!isZero(op) && !xzero) {
    if (valValue(op) >= count) return 0;
    if (span === 1) {
      b[p] = valOp(count, 1);
      return mergeAndFinish(h, prev, end);
    }
  }
  if (isZero(op) && span === 1) {
    b[p] = valOp(count, 1);
    return mergeAndFinish(h, prev, end);
  }

  // 3. General case: split the opcode into up to three (worst: XZERO VAL XZERO, 5 bytes).
  const seq: number[] = [];
  const last = first + span - 1;
  if (isZero(op) || xzero) {
    if (index !== first) pushZeros(seq, index - first);
    seq.push(valOp(count, 1));
    if (index !== last) pushZeros(seq, last - index);
  } else {
    const cur = valValue(op);
    if (index !== first) seq.push(valOp(cur, index - first));
    seq.push(valOp(count, 1));
    if (index !== last) seq.push(valOp(cur, last - index));
  }
  const delta = seq.length - (xzero ? 2 : 1);
  if (delta > 0 && h.len + delta > maxBytes) return promote(h, index, count);
  if (delta !== 0 && next !== -1) b.copyWithin(next + delta, next, end);
  end += delta;
  h.len = end;
  b[end] = 0;
  for (let i = 0; i < seq.length; i++) b[p + i] = seq[i] as number;
  return mergeAndFinish(h, prev, end);
}

/** 4. Merge adjacent equal VALs in the few opcodes from `prev`, then invalidate the cache. */
function mergeAndFinish(h: HllBytes, prev: number, end: number): 1 {
  const b = h.b;
  let p = prev === -1 ? HLL_HDR_SIZE : prev;
  let scan = 5;
  while (p < end && scan-- > 0) {
    const op = b[p] as number;
    if (isXZero(op)) {
      p += 2;
      continue;
    }
    if (isZero(op)) {
      p++;
      continue;
    }
    if (p + 1 < end && (b[p + 1] as number) & 0x80) {
      const v = valValue(op);
      const len = valRun(op) + valRun(b[p + 1] as number);
      if (v === valValue(b[p + 1] as number) && len <= HLL_SPARSE_VAL_MAX_LEN) {
        b[p + 1] = valOp(v, len);
        b.copyWithin(p, p + 1, end + 1);
        end--;
        continue;
      }
    }
    p++;
  }
  h.len = end;
  b[end] = 0;
  h.invalidateCache();
  return 1;
}

/** Add one element (PFADD): 1 when a register changed, 0 when not, -1 for a corrupt HLL. */
export function hllAdd(h: HllBytes, element: string, sparseMaxBytes: number): 0 | 1 | -1 {
  const pat = hllPattern(element);
  const index = pat & 0x3fff;
  const count = pat >>> 14;
  if (h.encoding === HLL_DENSE) return denseSet(h, index, count);
  if (h.encoding === HLL_SPARSE) return sparseSet(h, index, count, sparseMaxBytes);
  return -1;
}
