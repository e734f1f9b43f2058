// Pure bitmap logic over latin1 strings (bit 0 is the most significant bit of byte 0):
// Redis's range rules for BITCOUNT/BITPOS, popcount and bit search in 64 KiB chunks, BITOP.
// Keys, types and events are StringOps' business; argument parsing is the commands'.

import { Buffer } from 'node:buffer';
import type { Int64 } from '@cinnabar/common';

const POPCOUNT = new Uint8Array(256);
for (let i = 1; i < 256; i++) POPCOUNT[i] = (i & 1) + (POPCOUNT[i >> 1] as number);

/** Strings longer than this are copied into a word-aligned buffer chunk by chunk. */
const CHUNK = 64 * 1024;
const SMALL = 256;
let chunkBuf: Buffer | null = null;

function chunk(): Buffer {
  // Buffer.alloc never uses the shared pool, so byteOffset is 0 and a Uint32Array view aligns.
  chunkBuf ??= Buffer.alloc(CHUNK);
  return chunkBuf;
}

/** Clamp an int64 index far outside any string to a safe number (order is kept). */
function clampIndex(v: Int64): number {
  if (typeof v === 'number') return v;
  return v < 0n ? -(2 ** 53) : 2 ** 53;
}

/**
 * Redis's inclusive start/end rules over `total` units (GETRANGE, BITCOUNT, BITPOS):
 * negative counts from the end, then clamped. Null when the range is empty.
 */
export function resolveRange(total: number, start: Int64, end: Int64): [number, number] | null {
  let s = clampIndex(start);
  let e = clampIndex(end);
  if (s < 0) s = total + s;
  if (e < 0) e = total + e;
  if (s < 0) s = 0;
  if (e < 0) e = 0;
  if (e >= total) e = total - 1;
  return s > e ? null : [s, e];
}

/** resolveRange in bytes or bits, as an inclusive bit interval. */
export function resolveBitRange(byteLength: number, start: Int64, end: Int64, isBit: boolean): [number, number] | null {
  const r = resolveRange(isBit ? byteLength * 8 : byteLength, start, end);
  if (r === null || isBit) return r;
  return [r[0] * 8, r[1] * 8 + 7];
}

/** Number of set bits in bytes [from, to) of s. */
function popcountBytes(s: string, from: number, to: number): number {
  let n = 0;
  if (to - from <= SMALL) {
    for (let i = from; i < to; i++) n += POPCOUNT[s.charCodeAt(i)] as number;
    return n;
  }
  const buf = chunk();
  const words = new Uint32Array(buf.buffer, buf.byteOffset, CHUNK / 4);
  for (let at = from; at < to; at += CHUNK) {
    const len = Math.min(CHUNK, to - at);
    buf.write(s.slice(at, at + len), 0, len, 'latin1');
    const whole = len >> 2;
    for (let w = 0; w < whole; w++) {
      let v = words[w] as number;
      v -= (v >>> 1) & 0x55555555;
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      n += (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
    }
    for (let i = whole * 4; i < len; i++) n += POPCOUNT[buf[i] as number] as number;
  }
  return n;
}

/** Number of set bits in the inclusive bit interval [fromBit, toBit]. */
export function countBits(s: string, fromBit: number, toBit: number): number {
  const first = Math.floor(fromBit / 8);
  const last = Math.floor(toBit / 8);
  let n = popcountBytes(s, first, last + 1);
  // Take away the bits of the edge bytes that lie outside the interval.
  const headMask = (0xff00 >> (fromBit & 7)) & 0xff; // bits before fromBit
  const tailMask = 0xff >> ((toBit & 7) + 1); // bits after toBit
  n -= POPCOUNT[s.charCodeAt(first) & headMask] as number;
  n -= POPCOUNT[s.charCodeAt(last) & tailMask] as number;
  return n;
}

/** Index of the first byte in [from, to) that differs from `skip`, or -1. */
function firstByteNot(s: string, skip: number, from: number, to: number): number {
  if (to - from <= SMALL) {
    for (let i = from; i < to; i++) if (s.charCodeAt(i) !== skip) return i;
    return -1;
  }
  const buf = chunk();
  const words = new Uint32Array(buf.buffer, buf.byteOffset, CHUNK / 4);
  const skipWord = skip === 0 ? 0 : 0xffffffff;
  for (let at = from; at < to; at += CHUNK) {
    const len = Math.min(CHUNK, to - at);
    buf.write(s.slice(at, at + len), 0, len, 'latin1');
    const whole = len >> 2;
    let i = 0;
    for (let w = 0; w < whole; w++) {
      if ((words[w] as number) !== skipWord) {
        i = w * 4;
        break;
      }
      i = (w + 1) * 4;
    }
    for (; i < len; i++) if (buf[i] !== skip) return at + i;
  }
  return -1;
}

/** Position of the first bit equal to `bit` in the inclusive interval [fromBit, toBit], or -1. */
export function findBit(s: string, bit: 0 | 1, fromBit: number, toBit: number): number {
  const first = Math.floor(fromBit / 8);
  const last = Math.floor(toBit / 8);
  const skip = bit === 1 ? 0 : 0xff;
  for (let byte = first; byte <= last; ) {
    const at = byte === first || byte === last ? byte : firstByteNot(s, skip, byte, last);
    if (at < 0) byte = last;
    else {
      const v = s.charCodeAt(at);
      const lo = at === first ? fromBit & 7 : 0;
      const hi = at === last ? toBit & 7 : 7;
      for (let b = lo; b <= hi; b++) if (((v >> (7 - b)) & 1) === bit) return at * 8 + b;
      byte = at + 1;
    }
  }
  return -1;
}

/**
 * BITPOS over a resolved interval. Looking for a 0 without an explicit end, the string
 * counts as padded with zeros on the right, so "not found" is the first bit past it.
 */
export function bitPosition(s: string, bit: 0 | 1, range: [number, number] | null, endGiven: boolean): number {
  if (range === null) return -1;
  const pos = findBit(s, bit, range[0], range[1]);
  if (pos >= 0 || bit === 1 || endGiven) return pos;
  return range[1] + 1;
}

/** The bit at `offset` (0 beyond the end). */
export function getBit(s: string, offset: number): 0 | 1 {
  const byte = Math.floor(offset / 8);
  if (byte >= s.length) return 0;
  return ((s.charCodeAt(byte) >> (7 - (offset & 7))) & 1) as 0 | 1;
}

/** s with one byte replaced (the caller has made s long enough). */
export function replaceByte(s: string, index: number, byte: number): string {
  return s.slice(0, index) + String.fromCharCode(byte) + s.slice(index + 1);
}

/** s zero-padded to at least `bytes` bytes. */
export function zeroPad(s: string, bytes: number): string {
  return s.length >= bytes ? s : s + '\0'.repeat(bytes - s.length);
}

export type BitOp = 'and' | 'or' | 'xor' | 'not';

/** BITOP over the sources (null for a missing key, treated as empty): the result bytes. */
export function bitOp(op: BitOp, sources: readonly (string | null)[]): string {
  let maxLen = 0;
  for (const src of sources) if (src !== null && src.length > maxLen) maxLen = src.length;
  if (maxLen === 0) return '';
  const out = Buffer.alloc(maxLen);
  const first = sources[0];
  if (first) out.write(first, 0, first.length, 'latin1');
  if (op === 'not') {
    for (let i = 0; i < maxLen; i++) out[i] = ~(out[i] as number) & 0xff;
    return out.toString('latin1');
  }
  for (let k = 1; k < sources.length; k++) {
    const src = sources[k] ?? '';
    const bytes = Buffer.from(src, 'latin1');
    const n = bytes.length;
    if (op === 'and') {
      for (let i = 0; i < n; i++) out[i] = (out[i] as number) & (bytes[i] as number);
      out.fill(0, n);
    } else if (op === 'or') {
      for (let i = 0; i < n; i++) out[i] = (out[i] as number) | (bytes[i] as number);
    } else {
      for (let i = 0; i < n; i++) out[i] = (out[i] as number) ^ (bytes[i] as number);
    }
  }
  return out.toString('latin1');
}
