// How Redis's quicklist splits a list into listpack nodes, so a saved list (RDB, DUMP) has the
// node structure redis-server 7.0 would write for it. Cinnabar's in-memory nodes follow their
// own rules (an entry cap that keeps head inserts cheap), so the writer regroups the elements.

import { HEADER_BYTES, listpackItemBytes } from './listpack.js';

/** quicklist.c's optimization_level: node byte limits for fill -1..-5. */
const OPTIMIZATION_LEVEL = [4096, 8192, 16384, 32768, 65536];
/** quicklist.c's SIZE_SAFETY_LIMIT: the byte cap under a positive (entry count) fill. */
const SIZE_SAFETY_LIMIT = 8192;
/** quicklist.c's SIZE_ESTIMATE_OVERHEAD: what _quicklistNodeAllowInsert adds to an element. */
const SIZE_ESTIMATE_OVERHEAD = 8;
/** An empty listpack: its header and end byte. */
const EMPTY_LISTPACK = HEADER_BYTES + 1;

/** Whether a node of `count` entries and `bytes` listpack bytes takes an element of `len` bytes. */
function allowInsert(fill: number, count: number, bytes: number, len: number): boolean {
  const newSize = bytes + len + SIZE_ESTIMATE_OVERHEAD;
  if (fill < 0) {
    const limit = OPTIMIZATION_LEVEL[-fill - 1];
    if (limit !== undefined && newSize <= limit) return true;
  }
  if (newSize > SIZE_SAFETY_LIMIT) return false;
  return count < fill;
}

/**
 * How many entries each node Redis's quicklist holds after pushing `values` at the tail one by
 * one under list-max-listpack-size `fill` (RPUSH, and what a load of a single-node list grows
 * into). Lists Redis built otherwise (LPUSH, LINSERT, trims) may be split differently there.
 * Sizes rather than the nodes themselves, so a writer can cut one node at a time from a second
 * pass instead of holding a copy of a big list.
 */
export function quicklistNodeSizes(values: Iterable<string>, fill: number): number[] {
  const sizes: number[] = [];
  let count = 0;
  let bytes = EMPTY_LISTPACK;
  for (const v of values) {
    if (count > 0 && !allowInsert(fill, count, bytes, v.length)) {
      sizes.push(count);
      count = 0;
      bytes = EMPTY_LISTPACK;
    }
    count++;
    bytes += listpackItemBytes(v);
  }
  if (count > 0) sizes.push(count);
  return sizes;
}
