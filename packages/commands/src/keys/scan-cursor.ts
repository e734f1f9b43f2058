// SCAN-family cursors, parsed as Redis's strtoul does: decimal, optional sign ("-1" wraps
// to 2^64-1), no leading space, nothing trailing, "" as 0; beyond 2^64-1 is invalid.

import { RedisError } from '@cinnabar/common';

const ULONG_MAX = 18446744073709551615n;

/** The cursor as a number (exact below 2^53; larger cursors are past every index). */
export function scanCursorArg(s: string): number {
  const m = /^([+-]?)([0-9]*)$/.exec(s);
  if (m === null || (m[2] === '' && s !== '')) throw new RedisError('ERR invalid cursor');
  const digits = m[2] as string;
  if (digits.length <= 15) {
    const v = digits === '' ? 0 : Number(digits);
    return m[1] === '-' && v !== 0 ? Number(ULONG_MAX + 1n - BigInt(v)) : v;
  }
  const v = BigInt(digits);
  if (v > ULONG_MAX) throw new RedisError('ERR invalid cursor');
  return Number(m[1] === '-' && v !== 0n ? ULONG_MAX + 1n - v : v);
}
