// The byte size Redis's listpack encoding gives a stream node, so that nodes fill up at
// stream-node-max-bytes where Redis's do (the split decides approximate trimming and XINFO's
// node counts). Strings that parse as int64 are stored as integers, as lpAppend does.

import type { StreamId } from './stream-id.js';

const U64 = (1n << 64n) - 1n;

/** An integer element: encoding bytes plus the one-byte back-length. */
export function intBytes(v: bigint): number {
  if (v >= 0n && v <= 127n) return 2;
  if (v >= -4096n && v <= 4095n) return 3;
  if (v >= -32768n && v <= 32767n) return 4;
  if (v >= -8388608n && v <= 8388607n) return 5;
  if (v >= -2147483648n && v <= 2147483647n) return 6;
  return 10;
}

function backlenBytes(l: number): number {
  return l <= 127 ? 1 : l < 16383 ? 2 : l < 2097151 ? 3 : l < 268435455 ? 4 : 5;
}

const INT_TEXT = /^(0|-?[1-9][0-9]*)$/;

export function elementBytes(s: string): number {
  if (s.length <= 20 && INT_TEXT.test(s)) {
    const v = BigInt(s);
    if (v >= -(1n << 63n) && v < 1n << 63n) return intBytes(v);
  }
  const n = s.length;
  const l = (n < 64 ? 1 : n < 4096 ? 2 : 5) + n;
  return l + backlenBytes(l);
}

export function sameFields(fields: readonly string[], master: readonly string[]): boolean {
  if (fields.length !== master.length * 2) return false;
  for (let i = 0; i < master.length; i++) if (fields[i * 2] !== master[i]) return false;
  return true;
}

/** One entry: flags, ms and seq deltas from the master ID, [num-fields, fields] values, lp-count. */
export function entryBytes(id: StreamId, fields: readonly string[], masterId: StreamId, master: readonly string[]): number {
  const same = sameFields(fields, master);
  const n = fields.length / 2;
  // Redis subtracts the 64-bit halves as unsigned and stores the result as int64.
  let b = 2 + intBytes(BigInt.asIntN(64, (id >> 64n) - (masterId >> 64n))) + intBytes(BigInt.asIntN(64, (id & U64) - (masterId & U64)));
  if (!same) b += intBytes(BigInt(n));
  for (let i = same ? 1 : 0; i < fields.length; i += same ? 2 : 1) b += elementBytes(fields[i] as string);
  return b + intBytes(BigInt(3 + (same ? n : 1 + 2 * n)));
}

/** The whole listpack: header and end byte, the master entry with its counters, the entries. */
export function nodeBytes(live: number, deleted: number, master: readonly string[], entriesBytes: number): number {
  let b = 7 + intBytes(BigInt(live)) + intBytes(BigInt(deleted)) + intBytes(BigInt(master.length)) + 2;
  for (const f of master) b += elementBytes(f);
  return b + entriesBytes;
}
