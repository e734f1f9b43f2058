// Relative and absolute expiry arguments (EX PX EXAT PXAT, EXPIRE family) turned into
// absolute unix ms, with Redis's overflow and range errors.

import { type Int64, RedisError } from '@cinnabar/common';

const LLONG_MAX = 9223372036854775807n;
/** LLONG_MAX / 1000: larger second counts overflow when scaled to ms. */
const SECONDS_MAX = 9223372036854775n;

/**
 * EX/PX/EXAT/PXAT value → absolute ms, as Redis's getExpireMillisecondsOrReply checks it:
 * non-positive, too many seconds to scale, or a sum past LLONG_MAX is an invalid expire time.
 */
export function absoluteExpiry(unit: string, n: Int64, nowMs: number, command: string): number {
  const invalid = () => new RedisError(`ERR invalid expire time in '${command}' command`);
  const seconds = unit === 'EX' || unit === 'EXAT';
  const relative = unit === 'EX' || unit === 'PX';
  if (n <= 0) throw invalid();
  if (typeof n === 'number' && n < 1e12) return (seconds ? n * 1000 : n) + (relative ? nowMs : 0);
  let ms = BigInt(n);
  if (seconds) {
    if (ms > SECONDS_MAX) throw invalid();
    ms *= 1000n;
  }
  if (relative) ms += BigInt(nowMs);
  if (ms > LLONG_MAX) throw invalid();
  return Number(ms);
}
