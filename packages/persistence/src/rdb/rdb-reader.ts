// RdbReader: bounds-checked reads over an RDB byte buffer — Redis's length forms, its string
// encodings (INT8/16/32, LZF), doubles in both the binary and the old ASCII form, and
// little-endian integers. Every read past the end or malformed header throws RdbFormatError.

import { Buffer } from 'node:buffer';
import { RdbFormatError, RdbTruncatedError } from './errors.js';
import { readLatin1 } from './latin1.js';
import { lzfDecompressInto } from './lzf.js';
import { RDB_32BITLEN, RDB_64BITLEN, RDB_ENC_INT16, RDB_ENC_INT32, RDB_ENC_INT8, RDB_ENC_LZF, RDB_ENCVAL } from './types.js';

/** Set by readLength: whether the last length read was an encoding marker (RDB_ENCVAL). */
let lastEncoded = false;
let scratch = Buffer.allocUnsafe(64 * 1024);

export class RdbReader {
  pos: number;
  /** Compressed length of the LZF string whose header was just read (readLzfHeader → decompress). */
  private lzfLength = 0;

  constructor(
    readonly buf: Buffer,
    offset = 0,
    /** Reads stop here (exclusive); a loader fed a file as it is read moves it forward. */
    public end = buf.length,
  ) {
    this.pos = offset;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number, what: string): void {
    if (this.pos + n > this.end) throw new RdbTruncatedError(`unexpected end of data reading ${what}`);
  }

  readByte(): number {
    if (this.pos >= this.end) throw new RdbTruncatedError('unexpected end of data reading a byte');
    return this.buf[this.pos++] as number;
  }

  /**
   * A length; when its top bits say "encoded value", the 6-bit encoding type instead and
   * `lengthWasEncoded()` answers true until the next read.
   */
  readLength(): number {
    const first = this.readByte();
    const type = first >>> 6;
    lastEncoded = false;
    if (type === RDB_ENCVAL) {
      lastEncoded = true;
      return first & 0x3f;
    }
    if (type === 0) return first & 0x3f;
    if (type === 1) return ((first & 0x3f) << 8) | this.readByte();
    if (first === RDB_32BITLEN) {
      this.need(4, 'a 32-bit length');
      const v = this.buf.readUInt32BE(this.pos);
      this.pos += 4;
      return v;
    }
    if (first === RDB_64BITLEN) {
      this.need(8, 'a 64-bit length');
      const hi = this.buf.readUInt32BE(this.pos);
      const lo = this.buf.readUInt32BE(this.pos + 4);
      this.pos += 8;
      if (hi >= 0x200000) throw new RdbFormatError('64-bit length too large');
      return hi * 0x100000000 + lo;
    }
    throw new RdbFormatError(`unknown length encoding ${type}`);
  }

  /** True when the last readLength() met an encoded-value marker. */
  lengthWasEncoded(): boolean {
    return lastEncoded;
  }

  /** A plain length that must not be an encoded-value marker. */
  readPlainLength(): number {
    const n = this.readLength();
    if (lastEncoded) throw new RdbFormatError('encoded value where a length was expected');
    return n;
  }

  /** A string as a latin1 JS string (integer encodings give their decimal text). */
  readString(): string {
    const len = this.readLength();
    if (lastEncoded) {
      if (len === RDB_ENC_LZF) {
        const len = this.readLzfIntoScratch();
        return readLatin1(scratch, 0, len);
      }
      return String(this.readEncodedInt(len));
    }
    this.need(len, 'a string');
    const s = readLatin1(this.buf, this.pos, this.pos + len);
    this.pos += len;
    return s;
  }

  /** A string's bytes: a view into the input when stored plain, a new buffer otherwise. */
  readBuffer(): Buffer {
    const len = this.readLength();
    if (lastEncoded) {
      if (len === RDB_ENC_LZF) return this.readLzf();
      return Buffer.from(String(this.readEncodedInt(len)), 'latin1');
    }
    this.need(len, 'a string');
    const b = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return b;
  }

  /** The INT8/16/32 payload after an encoded-value marker. */
  private readEncodedInt(enc: number): number {
    if (enc === RDB_ENC_INT8) {
      this.need(1, 'an 8-bit integer');
      return this.buf.readInt8(this.pos++);
    }
    if (enc === RDB_ENC_INT16) {
      this.need(2, 'a 16-bit integer');
      const v = this.buf.readInt16LE(this.pos);
      this.pos += 2;
      return v;
    }
    if (enc === RDB_ENC_INT32) {
      this.need(4, 'a 32-bit integer');
      const v = this.buf.readInt32LE(this.pos);
      this.pos += 4;
      return v;
    }
    throw new RdbFormatError(`unknown string encoding ${enc}`);
  }

  /** An LZF string's bytes, in a new buffer. */
  private readLzf(): Buffer {
    const len = this.readLzfHeader();
    const out = Buffer.allocUnsafe(len);
    this.decompress(out, len);
    return out;
  }

  /** An LZF string decoded into the shared scratch buffer (valid until the next read); its length. */
  private readLzfIntoScratch(): number {
    const len = this.readLzfHeader();
    if (scratch.length < len) scratch = Buffer.allocUnsafe(Math.max(len, scratch.length * 2));
    this.decompress(scratch, len);
    return len;
  }

  /** The compressed and decompressed lengths; returns the latter, keeps the former for decompress(). */
  private readLzfHeader(): number {
    const clen = this.readPlainLength();
    const len = this.readPlainLength();
    this.need(clen, 'an LZF string');
    if (len > 0x7fffffff) throw new RdbFormatError('LZF string too large');
    if (clen === 0 && len !== 0) throw new RdbFormatError('invalid LZF compressed string');
    this.lzfLength = clen;
    return len;
  }

  private decompress(out: Buffer, len: number): void {
    lzfDecompressInto(this.buf, this.pos, this.pos + this.lzfLength, out, len);
    this.pos += this.lzfLength;
  }

  /** IEEE 754 binary64, little-endian. */
  readBinaryDouble(): number {
    this.need(8, 'a binary double');
    const d = this.buf.readDoubleLE(this.pos);
    this.pos += 8;
    return d;
  }

  /** The pre-RDB-8 double: a length byte (253 nan, 254 +inf, 255 -inf) then ASCII. */
  readDouble(): number {
    const len = this.readByte();
    if (len === 253) return NaN;
    if (len === 254) return Infinity;
    if (len === 255) return -Infinity;
    this.need(len, 'a double');
    const text = readLatin1(this.buf, this.pos, this.pos + len);
    this.pos += len;
    // sscanf("%lg") semantics: a numeric prefix, or inf/nan spelled any case.
    const special = /^\s*([+-]?)(inf|nan)/i.exec(text);
    if (special !== null) return (special[2] as string).toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity;
    const d = Number.parseFloat(text);
    if (Number.isNaN(d)) throw new RdbFormatError(`invalid double "${text}"`);
    return d;
  }

  readUint32LE(): number {
    this.need(4, 'a 32-bit integer');
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }

  /** An unsigned 64-bit little-endian integer: a number below 2^53, a bigint above. */
  readUint64LE(): number | bigint {
    this.need(8, 'a 64-bit integer');
    const lo = this.buf.readUInt32LE(this.pos);
    const hi = this.buf.readUInt32LE(this.pos + 4);
    this.pos += 8;
    if (hi < 0x200000) return hi * 0x100000000 + lo;
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  /** A signed 64-bit little-endian millisecond time (expiry, PEL delivery time). */
  readMillis(): number {
    this.need(8, 'a millisecond time');
    const lo = this.buf.readUInt32LE(this.pos);
    const hi = this.buf.readInt32LE(this.pos + 4);
    this.pos += 8;
    return hi * 0x100000000 + lo;
  }

  /** n raw bytes, as a view. */
  readBytes(n: number): Buffer {
    this.need(n, 'raw bytes');
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
}
