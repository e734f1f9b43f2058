// Argument rules of the sorted-set commands: score-range bounds as Redis's zslParseRange reads
// them (strtod over the text, "(" for exclusive, NaN refused), lex-range items ("[a" "(a" "-"
// "+"), and the WITHSCORES reply shape (flat in RESP2, [member, score] pairs in RESP3).

import { parseDouble, RedisError } from '@cinnabar/common';
import { type Reply, reply } from '@cinnabar/resp';
import type { LexRange, ScoreRange } from '@cinnabar/storage';

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^([+-]?)inf(?:inity)?$/i;
const HEX = /^[+-]?0[xX]/;

/**
 * C's strtod over the whole (NUL-terminated) text: leading spaces allowed, overflow gives an
 * infinity, underflow zero, "" reads as 0. Null when the text is not a number or is NaN.
 */
export function strtod(text: string): number | null {
  const nul = text.indexOf('\0');
  const s = nul < 0 ? text : text.slice(0, nul);
  if (s === '') return 0;
  const t = s.replace(/^[ \t\n\v\f\r]+/, '');
  if (DECIMAL.test(t)) return Number(t);
  const inf = INFINITY.exec(t);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  if (HEX.test(t)) return parseDouble(t);
  return null;
}

function scoreBound(s: string): [number, boolean] | null {
  const ex = s.charCodeAt(0) === 40; // '('
  const v = strtod(ex ? s.slice(1) : s);
  return v === null ? null : [v, ex];
}

/** ZRANGEBYSCORE-style min and max; "ERR min or max is not a float" otherwise. */
export function scoreRangeArgs(min: string, max: string): ScoreRange {
  const lo = scoreBound(min);
  const hi = scoreBound(max);
  if (lo === null || hi === null) throw new RedisError('ERR min or max is not a float');
  return { min: lo[0], minex: lo[1], max: hi[0], maxex: hi[1] };
}

type LexItem = { inf: '-' | '+' } | { value: string; ex: boolean };

function lexItem(s: string): LexItem | null {
  const c = s[0];
  if (c === '+' || c === '-') return s.length === 1 || s[1] === '\0' ? { inf: c } : null;
  if (c === '(' || c === '[') return { value: s.slice(1), ex: c === '(' };
  return null;
}

/** ZRANGEBYLEX-style min and max; "ERR min or max not valid string range item" otherwise. */
export function lexRangeArgs(min: string, max: string): LexRange {
  const lo = lexItem(min);
  const hi = lexItem(max);
  if (lo === null || hi === null) throw new RedisError('ERR min or max not valid string range item');
  const r: LexRange = { min: '', max: '', minex: false, maxex: false };
  if ('inf' in lo) {
    if (lo.inf === '-') r.minInf = true;
    else r.empty = true;
  } else {
    r.min = lo.value;
    r.minex = lo.ex;
  }
  if ('inf' in hi) {
    if (hi.inf === '+') r.maxInf = true;
    else r.empty = true;
  } else {
    r.max = hi.value;
    r.maxex = hi.ex;
  }
  return r;
}

/** Members with their scores: flat in RESP2, [member, score] pairs in RESP3. */
export function withScores(pairs: readonly [string, number][], resp: number): Reply {
  if (resp > 2) return pairs.map(([m, s]) => [m, reply.double(s)]);
  const out: Reply[] = [];
  for (const [m, s] of pairs) out.push(m, reply.double(s));
  return out;
}
