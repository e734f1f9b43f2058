// Redis's CRC-64 (Jones polynomial, reflected, init 0, no final xor), slice-by-8 over two
// 32-bit halves so no BigInt touches the per-byte loop. DUMP payloads and RDB files end with it.

import { Buffer } from 'node:buffer';

/** A running checksum: the low and high 32 bits (unsigned). */
export interface Crc64State {
  lo: number;
  hi: number;
}

const POLY_LO = 0x94c935a9;
const POLY_HI = 0xad93d235;

/** Tables t0..t7, low halves then high halves: TLO[k * 256 + i]. */
const TLO = new Uint32Array(8 * 256);
const THI = new Uint32Array(8 * 256);

(function buildTables(): void {
  // Reflected polynomial: reverse the 64 bits of 0xad93d23594c935a9.
  const rev32 = (x: number): number => {
    let r = 0;
    for (let i = 0; i < 32; i++) r = (r << 1) | ((x >>> i) & 1);
    return r >>> 0;
  };
  const rlo = rev32(POLY_HI);
  const rhi = rev32(POLY_LO);
  for (let i = 0; i < 256; i++) {
    let lo = i;
    let hi = 0;
    for (let b = 0; b < 8; b++) {
      const carry = lo & 1;
      lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
      hi = hi >>> 1;
      if (carry) {
        lo = (lo ^ rlo) >>> 0;
        hi = (hi ^ rhi) >>> 0;
      }
    }
    TLO[i] = lo;
    THI[i] = hi;
  }
  for (let k = 1; k < 8; k++) {
    for (let i = 0; i < 256; i++) {
      const plo = TLO[(k - 1) * 256 + i] as number;
      const phi = THI[(k - 1) * 256 + i] as number;
      const idx = plo & 0xff;
      TLO[k * 256 + i] = (((plo >>> 8) | (phi << 24)) ^ (TLO[idx] as number)) >>> 0;
      THI[k * 256 + i] = ((phi >>> 8) ^ (THI[idx] as number)) >>> 0;
    }
  }
})();

/** Fold `data` into the checksum `crc` (a fresh zero state when omitted); returns the state. */
export function crc64(data: Uint8Array, crc: Crc64State = { lo: 0, hi: 0 }): Crc64State {
  let lo = crc.lo;
  let hi = crc.hi;
  const n = data.length;
  let p = 0;
  const end8 = n - (n & 7);
  while (p < end8) {
    const a = (lo ^ (data[p]! | (data[p + 1]! << 8) | (data[p + 2]! << 16) | (data[p + 3]! << 24))) >>> 0;
    const b = (hi ^ (data[p + 4]! | (data[p + 5]! << 8) | (data[p + 6]! << 16) | (data[p + 7]! << 24))) >>> 0;
    const i7 = 7 * 256 + (a & 0xff);
    const i6 = 6 * 256 + ((a >>> 8) & 0xff);
    const i5 = 5 * 256 + ((a >>> 16) & 0xff);
    const i4 = 4 * 256 + (a >>> 24);
    const i3 = 3 * 256 + (b & 0xff);
    const i2 = 2 * 256 + ((b >>> 8) & 0xff);
    const i1 = 256 + ((b >>> 16) & 0xff);
    const i0 = b >>> 24;
    lo = TLO[i7]! ^ TLO[i6]! ^ TLO[i5]! ^ TLO[i4]! ^ TLO[i3]! ^ TLO[i2]! ^ TLO[i1]! ^ TLO[i0]!;
    hi = THI[i7]! ^ THI[i6]! ^ THI[i5]! ^ THI[i4]! ^ THI[i3]! ^ THI[i2]! ^ THI[i1]! ^ THI[i0]!;
    p += 8;
  }
  while (p < n) {
    const idx = (lo ^ data[p++]!) & 0xff;
    lo = ((lo >>> 8) | (hi << 24)) ^ TLO[idx]!;
    hi = (hi >>> 8) ^ THI[idx]!;
  }
  crc.lo = lo >>> 0;
  crc.hi = hi >>> 0;
  return crc;
}

/** The checksum as the 8 little-endian bytes Redis writes. */
export function crc64Bytes(crc: Crc64State): Buffer {
  const b = Buffer.allocUnsafe(8);
  b.writeUInt32LE(crc.lo >>> 0, 0);
  b.writeUInt32LE(crc.hi >>> 0, 4);
  return b;
}

/** The checksum as one unsigned 64-bit number. */
export function crc64Value(crc: Crc64State): bigint {
  return (BigInt(crc.hi >>> 0) << 32n) | BigInt(crc.lo >>> 0);
}
