// Redis's intset blob: a 4-byte encoding (2, 4 or 8 bytes per element), a 4-byte count, then
// the sorted integers little-endian. Encoded with the narrowest width that holds every value;
// decoding checks what intsetValidateIntegrity(deep) checks.

import { Buffer } from 'node:buffer';
import type { Int64 } from '@cinnabar/common';
import { RdbFormatError } from './errors.js';

function width(v: Int64): number {
  if (v < -2147483648 || v > 2147483647) return 8;
  if (v < -32768 || v > 32767) return 4;
  return 2;
}

/** The blob of an ascending list of distinct integers. */
export function encodeIntset(values: readonly Int64[]): Buffer {
  let enc = 2;
  for (const v of values) {
    const w = width(v);
    if (w > enc) enc = w;
  }
  const buf = Buffer.allocUnsafe(8 + values.length * enc);
  buf.writeUInt32LE(enc, 0);
  buf.writeUInt32LE(values.length, 4);
  let p = 8;
  for (const v of values) {
    if (enc === 2) buf.writeInt16LE(Number(v), p);
    else if (enc === 4) buf.writeInt32LE(Number(v), p);
    else buf.writeBigInt64LE(BigInt(v), p);
    p += enc;
  }
  return buf;
}

/** The integers of an intset blob (numbers, bigint beyond ±2^53); throws on a corrupt or empty one. */
export function decodeIntset(buf: Uint8Array): Int64[] {
  const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.length);
  if (b.length < 8) throw new RdbFormatError('intset shorter than its header');
  const enc = b.readUInt32LE(0);
  if (enc !== 2 && enc !== 4 && enc !== 8) throw new RdbFormatError(`intset with unknown encoding ${enc}`);
  const count = b.readUInt32LE(4);
  if (8 + count * enc !== b.length) throw new RdbFormatError('intset size does not match its count');
  if (count === 0) throw new RdbFormatError('empty intset');
  const out = new Array<Int64>(count);
  let prev: Int64 | null = null;
  for (let i = 0, p = 8; i < count; i++, p += enc) {
    let v: Int64;
    if (enc === 2) v = b.readInt16LE(p);
    else if (enc === 4) v = b.readInt32LE(p);
    else {
      const big = b.readBigInt64LE(p);
      v = big >= -9007199254740991n && big <= 9007199254740991n ? Number(big) : big;
    }
    if (prev !== null && v <= prev) throw new RdbFormatError('intset out of order or with duplicates');
    out[i] = v;
    prev = v;
  }
  return out;
}
