// Redis 7.0 listpack bytes: encoding with exactly the entry encodings lpAppend chooses, and
// decoding that checks what lpValidateIntegrity(deep) checks (header size, entry lengths,
// back-lengths, element count, terminator), throwing RdbFormatError on any corruption.
import { Buffer } from 'node:buffer';
import { RdbFormatError } from './errors.js';

export type ListpackItem = string | number | bigint;

/** Node's fast latin1 paths, present on every Buffer but missing from its typings. */
type Latin1Buffer = Buffer & { latin1Slice(start: number, end: number): string; latin1Write(s: string, offset: number, length: number): number };

export const HEADER_BYTES = 6;
const EOF = 0xff;
const NUMELE_UNKNOWN = 65535;
const TWO_32 = 4294967296;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Parses a string the way lpStringToInt64 accepts it (canonical decimal int64), else null. */
export function listpackStringToInt(s: string): number | bigint | null {
  const len = s.length;
  if (len === 0 || len > 20) return null;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  if (i === len) return null;
  const first = s.charCodeAt(i);
  if (first === 48) return len === 1 ? 0 : null;
  if (first < 49 || first > 57) return null;
  for (let j = i + 1; j < len; j++) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) return null;
  }
  if (len - i <= 15) return Number(s);
  const big = BigInt(s);
  if (big < INT64_MIN || big > INT64_MAX) return null;
  return Number.isSafeInteger(Number(big)) ? Number(big) : big;
}

function intEncodedBytes(v: number | bigint): number {
  if (typeof v === 'bigint') return 9;
  if (v >= 0 && v <= 127) return 1;
  if (v >= -4096 && v <= 4095) return 2;
  if (v >= -32768 && v <= 32767) return 3;
  if (v >= -8388608 && v <= 8388607) return 4;
  if (v >= -2147483648 && v <= 2147483647) return 5;
  return 9;
}

function stringEncodedBytes(len: number): number {
  return len < 64 ? 1 + len : len < 4096 ? 2 + len : 5 + len;
}

/** How many bytes the back-length of an entry of `len` encoded bytes takes (lpEncodeBacklen). */
function backlenBytes(len: number): number {
  if (len <= 127) return 1;
  if (len < 16383) return 2;
  if (len < 2097151) return 3;
  if (len < 268435455) return 4;
  return 5;
}

function writeBacklen(out: Buffer, pos: number, len: number, size: number): void {
  // Most significant 7-bit group first; every later byte carries the continuation bit,
  // because the back-length is read right to left.
  for (let k = size - 1; k >= 0; k--) {
    out[pos + k] = (len % 128) | (k === 0 ? 0 : 128);
    len = Math.floor(len / 128);
  }
}

function toInt(item: ListpackItem): number | bigint | null {
  if (typeof item === 'string') return listpackStringToInt(item);
  if (typeof item === 'number') {
    if (!Number.isSafeInteger(item)) throw new RangeError(`listpack number ${item} is not a safe integer`);
    return item;
  }
  if (item < INT64_MIN || item > INT64_MAX) throw new RangeError(`listpack integer ${item} exceeds int64`);
  return Number.isSafeInteger(Number(item)) ? Number(item) : item;
}

function writeInt(out: Buffer, pos: number, v: number | bigint, enc: number): void {
  if (typeof v === 'bigint') {
    out[pos] = 0xf4;
    out.writeBigInt64LE(v, pos + 1);
    return;
  }
  switch (enc) {
    case 1: out[pos] = v; return;
    case 2: {
      const u = v < 0 ? 8192 + v : v;
      out[pos] = 0xc0 | (u >> 8);
      out[pos + 1] = u & 0xff;
      return;
    }
    case 3: out[pos] = 0xf1; out.writeInt16LE(v, pos + 1); return;
    case 4: out[pos] = 0xf2; out.writeIntLE(v, pos + 1, 3); return;
    case 5: out[pos] = 0xf3; out.writeInt32LE(v, pos + 1); return;
    default: {
      const hi = Math.floor(v / TWO_32);
      out[pos] = 0xf4;
      out.writeUInt32LE(v - hi * TWO_32, pos + 1);
      out.writeInt32LE(hi, pos + 5);
    }
  }
}

function writeString(out: Latin1Buffer, pos: number, s: string, enc: number): void {
  const len = s.length;
  if (len < 64) {
    out[pos] = 0x80 | len;
  } else if (len < 4096) {
    out[pos] = 0xe0 | (len >> 8);
    out[pos + 1] = len & 0xff;
  } else {
    out[pos] = 0xf0;
    out.writeUInt32LE(len, pos + 1);
  }
  out.latin1Write(s, pos + enc - len, len);
}

/** Encodes items as a listpack exactly as Redis builds it by appending them one by one. */
export function encodeListpack(items: readonly ListpackItem[]): Buffer {
  const n = items.length;
  const ints: (number | bigint | null)[] = new Array(n);
  const encs = new Int32Array(n);
  let total = HEADER_BYTES + 1;
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    const v = toInt(item);
    ints[i] = v;
    const enc = v === null ? stringEncodedBytes((item as string).length) : intEncodedBytes(v);
    encs[i] = enc;
    total += enc + backlenBytes(enc);
  }
  if (total > 0xffffffff) throw new RangeError('listpack exceeds 4 GB');
  const out = Buffer.allocUnsafe(total) as Latin1Buffer;
  out.writeUInt32LE(total, 0);
  out.writeUInt16LE(n < NUMELE_UNKNOWN ? n : NUMELE_UNKNOWN, 4);
  let pos = HEADER_BYTES;
  for (let i = 0; i < n; i++) {
    const enc = encs[i]!;
    const v = ints[i]!;
    if (v === null) writeString(out, pos, items[i] as string, enc);
    else writeInt(out, pos, v, enc);
    pos += enc;
    const bl = backlenBytes(enc);
    writeBacklen(out, pos, enc, bl);
    pos += bl;
  }
  out[pos] = EOF;
  return out;
}

function asBuffer(buf: Uint8Array): Latin1Buffer {
  return (Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)) as Latin1Buffer;
}

function corrupt(what: string): never {
  throw new RdbFormatError(`corrupt listpack: ${what}`);
}

/** Visits every entry after validating it; ints arrive as numbers (bigint beyond 2^53). */
function walkListpack(lp: Latin1Buffer, visit: (v: ListpackItem) => void): void {
  const size = lp.length;
  if (size < HEADER_BYTES + 1) corrupt('shorter than its header');
  if (lp.readUInt32LE(0) !== size) corrupt('total bytes do not match its length');
  if (lp[size - 1] !== EOF) corrupt('no terminator');
  const numele = lp.readUInt16LE(4);
  const last = size - 1;
  let pos = HEADER_BYTES;
  let count = 0;
  while (pos < last) {
    const b = lp[pos]!;
    let enc: number;
    let value: ListpackItem;
    if (b < 0x80) {
      enc = 1;
      value = b;
    } else if (b < 0xc0) {
      enc = 1 + (b & 0x3f);
      if (pos + enc > last) corrupt('string past the end');
      value = lp.latin1Slice(pos + 1, pos + enc);
    } else if (b < 0xe0) {
      if (pos + 2 > last) corrupt('integer past the end');
      const u = ((b & 0x1f) << 8) | lp[pos + 1]!;
      enc = 2;
      value = u >= 4096 ? u - 8192 : u;
    } else if (b < 0xf0) {
      if (pos + 2 > last) corrupt('string length past the end');
      enc = 2 + (((b & 0x0f) << 8) | lp[pos + 1]!);
      if (pos + enc > last) corrupt('string past the end');
      value = lp.latin1Slice(pos + 2, pos + enc);
    } else {
      const w = b === 0xf0 ? 5 : b === 0xf1 ? 3 : b === 0xf2 ? 4 : b === 0xf3 ? 5 : b === 0xf4 ? 9 : 0;
      if (w === 0) corrupt(`invalid entry encoding 0x${b.toString(16)}`);
      if (pos + w > last) corrupt('entry past the end');
      if (b === 0xf0) {
        enc = 5 + lp.readUInt32LE(pos + 1);
        if (pos + enc > last) corrupt('string past the end');
        value = lp.latin1Slice(pos + 5, pos + enc);
      } else {
        enc = w;
        value = b === 0xf1 ? lp.readInt16LE(pos + 1)
          : b === 0xf2 ? lp.readIntLE(pos + 1, 3)
          : b === 0xf3 ? lp.readInt32LE(pos + 1)
          : readInt64(lp, pos + 1);
      }
    }
    const next = pos + enc + backlenBytes(enc);
    if (next > last) corrupt('entry back-length past the end');
    if (readBacklen(lp, next - 1) !== enc) corrupt('entry back-length does not match its size');
    visit(value);
    count++;
    pos = next;
  }
  if (numele !== NUMELE_UNKNOWN && numele !== count) corrupt('element count does not match the header');
}

function readInt64(lp: Buffer, pos: number): number | bigint {
  const lo = lp.readUInt32LE(pos);
  const hi = lp.readInt32LE(pos + 4);
  if (hi >= -2097152 && hi < 2097152) return hi * TWO_32 + lo;
  return lp.readBigInt64LE(pos);
}

/** lpDecodeBacklen: read right to left, at most 5 bytes; -1 when malformed. */
function readBacklen(lp: Buffer, p: number): number {
  let val = 0;
  let mul = 1;
  for (let k = 0; k < 5; k++) {
    const byte = lp[p - k]!;
    val += (byte & 127) * mul;
    if (!(byte & 128)) return val;
    mul *= 128;
  }
  return -1;
}

/** Every entry, integers as numbers (bigint beyond ±2^53). */
export function decodeListpackEntries(buf: Uint8Array): ListpackItem[] {
  const out: ListpackItem[] = [];
  walkListpack(asBuffer(buf), (v) => { out.push(v); });
  return out;
}

/**
 * The entries before the first damaged one (sanitize-dump-payload no: Redis checks only the
 * header then, and we keep what is readable rather than refuse the whole value).
 */
export function decodeListpackPrefix(buf: Uint8Array): ListpackItem[] {
  const out: ListpackItem[] = [];
  try {
    walkListpack(asBuffer(buf), (v) => { out.push(v); });
  } catch (e) {
    if (!(e instanceof RdbFormatError) || out.length === 0) throw e;
  }
  return out;
}

/** Every entry as a latin1 string, integers formatted in decimal (as lpGet gives them). */
export function decodeListpack(buf: Uint8Array): string[] {
  const out: string[] = [];
  walkListpack(asBuffer(buf), (v) => { out.push(typeof v === 'string' ? v : String(v)); });
  return out;
}

/** Bytes one item takes inside a listpack (encoding plus back-length), as encodeListpack stores it. */
export function listpackItemBytes(item: ListpackItem): number {
  const v = toInt(item);
  const enc = v === null ? stringEncodedBytes((item as string).length) : intEncodedBytes(v);
  return enc + backlenBytes(enc);
}
