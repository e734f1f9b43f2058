// Lex-range tests, and the walk Redis does over a listpack-encoded set for a lex range. Lex
// ranges are only meaningful when every score is equal; when scores differ Redis's answer is
// whatever its walk finds. A listpack walk is a linear scan from one end, so it is exactly
// reproducible (a skiplist's depends on random node levels, so that one is not).

import type { PackedPairs } from './zset-packed.js';

/** A member interval: '' bounds with minInf/maxInf flags stand for "-" and "+". */
export interface LexRange {
  min: string;
  max: string;
  minex: boolean;
  maxex: boolean;
  minInf?: boolean;
  maxInf?: boolean;
  /** "+" as min or "-" as max: nothing matches. */
  empty?: boolean;
}

export function lexGteMin(m: string, r: LexRange): boolean {
  if (r.minInf) return true;
  if (r.empty) return false;
  return r.minex ? m > r.min : m >= r.min;
}

export function lexLteMax(m: string, r: LexRange): boolean {
  if (r.maxInf) return true;
  if (r.empty) return false;
  return r.maxex ? m < r.max : m <= r.max;
}

/** True when no member can match, whatever the set holds. */
export function lexEmpty(r: LexRange): boolean {
  if (r.empty) return true;
  if (r.minInf || r.maxInf) return false;
  return r.min > r.max || (r.min === r.max && (r.minex || r.maxex));
}

/**
 * The index Redis's listpack walk starts from, -1 for none (zzlFirstInLexRange, or
 * zzlLastInLexRange when reverse): after the whole-set checks on the two end members, the
 * first member from that end inside the near bound, which must also be inside the far bound.
 */
export function packedLexStart(p: PackedPairs, r: LexRange, reverse: boolean): number {
  const n = p.size;
  if (n === 0 || lexEmpty(r)) return -1;
  if (!lexGteMin(p.memberAt(n - 1), r) || !lexLteMax(p.memberAt(0), r)) return -1;
  if (reverse) {
    for (let i = n - 1; i >= 0; i--) {
      const m = p.memberAt(i);
      if (lexLteMax(m, r)) return lexGteMin(m, r) ? i : -1;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const m = p.memberAt(i);
      if (lexGteMin(m, r)) return lexLteMax(m, r) ? i : -1;
    }
  }
  return -1;
}
