// Redis's zipmap (RDB type 9, hashes saved by Redis before 2.6), read-only: a count byte, then
// key-length, key, value-length, free byte, value, free bytes … and 0xff. Decoding checks what
// zipmapValidateIntegrity(deep) checks.

import { Buffer } from 'node:buffer';
import { RdbFormatError } from './errors.js';
import { readLatin1 } from './latin1.js';

const BIGLEN = 254;
const END = 0xff;

function fail(what: string): never {
  throw new RdbFormatError(`zipmap ${what}`);
}

/** The field/value pairs of a zipmap, flattened [f1, v1, f2, v2, …]. */
export function decodeZipmap(buf: Uint8Array): string[] {
  const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.length);
  const size = b.length;
  if (size < 2) fail('shorter than its header');
  if (b[size - 1] !== END) fail('without its terminator');
  const out: string[] = [];
  let p = 1;
  const length = (): number => {
    const first = b[p] as number;
    if (first < BIGLEN) {
      p += 1;
      return first;
    }
    if (first === END || p + 5 > size - 1) fail('entry out of range');
    const n = b.readUInt32LE(p + 1);
    p += 5;
    return n;
  };
  while (b[p] !== END) {
    const flen = length();
    if (p + flen > size - 1) fail('entry out of range');
    out.push(readLatin1(b, p, p + flen));
    p += flen;
    if (p >= size - 1) fail('entry out of range');
    const vlen = length();
    if (p >= size - 1) fail('entry out of range');
    const free = b[p++] as number;
    if (p + vlen + free > size - 1) fail('entry out of range');
    out.push(readLatin1(b, p, p + vlen));
    p += vlen + free;
  }
  const count = out.length / 2;
  if (count === 0) fail('empty');
  if (b[0] !== BIGLEN && b[0] !== count) fail('count does not match its header');
  return out;
}
