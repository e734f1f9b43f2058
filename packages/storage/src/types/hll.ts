// A HyperLogLog as Redis stores it in a string: the 16-byte header ("HYLL", encoding, three
// reserved bytes, cached cardinality with its invalid bit), then 6-bit dense registers or
// sparse opcodes. This module owns the header, the dense layout, validity and conversion;
// sparse editing is in hll-sparse.ts, estimation in hll-count.ts.

import { Buffer } from 'node:buffer';

export const HLL_P = 14;
export const HLL_REGISTERS = 1 << HLL_P;
export const HLL_Q = 64 - HLL_P;
export const HLL_HDR_SIZE = 16;
export const HLL_DENSE_SIZE = HLL_HDR_SIZE + (HLL_REGISTERS * 6) / 8; // 12304
export const HLL_DENSE = 0;
export const HLL_SPARSE = 1;
export const HLL_SPARSE_VAL_MAX_VALUE = 32;
export const HLL_SPARSE_VAL_MAX_LEN = 4;
export const HLL_SPARSE_ZERO_MAX_LEN = 64;
export const HLL_SPARSE_XZERO_MAX_LEN = 16384;

const scratchBuf = Buffer.alloc(HLL_DENSE_SIZE + 64);
const scratch = new Uint8Array(scratchBuf.buffer, scratchBuf.byteOffset, scratchBuf.length);

/** True when a string value passes Redis's HLL header checks (else WRONGTYPE). */
export function isHllString(s: string): boolean {
  if (s.length < HLL_HDR_SIZE) return false;
  if (s.charCodeAt(0) !== 0x48 || s.charCodeAt(1) !== 0x59 || s.charCodeAt(2) !== 0x4c || s.charCodeAt(3) !== 0x4c) return false;
  const enc = s.charCodeAt(4);
  if (enc > HLL_SPARSE) return false;
  return enc !== HLL_DENSE || s.length === HLL_DENSE_SIZE;
}

/** The cached cardinality of an HLL string, or -1 when the cache is marked invalid. */
export function cachedCardinality(s: string): number | bigint {
  if ((s.charCodeAt(15) & 0x80) !== 0) return -1;
  const lo = (s.charCodeAt(8) | (s.charCodeAt(9) << 8) | (s.charCodeAt(10) << 16) | (s.charCodeAt(11) << 24)) >>> 0;
  const hi = (s.charCodeAt(12) | (s.charCodeAt(13) << 8) | (s.charCodeAt(14) << 16) | (s.charCodeAt(15) << 24)) >>> 0;
  if (hi < 0x200000) return hi * 4294967296 + lo;
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/**
 * A mutable working copy of an HLL string's bytes. The buffer always has spare bytes after
 * `len` and the byte at `len` reads 0, as the NUL after an sds string does in Redis: the last
 * dense register and an XZERO opcode cut off at the end both read that byte.
 */
export class HllBytes {
  private constructor(
    public b: Uint8Array,
    public len: number,
  ) {}

  /** A new, empty HLL: sparse, one XZERO opcode covering every register, cache valid at 0. */
  static create(): HllBytes {
    const h = new HllBytes(new Uint8Array(64), HLL_HDR_SIZE + 2);
    h.b.set([0x48, 0x59, 0x4c, 0x4c, HLL_SPARSE]);
    const n = HLL_SPARSE_XZERO_MAX_LEN - 1;
    h.b[HLL_HDR_SIZE] = (n >> 8) | 0x40;
    h.b[HLL_HDR_SIZE + 1] = n & 0xff;
    return h;
  }

  static from(s: string): HllBytes {
    const b = new Uint8Array(s.length + 8);
    Buffer.from(b.buffer, b.byteOffset, b.length).write(s, 0, s.length, 'latin1');
    return new HllBytes(b, s.length);
  }

  /**
   * Like from(), but in a buffer shared by every borrow: valid only until the next borrow.
   * Commands use it to edit or read one value per step without allocating 12 KB each time.
   */
  static borrow(s: string): HllBytes {
    if (s.length + 8 > scratch.length) return HllBytes.from(s);
    scratchBuf.write(s, 0, s.length, 'latin1');
    scratch.fill(0, s.length, s.length + 8);
    return new HllBytes(scratch, s.length);
  }

  toString(): string {
    return Buffer.from(this.b.buffer, this.b.byteOffset, this.len).toString('latin1');
  }

  get encoding(): number {
    return this.b[4] as number;
  }

  invalidateCache(): void {
    this.b[15] = (this.b[15] as number) | 0x80;
  }

  setCachedCardinality(card: number): void {
    let lo = card % 4294967296;
    let hi = Math.floor(card / 4294967296);
    for (let i = 8; i < 12; i++, lo = Math.floor(lo / 256)) this.b[i] = lo & 0xff;
    for (let i = 12; i < 16; i++, hi = Math.floor(hi / 256)) this.b[i] = hi & 0xff;
  }

  /** Make room for `extra` more bytes (plus the trailing zero byte). */
  reserve(extra: number): void {
    if (this.len + extra + 1 <= this.b.length) return;
    const nb = new Uint8Array(Math.max(this.b.length * 2, this.len + extra + 8));
    nb.set(this.b.subarray(0, this.len));
    this.b = nb;
  }

  /** Replace the whole content (sparse → dense conversion). */
  replace(b: Uint8Array, len: number): void {
    this.b = b;
    this.len = len;
  }
}

/** A dense register (6 bits, little-endian bit order across bytes) at `base` + index*6 bits. */
export function getDenseRegister(b: Uint8Array, base: number, index: number): number {
  const bit = index * 6;
  const byte = base + (bit >> 3);
  const fb = bit & 7;
  return (((b[byte] as number) >> fb) | ((b[byte + 1] as number) << (8 - fb))) & 63;
}

export function setDenseRegister(b: Uint8Array, base: number, index: number, val: number): void {
  const bit = index * 6;
  const byte = base + (bit >> 3);
  const fb = bit & 7;
  b[byte] = ((b[byte] as number) & ~(63 << fb)) | (val << fb);
  b[byte + 1] = ((b[byte + 1] as number) & ~(63 >> (8 - fb))) | (val >> (8 - fb));
}

/** Raise a dense register to `count` if it is lower; 1 when it changed. */
export function denseSet(h: HllBytes, index: number, count: number): 0 | 1 {
  if (count <= getDenseRegister(h.b, HLL_HDR_SIZE, index)) return 0;
  setDenseRegister(h.b, HLL_HDR_SIZE, index, count);
  return 1;
}

/**
 * Walk sparse opcodes from HLL_HDR_SIZE to `len`: ZERO 00xxxxxx (run 1–64), XZERO
 * 01xxxxxx yyyyyyyy (run 1–16384), VAL 1vvvvvxx (value 1–32, run 1–4). `visit` gets the first
 * register, run length and value (0 for zero runs) and returns false to stop.
 * Returns the index reached (16384 for a well-formed HLL), or -1 when `visit` stopped.
 */
export function walkSparse(b: Uint8Array, len: number, visit: (first: number, run: number, value: number) => boolean): number {
  let p = HLL_HDR_SIZE;
  let idx = 0;
  while (p < len) {
    const op = b[p] as number;
    let run: number;
    let value = 0;
    if ((op & 0xc0) === 0) {
      run = (op & 0x3f) + 1;
      p++;
    } else if ((op & 0xc0) === 0x40) {
      run = (((op & 0x3f) << 8) | (b[p + 1] as number)) + 1;
      p += 2;
    } else {
      run = (op & 3) + 1;
      value = ((op >> 2) & 0x1f) + 1;
      p++;
    }
    if (!visit(idx, run, value)) return -1;
    idx += run;
  }
  return idx;
}

/**
 * Convert a sparse HLL to dense in place (header copied, encoding byte set). False when the
 * opcodes do not cover exactly 16384 registers, trailing opcodes included: Redis 7.0.15 as
 * shipped with the CVE-2025-32023 fix rejects a VAL past the end even after a complete run
 * (7.0.15's original source stopped there and accepted it). The value is left as it was.
 */
export function sparseToDense(h: HllBytes): boolean {
  if (h.encoding === HLL_DENSE) return true;
  const b = new Uint8Array(HLL_DENSE_SIZE + 1);
  b.set(h.b.subarray(0, HLL_HDR_SIZE));
  b[4] = HLL_DENSE;
  const idx = walkSparse(h.b, h.len, (first, run, value) => {
    if (value === 0) return true;
    if (first + run > HLL_REGISTERS) return false;
    for (let i = first; i < first + run; i++) setDenseRegister(b, HLL_HDR_SIZE, i, value);
    return true;
  });
  if (idx !== HLL_REGISTERS) return false;
  h.replace(b, HLL_DENSE_SIZE);
  return true;
}

function raise(max: Uint8Array, i: number, v: number): void {
  if (v > (max[i] as number)) max[i] = v;
}

/**
 * Raise `max[i]` to each register of the HLL (PFMERGE, multi-key PFCOUNT). False for a sparse
 * HLL whose opcodes do not cover exactly 16384 registers (same rule as sparseToDense).
 */
export function mergeRegisters(max: Uint8Array, s: string): boolean {
  const h = HllBytes.borrow(s);
  if (h.encoding === HLL_DENSE) {
    // Every 3 bytes hold 4 six-bit registers.
    const b = h.b;
    for (let p = HLL_HDR_SIZE, i = 0; i < HLL_REGISTERS; p += 3, i += 4) {
      const b0 = b[p] as number;
      const b1 = b[p + 1] as number;
      const b2 = b[p + 2] as number;
      raise(max, i, b0 & 63);
      raise(max, i + 1, ((b0 >> 6) | (b1 << 2)) & 63);
      raise(max, i + 2, ((b1 >> 4) | (b2 << 4)) & 63);
      raise(max, i + 3, b2 >> 2);
    }
    return true;
  }
  const idx = walkSparse(h.b, h.len, (first, run, value) => {
    if (value === 0) return true;
    if (first + run > HLL_REGISTERS) return false;
    for (let i = first; i < first + run; i++) if (value > (max[i] as number)) max[i] = value;
    return true;
  });
  return idx === HLL_REGISTERS;
}
