// Argument parsing shared by all handlers: integers, floats and option tokens with
// Redis's exact error replies.

import { type Int64, NotFloatError, NotIntegerError, parseDouble, parseInt64, RedisError } from '@cinnabar/common';

/** A signed 64-bit integer argument, as number or (outside ±2^53) bigint. */
export function int64Arg(s: string): Int64 {
  const v = parseInt64(s);
  if (v === null) throw new NotIntegerError();
  return v;
}

/** An integer argument that must fit a JS safe integer; larger ones are out of range. */
export function intArg(s: string, error: () => Error = () => new NotIntegerError()): number {
  const v = parseInt64(s);
  if (v === null || typeof v === 'bigint') throw error();
  return v;
}

/** A non-negative integer argument ("value is out of range, must be positive"). */
export function positiveIntArg(s: string, what = 'value'): number {
  const v = intArg(s);
  if (v < 0) throw new RedisError(`ERR ${what} is out of range, must be positive`);
  return v;
}

export function floatArg(s: string, error: () => Error = () => new NotFloatError()): number {
  const v = parseDouble(s);
  if (v === null) throw error();
  return v;
}

/** An option token, upper-cased for comparison. */
export function token(s: string | undefined): string {
  return s === undefined ? '' : s.toUpperCase();
}

/** Redis's "%.128s" truncation used in error texts. */
export function clip(s: string, n = 128): string {
  return s.length > n ? s.slice(0, n) : s;
}
