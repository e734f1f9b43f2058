// Signed 64-bit integers as Redis parses and prints them. Values inside ±2^53 are plain
// numbers (the fast path); anything outside is a bigint so overflow checks stay exact.

export type Int64 = number | bigint;

export const INT64_MAX = 9223372036854775807n;
export const INT64_MIN = -9223372036854775808n;

/** Parse like Redis's string2ll: optional '-', no '+', no spaces, no leading zeros. */
export function parseInt64(s: string): Int64 | null {
  const len = s.length;
  if (len === 0 || len > 20) return null;
  if (len === 1) {
    const c = s.charCodeAt(0) - 48;
    return c >= 0 && c <= 9 ? c : null;
  }
  let i = 0;
  const negative = s.charCodeAt(0) === 45;
  if (negative) i = 1;
  const first = s.charCodeAt(i) - 48;
  if (first < 1 || first > 9) return null;
  let v = first;
  for (i++; i < len; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    v = v * 10 + d;
  }
  if (v <= Number.MAX_SAFE_INTEGER) return negative ? -v : v;
  const big = negative ? -BigInt(s.slice(1)) : BigInt(s);
  if (big > INT64_MAX || big < INT64_MIN) return null;
  return normalize(big);
}

/** A bigint inside the safe range becomes a number, so equal values have one representation. */
export function normalize(v: bigint): Int64 {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/** a + b, or null when the result leaves the signed 64-bit range. */
export function addInt64(a: Int64, b: Int64): Int64 | null {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  const r = BigInt(a) + BigInt(b);
  if (r > INT64_MAX || r < INT64_MIN) return null;
  return normalize(r);
}

/** Negation that refuses INT64_MIN (whose negation overflows), as DECRBY does. */
export function negateInt64(a: Int64): Int64 | null {
  if (typeof a === 'number') return 0 - a; // never -0
  if (a === INT64_MIN) return null;
  return normalize(-a);
}

export function isInt64Text(s: string): boolean {
  return parseInt64(s) !== null;
}
