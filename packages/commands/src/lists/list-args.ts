// Argument rules the list commands share: Redis's `long` arguments (64-bit, clamped here to
// the safe range, which no list length reaches), positive counts with their per-command
// error texts, and the LEFT/RIGHT direction token.

import { errors, parseInt64, RedisError } from '@cinnabar/common';
import type { ListEnd } from '@cinnabar/storage';

/** A signed 64-bit argument as a number; beyond ±2^53 it is clamped (same meaning for lists). */
export function longArg(s: string, error: () => Error = errors.notInteger): number {
  const v = parseInt64(s);
  if (v === null) throw error();
  if (typeof v === 'number') return v;
  return v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
}

/** getPositiveLongFromObjectOrReply: a non-integer gets the same text as a negative. */
export function positiveLongArg(s: string, text = 'value is out of range, must be positive'): number {
  const fail = () => new RedisError(`ERR ${text}`);
  const v = longArg(s, fail);
  if (v < 0) throw fail();
  return v;
}

/** getRangeLongFromObjectOrReply(1, LONG_MAX) with a message: both failures share it. */
export function atLeastOneArg(s: string, text: string): number {
  const v = positiveLongArg(s, text);
  if (v < 1) throw new RedisError(`ERR ${text}`);
  return v;
}

/** LEFT or RIGHT (any case), else a syntax error. */
export function whereArg(s: string): ListEnd {
  const t = s.toLowerCase();
  if (t === 'left') return 'head';
  if (t === 'right') return 'tail';
  throw errors.syntax();
}
