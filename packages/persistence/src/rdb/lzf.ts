// LZF, the compression Redis applies to RDB strings longer than 20 bytes: a stream of literal
// runs (control < 32: that many + 1 bytes follow) and back-references (3-bit length, 13-bit
// offset). The compressor makes the same choices as Redis's lzf_c.c (liblzf 3.6 built with
// HLOG 16 and VERY_FAST), so DUMP payloads and RDB files come out byte-identical to Redis's;
// any LZF decoder reads the output either way.

import { Buffer } from 'node:buffer';
import { RdbFormatError } from './errors.js';

const HLOG = 16;
const HMASK = (1 << HLOG) - 1;
const MAX_LIT = 32;
const MAX_OFF = 1 << 13;
/** Cap on the match length lzf_c measures before its final extension (MAX_REF). */
const MAX_REF = (1 << 8) + (1 << 3);

/**
 * Hash slots hold position + base; a call's base is above every position stored before it, so
 * entries left by earlier inputs read as empty without clearing the table (deterministic output;
 * Redis's table is uninitialised stack memory whose stale entries it treats as misses).
 */
const htab = new Int32Array(1 << HLOG);
let base = 1;

let scratch = Buffer.allocUnsafe(64 * 1024);

/** Uint8Array's own fill: Buffer#fill goes through argument checks in JS first. */
const fill = Uint8Array.prototype.fill;

/** Runs up to this long are copied byte by byte; longer ones by one native call. */
const COPY_MIN = 16;

/** lzf_c's VERY_FAST slot of the three bytes at p: ((h >> 8) - h * 5) mod 2^HLOG, h = the bytes big-endian. */
function slot(src: Uint8Array, p: number): number {
  const h = (src[p]! << 16) | (src[p + 1]! << 8) | src[p + 2]!;
  return ((h >>> 8) - Math.imul(h, 5)) & HMASK;
}

/**
 * Compress src[start, end) into out from outStart, writing at most outLimit bytes.
 * Returns the compressed size, or 0 when it would not fit (no gain). Mirrors lzf_compress step
 * for step, including its conservative out-of-space tests, since those decide when Redis gives
 * up on compressing (and so whether a DUMP payload holds the string raw).
 */
export function lzfCompressInto(src: Uint8Array, start: number, end: number, out: Uint8Array, outStart: number, outLimit: number): number {
  const n = end - start;
  if (n === 0 || outLimit === 0) return 0;
  if (base + n + 1 > 0x3fffffff) {
    htab.fill(0);
    base = 1;
  }
  const b = base - start;
  base += n + 1;
  const outEnd = outStart + outLimit;
  let op = outStart + 1; // a literal run's control byte sits at op - lit - 1
  let lit = 0;
  let ip = start;
  while (ip < end - 2) {
    const h = slot(src, ip);
    const ref = htab[h]! - b;
    htab[h] = ip + b;
    const off = ip - ref - 1;
    // Redis never refers back to the first byte (its "empty slot" test is ref > in_data).
    if (ref > start && off < MAX_OFF && src[ref] === src[ip] && src[ref + 1] === src[ip + 1] && src[ref + 2] === src[ip + 2]) {
      let len = 2;
      const maxLen = Math.min(end - ip - len, MAX_REF);
      if (op + 4 >= outEnd && op - (lit === 0 ? 1 : 0) + 4 >= outEnd) return 0;
      out[op - lit - 1] = lit - 1;
      if (lit === 0) op--;
      // lzf_c first compares 16 bytes unconditionally when more than 16 remain, then extends
      // up to maxLen, so a match may run 2 bytes past maxLen; the lengths must agree exactly.
      let stopped = false;
      if (maxLen > 16) {
        for (let k = 0; k < 16; k++) {
          len++;
          if (src[ref + len] !== src[ip + len]) {
            stopped = true;
            break;
          }
        }
      }
      if (!stopped) {
        do len++;
        while (len < maxLen && src[ref + len] === src[ip + len]);
      }
      len -= 2; // octets - 2, the encoded length
      if (len < 7) {
        out[op++] = (off >>> 8) + (len << 5);
      } else {
        out[op++] = (off >>> 8) + (7 << 5);
        out[op++] = len - 7;
      }
      out[op++] = off & 0xff;
      lit = 0;
      op++;
      ip += len + 2;
      if (ip >= end - 2) break;
      // VERY_FAST: only the last two positions inside the match enter the table.
      htab[slot(src, ip - 2)] = ip - 2 + b;
      htab[slot(src, ip - 1)] = ip - 1 + b;
      continue;
    }
    if (op >= outEnd) return 0;
    lit++;
    out[op++] = src[ip++]!;
    if (lit === MAX_LIT) {
      out[op - lit - 1] = lit - 1;
      lit = 0;
      op++;
    }
  }
  if (op + 3 > outEnd) return 0;
  while (ip < end) {
    lit++;
    out[op++] = src[ip++]!;
    if (lit === MAX_LIT) {
      out[op - lit - 1] = lit - 1;
      lit = 0;
      op++;
    }
  }
  out[op - lit - 1] = lit - 1;
  if (lit === 0) op--;
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
