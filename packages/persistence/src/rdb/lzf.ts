// LZF, the compression Redis applies to RDB strings longer than 20 bytes: a stream of literal
// runs (control < 32: that many + 1 bytes follow) and back-references (3-bit length, 13-bit
// offset). The compressor is a greedy one-hash-probe matcher; any LZF decoder reads its output.

import { Buffer } from 'node:buffer';
import { RdbFormatError } from './errors.js';

const HLOG = 14;
const MAX_LIT = 32;
const MAX_OFF = 1 << 13;
/** Longest back-reference: encoded length 7 + 255, plus the 2 implied bytes. */
const MAX_MATCH = 264;

/**
 * Hash slots hold position + base; a call's base is above every position stored before it, so
 * entries left by earlier inputs read as empty without clearing the table (deterministic output).
 */
const htab = new Int32Array(1 << HLOG);
let base = 1;

let scratch = Buffer.allocUnsafe(64 * 1024);

/** Uint8Array's own fill: Buffer#fill goes through argument checks in JS first. */
const fill = Uint8Array.prototype.fill;

/** Runs up to this long are copied byte by byte; longer ones by one native call. */
const COPY_MIN = 16;

/**
 * Compress src[start, end) into out from outStart, writing at most outLimit bytes.
 * Returns the compressed size, or 0 when it would not fit (no gain).
 */
export function lzfCompressInto(src: Uint8Array, start: number, end: number, out: Uint8Array, outStart: number, outLimit: number): number {
  const n = end - start;
  if (n === 0) return 0;
  if (base + n + 1 > 0x3fffffff) {
    htab.fill(0);
    base = 1;
  }
  const b = base - start;
  base += n + 1;
  const outEnd = outStart + outLimit;
  let op = outStart;
  let litStart = op++;
  let lit = 0;
  let ip = start;
  while (ip + 2 < end) {
    const v = (src[ip]! << 16) | (src[ip + 1]! << 8) | src[ip + 2]!;
    const h = Math.imul(v, 0x9e3779b1) >>> (32 - HLOG);
    const ref = htab[h]! - b;
    htab[h] = ip + b;
    const off = ip - ref - 1;
    if (ref >= start && off < MAX_OFF && off >= 0 && src[ref] === src[ip] && src[ref + 1] === src[ip + 1] && src[ref + 2] === src[ip + 2]) {
      let len = 3;
      const maxLen = Math.min(MAX_MATCH, end - ip);
      while (len < maxLen && src[ref + len] === src[ip + len]) len++;
      if (lit > 0) out[litStart] = lit - 1;
      else op--;
      if (op + 4 > outEnd) return 0;
      const enc = len - 2;
      if (enc < 7) {
        out[op++] = (off >>> 8) | (enc << 5);
      } else {
        out[op++] = (off >>> 8) | 0xe0;
        out[op++] = enc - 7;
      }
      out[op++] = off & 0xff;
      litStart = op++;
      lit = 0;
      ip += len;
      continue;
    }
    if (op + 2 > outEnd) return 0;
    out[op++] = src[ip++]!;
    if (++lit === MAX_LIT) {
      out[litStart] = MAX_LIT - 1;
      litStart = op++;
      lit = 0;
    }
  }
  while (ip < end) {
    if (op + 2 > outEnd) return 0;
    out[op++] = src[ip++]!;
    if (++lit === MAX_LIT) {
      out[litStart] = MAX_LIT - 1;
      litStart = op++;
      lit = 0;
    }
  }
  if (lit > 0) out[litStart] = lit - 1;
  else op--;
  return op - outStart;
}

/** The LZF form of src when it saves at least 4 bytes (Redis's rule), else null. */
export function lzfCompress(src: Uint8Array): Buffer | null {
  if (src.length <= 4) return null;
  const limit = src.length - 4;
  if (scratch.length < limit) scratch = Buffer.allocUnsafe(limit * 2);
  const n = lzfCompressInto(src, 0, src.length, scratch, 0, limit);
  return n === 0 ? null : Buffer.from(scratch.subarray(0, n));
}

/** Decompress src into a buffer of exactly outLen bytes; any inconsistency throws RdbFormatError. */
export function lzfDecompress(src: Uint8Array, outLen: number): Buffer {
  const out = Buffer.allocUnsafe(outLen);
  lzfDecompressInto(src, 0, src.length, out, outLen);
  return out;
}

/** Decompress src[start, end) into out[0, outLen), which it must fill exactly. */
export function lzfDecompressInto(src: Uint8Array, start: number, end: number, out: Uint8Array, outLen: number): void {
  if (outLen > out.length) throw new RangeError('LZF output buffer too small');
  let ip = start;
  let op = 0;
  while (ip < end) {
    const ctrl = src[ip++]!;
    if (ctrl < MAX_LIT) {
      const run = ctrl + 1;
      if (op + run > outLen) throw new RdbFormatError('LZF literal run past the output length');
      if (ip + run > end) throw new RdbFormatError('LZF literal run past the input');
      for (let k = 0; k < run; k++) out[op++] = src[ip++]!;
      continue;
    }
    let len = ctrl >>> 5;
    if (len === 7) {
      if (ip >= end) throw new RdbFormatError('LZF back-reference truncated');
      len += src[ip++]!;
    }
    if (ip >= end) throw new RdbFormatError('LZF back-reference truncated');
    const ref = op - ((ctrl & 0x1f) << 8) - src[ip++]! - 1;
    len += 2;
    if (ref < 0) throw new RdbFormatError('LZF back-reference before the output start');
    if (op + len > outLen) throw new RdbFormatError('LZF back-reference past the output length');
    if (len <= COPY_MIN) {
      for (let k = 0; k < len; k++) out[op++] = out[ref + k]!;
    } else if (ref === op - 1) {
      // A run of one byte (zero padding, repeated characters): a fill, not a byte loop.
      fill.call(out, out[ref]!, op, op + len);
      op += len;
    } else {
      // An overlapping reference repeats its period; copy whole periods, each a native copy.
      const end = op + len;
      while (op < end) {
        const n = Math.min(op - ref, end - op);
        out.copyWithin(op, ref, ref + n);
        op += n;
      }
    }
  }
  if (op !== outLen) throw new RdbFormatError('LZF data shorter than its stated length');
}
