// Redis's ziplist (RDB types 10, 12, 13 and the nodes of type 14), read-only: Redis 7.0 loads
// them and converts them to listpacks, and so do we. Decoding checks what
// ziplistValidateIntegrity(deep) checks: header size and tail, prevlen chain, count, terminator.

import { Buffer } from 'node:buffer';
import { RdbFormatError } from './errors.js';
import { readLatin1 } from './latin1.js';

const HEADER = 10;
const END = 0xff;

function fail(what: string): never {
  throw new RdbFormatError(`ziplist ${what}`);
}

/** Every entry of a ziplist as a latin1 string (integers in decimal). */
export function decodeZiplist(buf: Uint8Array): string[] {
  const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.length);
  const size = b.length;
  if (size < HEADER + 1) fail('shorter than its header');
  if (b.readUInt32LE(0) !== size) fail('size does not match its header');
  if (b[size - 1] !== END) fail('without its terminator');
  const tail = b.readUInt32LE(4);
  if (tail > size - 1) fail('tail offset out of range');
  const headerCount = b.readUInt16LE(8);
  const out: string[] = [];
  let p = HEADER;
  let prevSize = 0;
  let last = -1;
  while (p < size - 1 && b[p] !== END) {
    const start = p;
    let prevlen = b[p++] as number;
    if (prevlen === 254) {
      if (p + 4 > size) fail('entry out of range');
      prevlen = b.readUInt32LE(p);
      p += 4;
    } else if (prevlen === 255) {
      fail('entry with an invalid prevlen');
    }
    if (prevlen !== prevSize) fail('prevlen chain broken');
    if (p >= size) fail('entry out of range');
    const enc = b[p++] as number;
    let value: string;
    const kind = enc >>> 6;
    if (kind < 3) {
      let len: number;
      if (kind === 0) len = enc & 0x3f;
      else if (kind === 1) {
        if (p + 1 > size) fail('entry out of range');
        len = ((enc & 0x3f) << 8) | (b[p++] as number);
      } else {
        if (enc !== 0x80 || p + 4 > size) fail('entry with an invalid encoding');
        len = b.readUInt32BE(p);
        p += 4;
      }
      if (p + len > size - 1) fail('entry out of range');
      value = readLatin1(b, p, p + len);
      p += len;
    } else {
      let n: number | bigint;
      let w: number;
      if (enc === 0xc0) [n, w] = [p + 2 <= size ? b.readInt16LE(p) : 0, 2];
      else if (enc === 0xd0) [n, w] = [p + 4 <= size ? b.readInt32LE(p) : 0, 4];
      else if (enc === 0xe0) [n, w] = [p + 8 <= size ? b.readBigInt64LE(p) : 0, 8];
      else if (enc === 0xf0) [n, w] = [p + 3 <= size ? b.readIntLE(p, 3) : 0, 3];
      else if (enc === 0xfe) [n, w] = [p + 1 <= size ? b.readInt8(p) : 0, 1];
      else if (enc >= 0xf1 && enc <= 0xfd) [n, w] = [(enc & 0x0f) - 1, 0];
      else fail('entry with an invalid encoding');
      if (p + w > size - 1) fail('entry out of range');
      p += w;
      value = String(n);
    }
    out.push(value);
    prevSize = p - start;
    last = start;
  }
  if (p !== size - 1) fail('entries do not end at the terminator');
  if (last >= 0 && last !== tail) fail('tail offset does not point at the last entry');
  if (headerCount !== 0xffff && headerCount !== out.length) fail('count does not match its header');
  return out;
}
