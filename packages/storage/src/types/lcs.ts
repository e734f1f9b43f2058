// Pure longest-common-subsequence for LCS: the classic dynamic-programming table, then one
// walk back from the end that yields the subsequence and the matching ranges in the order
// and grouping Redis reports them (last match first).

import { Buffer } from 'node:buffer';

export interface LcsMatch {
  /** Inclusive byte ranges in a and in b. */
  a: [number, number];
  b: [number, number];
  length: number;
}

export interface LcsResult {
  length: number;
  /** The subsequence itself (only when asked for). */
  text: string;
  matches: LcsMatch[];
}

/** Bytes the DP table needs; Redis refuses tables larger than proto-max-bulk-len. */
export function lcsTableBytes(alen: number, blen: number): number {
  return (alen + 1) * (blen + 1) * 4;
}

export function lcs(a: string, b: string, opts: { text: boolean; matches: boolean; minMatchLen: number }): LcsResult {
  const alen = a.length;
  const blen = b.length;
  const w = blen + 1;
  const table = new Uint32Array((alen + 1) * w);
  for (let i = 1; i <= alen; i++) {
    const ca = a.charCodeAt(i - 1);
    const row = i * w;
    const prev = row - w;
    for (let j = 1; j <= blen; j++) {
      if (ca === b.charCodeAt(j - 1)) table[row + j] = (table[prev + j - 1] as number) + 1;
      else {
        const up = table[prev + j] as number;
        const left = table[row + j - 1] as number;
        table[row + j] = up > left ? up : left;
      }
    }
  }
  const length = table[alen * w + blen] as number;
  const result: LcsResult = { length, text: '', matches: [] };
  if (!opts.text && !opts.matches) return result;

  const chars = new Uint8Array(length);
  let idx = length;
  let i = alen;
  let j = blen;
  // Current range, growing backwards; aStart === -1 means none is open.
  let aStart = -1;
  let aEnd = 0;
  let bStart = 0;
  let bEnd = 0;
  while (i > 0 && j > 0) {
    let emit = false;
    if (a.charCodeAt(i - 1) === b.charCodeAt(j - 1)) {
      chars[--idx] = a.charCodeAt(i - 1);
      if (aStart === -1) {
        aStart = aEnd = i - 1;
        bStart = bEnd = j - 1;
      } else if (aStart === i && bStart === j) {
        aStart--;
        bStart--;
      } else emit = true;
      if (aStart === 0 || bStart === 0) emit = true;
      i--;
      j--;
    } else {
      if ((table[(i - 1) * w + j] as number) > (table[i * w + j - 1] as number)) i--;
      else j--;
      if (aStart !== -1) emit = true;
    }
    if (emit) {
      const len = aEnd - aStart + 1;
      if (opts.minMatchLen === 0 || len >= opts.minMatchLen) {
        result.matches.push({ a: [aStart, aEnd], b: [bStart, bEnd], length: len });
      }
      aStart = -1;
    }
  }
  if (opts.text) result.text = Buffer.from(chars.buffer, 0, length).toString('latin1');
  return result;
}
