// Relative and absolute expiry arguments (EX PX EXAT PXAT, EXPIRE family) turned into
// absolute unix ms, with Redis's overflow and range errors.

import { RedisError } from '@cinnabar/common';

const MAX_MS = 9223372036854775807; // beyond this Redis reports an invalid expire time

/** EX/PX/EXAT/PXAT value → absolute ms. Non-positive values are invalid for SET/GETEX. */
export function absoluteExpiry(unit: string, n: number, nowMs: number, command: string): number {
  if (n <= 0) throw new RedisError(`ERR invalid expire time in '${command}' command`);
  const ms = unit === 'EX' || unit === 'EXAT' ? n * 1000 : n;
  if (!Number.isSafeInteger(ms) || ms > MAX_MS) throw new RedisError(`ERR invalid expire time in '${command}' command`);
  const abs = unit === 'EX' || unit === 'PX' ? ms + nowMs : ms;
  if (!Number.isSafeInteger(abs)) throw new RedisError(`ERR invalid expire time in '${command}' command`);
  return abs;
}
