// RdbWriter: the byte sink every RDB encoder writes through — a growable buffer with Redis's
// length encodings, its string encodings (INT8/16/32 for short canonical integers, LZF past
// 20 bytes when compressing, else length + bytes) and its little-endian numbers.

import { Buffer } from 'node:buffer';
import { readLatin1, writeLatin1 } from './latin1.js';
import { lzfCompressInto } from './lzf.js';
import { RDB_32BITLEN, RDB_64BITLEN, RDB_ENC_INT16, RDB_ENC_INT32, RDB_ENC_INT8, RDB_ENC_LZF, RDB_ENCVAL } from './types.js';

const ENC = RDB_ENCVAL << 6;
let lzfIn = Buffer.allocUnsafe(64 * 1024);
let lzfOut = Buffer.allocUnsafe(64 * 1024);

/** The value of s when it is a canonical integer of at most 11 chars inside int32, else null. */
function int32Of(s: string): number | null {
  const len = s.length;
  if (len === 0 || len > 11) return null;
  let i = 0;
  const neg = s.charCodeAt(0) === 45;
  if (neg) {
    if (len === 1) return null;
    i = 1;
  }
  const first = s.charCodeAt(i) - 48;
  if (first === 0) return len === 1 ? 0 : null;
  if (first < 1 || first > 9) return null;
  let v = first;
  for (i++; i < len; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    v = v * 10 + d;
  }
  if (neg) v = -v;
  return v >= -2147483648 && v <= 2147483647 ? v : null;
}

export class RdbWriter {
  private buf: Buffer;
  private pos = 0;

  constructor(initialBytes = 4096) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.pos;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  writeByte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  /** A length in the 6-bit, 14-bit, 32-bit or 64-bit form, whichever is shortest. */
  writeLength(len: number): void {
    this.ensure(9);
    const buf = this.buf;
    if (len < 64) {
      buf[this.pos++] = len;
    } else if (len < 16384) {
      buf[this.pos++] = 0x40 | (len >>> 8);
      buf[this.pos++] = len & 0xff;
    } else if (len <= 0xffffffff) {
      buf[this.pos++] = RDB_32BITLEN;
      buf.writeUInt32BE(len, this.pos);
      this.pos += 4;
    } else {
      buf[this.pos++] = RDB_64BITLEN;
      buf.writeBigUInt64BE(BigInt(len), this.pos);
      this.pos += 8;
    }
  }

  /** An integer in the INT8/16/32 string encoding (caller checks it is in int32 range). */
  writeEncodedInt(v: number): void {
    this.ensure(5);
    const buf = this.buf;
    if (v >= -128 && v <= 127) {
      buf[this.pos++] = ENC | RDB_ENC_INT8;
      buf[this.pos++] = v & 0xff;
    } else if (v >= -32768 && v <= 32767) {
      buf[this.pos++] = ENC | RDB_ENC_INT16;
      buf.writeInt16LE(v, this.pos);
      this.pos += 2;
    } else {
      buf[this.pos++] = ENC | RDB_ENC_INT32;
      buf.writeInt32LE(v, this.pos);
      this.pos += 4;
    }
  }

  /** A latin1 string as rdbSaveRawString writes it. */
  writeString(s: string, compress: boolean): void {
    const len = s.length;
    if (len <= 11) {
      const v = int32Of(s);
      if (v !== null) return this.writeEncodedInt(v);
    }
    if (compress && len > 20) {
      if (lzfIn.length < len) lzfIn = Buffer.allocUnsafe(len * 2);
      writeLatin1(lzfIn, s, 0);
      if (this.writeLzf(lzfIn, 0, len)) return;
      this.writeLength(len);
      this.ensure(len);
      lzfIn.copy(this.buf, this.pos, 0, len);
      this.pos += len;
      return;
    }
    this.writeLength(len);
    this.ensure(len);
    this.pos += writeLatin1(this.buf, s, this.pos);
  }

  /** Raw bytes as a string (no integer encoding), LZF-compressed when asked and worthwhile. */
  writeBuffer(data: Uint8Array, compress: boolean): void {
    const len = data.length;
    if (compress && len > 20 && this.writeLzf(data, 0, len)) return;
    this.writeLength(len);
    this.ensure(len);
    this.buf.set(data, this.pos);
    this.pos += len;
  }

  /** Bytes as rdbSaveRawString writes them: integer-encoded when they spell a short int. */
  writeRawString(data: Buffer, compress: boolean): void {
    if (data.length <= 11) {
      const v = int32Of(readLatin1(data, 0, data.length));
      if (v !== null) return this.writeEncodedInt(v);
    }
    this.writeBuffer(data, compress);
  }

  /** src[start, start + len) LZF-compressed when that gains (rdbSaveLzfStringObject); false if not. */
  private writeLzf(src: Uint8Array, start: number, len: number): boolean {
    const limit = len - 4;
    if (lzfOut.length < limit) lzfOut = Buffer.allocUnsafe(limit * 2);
    const clen = lzfCompressInto(src, start, start + len, lzfOut, 0, limit);
    if (clen === 0) return false;
    this.writeByte(ENC | RDB_ENC_LZF);
    this.writeLength(clen);
    this.writeLength(len);
    // Copied from the scratch without a view over it: this runs once per compressed value.
    this.ensure(clen);
    lzfOut.copy(this.buf, this.pos, 0, clen);
    this.pos += clen;
    return true;
  }

  /** Bytes with no length prefix. */
  writeBytes(data: Uint8Array): void {
    this.ensure(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  /** IEEE 754 binary64, little-endian (RDB 8+ scores). */
  writeBinaryDouble(d: number): void {
    this.ensure(8);
    this.buf.writeDoubleLE(d, this.pos);
    this.pos += 8;
  }

  /** An unsigned 64-bit little-endian integer given as a number below 2^53 or a bigint. */
  writeUint64LE(v: number | bigint): void {
    this.ensure(8);
    if (typeof v === 'bigint') {
      this.buf.writeBigUInt64LE(BigInt.asUintN(64, v), this.pos);
    } else {
      this.buf.writeUInt32LE(v % 0x100000000 >>> 0, this.pos);
      this.buf.writeUInt32LE(Math.floor(v / 0x100000000) >>> 0, this.pos + 4);
    }
    this.pos += 8;
  }

  /** A unix time in ms as a signed 64-bit little-endian integer. */
  writeMillis(ms: number): void {
    if (ms >= 0) return this.writeUint64LE(ms);
    this.ensure(8);
    this.buf.writeBigInt64LE(BigInt(ms), this.pos);
    this.pos += 8;
  }

  writeUint32LE(v: number): void {
    this.ensure(4);
    this.buf.writeUInt32LE(v >>> 0, this.pos);
    this.pos += 4;
  }

  /** The bytes written so far as a copy; the writer starts over empty. */
  take(): Buffer {
    const out = Buffer.from(this.buf.subarray(0, this.pos));
    this.pos = 0;
    return out;
  }

  /** The bytes written from `from` on, as a view valid until the next write. */
  peek(from: number): Buffer {
    return this.buf.subarray(from, this.pos);
  }

  /** A view of the bytes written so far (valid until the next write), then start over. */
  takeView(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.pos = 0;
    return out;
  }
}
